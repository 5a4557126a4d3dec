package org.townshipledger.report;

import java.util.List;

/**
 * A line of a sheet: data, or a summary (a village's subtotal, the total), which is printed in bold.
 */
public record ReportRow(List<String> cells, boolean summary) {

    public static ReportRow data(List<String> cells) {
        return new ReportRow(cells, false);
    }

    public static ReportRow summary(List<String> cells) {
        return new ReportRow(cells, true);
    }
}
