package org.townshipledger.exchange;

import java.util.Map;

/**
 * One data row of an imported sheet or CSV file.
 *
 * @param line  the row's line number in the file as the user sees it (1-based; Excel's row number)
 * @param cells cell text by header, stripped; a missing cell is absent or empty
 */
public record TableRow(int line, Map<String, String> cells) {

    /** The cell's text, or "" when the column is missing or blank. */
    public String get(String header) {
        String v = cells.get(header);
        return v == null ? "" : v;
    }
}
