package org.townshipledger.common;

/**
 * One thing wrong with what the user entered: on a form field, or on a row of an imported file.
 *
 * @param line    line number in the imported file (1-based), or 0 for a form
 * @param field   the form field key or the file's column header
 * @param message the reason, already in the user's language
 */
public record Problem(int line, String field, String message) {

    public static Problem onField(String field, String message) {
        return new Problem(0, field, message);
    }

    /** "第 3 行，村代码：…" for files; "村代码：…" for forms. */
    public String describe() {
        if (line > 0) {
            return Messages.get("problem.row", line, field, message);
        }
        return field == null || field.isEmpty() ? message : Messages.get("problem.field", field, message);
    }
}
