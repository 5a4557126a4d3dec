package org.townshipledger.household;

import java.nio.file.Path;
import java.util.List;
import org.townshipledger.common.Problem;

/**
 * What an import of households did, or would do.
 *
 * @param added       households new to the ledger
 * @param updated     households already in the ledger (same head ID, or same 户编号) that were updated
 * @param members     member rows of those households
 * @param errors      every error, by row; when there is one, nothing was written
 * @param warnings    what does not block the import but should be looked at
 * @param written     true when the ledger was changed (false on errors and for a dry run)
 * @param errorReport the error report written, or null
 */
public record ImportResult(int added, int updated, int members, List<RowProblem> errors, List<RowProblem> warnings,
                           boolean written, Path errorReport) {

    public ImportResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors as {@link Problem}s, for an {@link org.townshipledger.common.InvalidInputException}. */
    public List<Problem> problems() {
        return errors.stream().map(RowProblem::toProblem).toList();
    }
}
