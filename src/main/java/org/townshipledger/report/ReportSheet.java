package org.townshipledger.report;

import java.util.List;
import java.util.function.Consumer;

/**
 * A printed sheet: a title, its columns, and the rows a service call produces. Rows are streamed into the
 * sink so a 100,000-row sheet never sits in memory; the same rows go to the PDF and to the .xlsx.
 */
public interface ReportSheet {

    /** Stable English key for the command line, e.g. {@code villages}. */
    String key();

    /** The Chinese (or English) title, without the township and year. */
    String title();

    /** Whether the sheet can be limited to one village. */
    boolean byVillage();

    List<Column> columns(ReportParams params);

    /** Produces the rows in order, calling {@code sink} for each; summary rows included. */
    void rows(ReportParams params, Consumer<ReportRow> sink);

    /** A rough row count for the progress bar (0 when unknown). */
    default int expectedRows(ReportParams params) {
        return 0;
    }
}
