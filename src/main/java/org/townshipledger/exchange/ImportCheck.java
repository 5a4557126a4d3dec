package org.townshipledger.exchange;

import java.util.List;

/**
 * What checking an import file found (a dry run, nothing written), or what an import did.
 *
 * @param added    records the file would add (or added)
 * @param updated  records already in the ledger it would update (or updated)
 * @param rows     data rows behind them (members for households; the records themselves for the other registers)
 * @param errors   every error, by row; while there is one, nothing may be written
 * @param warnings what does not block the import but should be looked at
 */
public record ImportCheck(int added, int updated, int rows, List<RowIssue> errors, List<RowIssue> warnings) {

    public ImportCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** True when there is something to write and nothing stops it. */
    public boolean canImport() {
        return errors.isEmpty() && added + updated > 0;
    }
}
