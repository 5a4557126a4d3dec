package org.townshipledger.household;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * How to import a households sheet.
 *
 * @param dryRun      check and report only; write nothing
 * @param errorReport where to write the rows with errors (.xlsx or .csv) when there are any, or null
 * @param progress    told how far the import is, from the importing thread
 * @param cancelled   asked between batches; when it says true the import stops and nothing is written
 *                    ({@link java.util.concurrent.CancellationException}). Never interrupt the importing thread.
 */
public record ImportOptions(boolean dryRun, Path errorReport, Progress progress, BooleanSupplier cancelled) {

    public ImportOptions {
        progress = progress == null ? Progress.NONE : progress;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, null, Progress.NONE, () -> false);
    }

    public ImportOptions withDryRun(boolean newDryRun) {
        return new ImportOptions(newDryRun, errorReport, progress, cancelled);
    }

    public ImportOptions withErrorReport(Path newErrorReport) {
        return new ImportOptions(dryRun, newErrorReport, progress, cancelled);
    }

    public ImportOptions withProgress(Progress newProgress) {
        return new ImportOptions(dryRun, errorReport, newProgress, cancelled);
    }

    public ImportOptions withCancel(BooleanSupplier newCancelled) {
        return new ImportOptions(dryRun, errorReport, progress, newCancelled);
    }

    /** The stages of an import, in order. */
    public enum Stage {
        /** Reading rows; the total is not known yet (-1). */
        READING,
        /** Checking households against the rules and the ledger; done and total count member rows. */
        CHECKING,
        /** Writing; done and total count member rows. */
        WRITING
    }

    /** Progress of an import; called often, so keep it cheap (a view model copies it to a volatile field). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (stage, done, total) -> { };

        void update(Stage stage, long done, long total);
    }
}
