package org.townshipledger.exchange;

/**
 * Something wrong (or worth a look) on a row of an imported file, in the shape every register shares so one import
 * dialog can list them.
 *
 * @param line   the row number in the file (Excel's row number; for a CSV its record number)
 * @param column the column header as the file wrote it
 * @param value  the cell as read ("" when empty or unknown)
 * @param reason why, in the user's language
 */
public record RowIssue(int line, String column, String value, String reason) {

    public RowIssue {
        column = column == null ? "" : column;
        value = value == null ? "" : value;
        reason = reason == null ? "" : reason;
    }
}
