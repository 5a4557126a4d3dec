package org.townshipledger.household;

import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;

/**
 * Something wrong with a row of an imported households sheet.
 *
 * @param line    the row number in the file (Excel's row number; for a CSV its record number)
 * @param column  the column header as the file wrote it
 * @param value   the cell as read ("" when empty)
 * @param reason  why, in the user's language
 * @param warning true when it does not block the import
 */
public record RowProblem(int line, String column, String value, String reason, boolean warning) {

    /** The value in quotes, then the reason: {@code “4.30523E+17” 身份证号…}; the reason alone for an empty cell. */
    public String message() {
        return value == null || value.isEmpty() ? reason : Messages.get("household.import.valueReason", value, reason);
    }

    /** As a {@link Problem}: "第 12 行，证件号码：“4.30523E+17” …". */
    public Problem toProblem() {
        return new Problem(line, column, message());
    }

    public String describe() {
        return toProblem().describe();
    }
}
