package org.townshipledger.report;

import java.util.List;

/**
 * A line of a sheet: data; a summary (a village's subtotal, the total), printed bold on grey; or data to be
 * noticed (a village short of something), printed on a light red.
 */
public record ReportRow(List<String> cells, Kind kind) {

    public enum Kind { DATA, SUMMARY, HIGHLIGHT }

    public static ReportRow data(List<String> cells) {
        return new ReportRow(cells, Kind.DATA);
    }

    public static ReportRow summary(List<String> cells) {
        return new ReportRow(cells, Kind.SUMMARY);
    }

    public static ReportRow highlight(List<String> cells) {
        return new ReportRow(cells, Kind.HIGHLIGHT);
    }

    public boolean summary() {
        return kind == Kind.SUMMARY;
    }
}
