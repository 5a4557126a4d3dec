package org.townshipledger.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;

/**
 * State of the import dialog of any register ({@link Exchange}): a file is checked first (a dry run in the
 * background, with progress and a cancel that stops between batches), the preview shows what would be added and
 * updated and every error and warning by row; only a file without errors can then be imported, all or nothing.
 */
public final class ImportViewModel {

    /** Where the dialog is. */
    public enum Phase {
        /** No file checked yet, or the last check failed or was cancelled. */
        IDLE,
        CHECKING,
        /** The preview is shown. */
        CHECKED,
        IMPORTING,
        /** Written; the dialog closes. */
        IMPORTED
    }

    /** A line of the preview's table: an error (blocks the import) or a warning (does not). */
    public record Issue(boolean warning, int line, String column, String value, String reason) {

        static Issue of(RowIssue i, boolean warning) {
            return new Issue(warning, i.line(), i.column(), i.value(), i.reason());
        }

        /** 错误 or 提示. */
        public String kind() {
            return Messages.get(warning ? "import.dialog.kind.warning" : "import.dialog.kind.error");
        }
    }

    private final Exchange exchange;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Runnable onImported;

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<ImportCheck> check = new SimpleObjectProperty<>();
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final BooleanProperty verdictBad = new SimpleBooleanProperty();
    private final StringProperty reportMessage = new SimpleStringProperty("");
    private final BooleanBinding canImport;
    private final BooleanBinding canSaveReport;
    private final BooleanBinding canRecheck;
    private volatile boolean cancelRequested;

    /**
     * @param onImported run on the UI thread after a successful import (the screen reloads its list)
     */
    public ImportViewModel(Exchange exchange, TaskExecutor executor, StatusBarModel status, Runnable onImported) {
        this.exchange = exchange;
        this.executor = executor;
        this.status = status;
        this.onImported = onImported;
        canImport = Bindings.createBooleanBinding(() -> !busy.get() && phase.get() == Phase.CHECKED
                && check.get() != null && check.get().canImport(), busy, phase, check);
        canSaveReport = Bindings.createBooleanBinding(() -> !busy.get() && phase.get() == Phase.CHECKED
                && check.get() != null && check.get().hasErrors(), busy, phase, check);
        canRecheck = Bindings.createBooleanBinding(() -> !busy.get() && file.get() != null
                && phase.get() != Phase.IMPORTED, busy, file, phase);
    }

    /** 导入农户. */
    public String title() {
        return Messages.get("import.dialog.title", exchange.name());
    }

    /** A name for the error report next to the checked file: "农户表-错误报告". */
    public String reportFileName() {
        Path f = file.get();
        String base = f == null ? exchange.name() : f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return Messages.get("import.dialog.reportName", base);
    }

    /** Checks {@code chosen} without writing anything, and shows the preview. */
    public void check(Path chosen) {
        if (busy.get() || chosen == null) {
            return;
        }
        file.set(chosen);
        check.set(null);
        issues.clear();
        summary.set("");
        verdict.set("");
        reportMessage.set("");
        start(Phase.CHECKING, Messages.get("import.dialog.checking", chosen.getFileName()));
        executor.execute(() -> exchange.dryRun(chosen, progressSink()), this::showCheck,
                e -> failed(e, Phase.IDLE));
    }

    /** Checks the same file again (after it was fixed in Excel). */
    public void recheck() {
        if (canRecheck.get()) {
            check(file.get());
        }
    }

    private void showCheck(ImportCheck c) {
        busy.set(false);
        progress.set(0);
        progressText.set("");
        check.set(c);
        List<Issue> rows = new ArrayList<>(c.errors().size() + c.warnings().size());
        c.errors().forEach(i -> rows.add(Issue.of(i, false)));
        c.warnings().forEach(i -> rows.add(Issue.of(i, true)));
        issues.setAll(rows);
        summary.set(Messages.get("import.dialog.summary", exchange.describe(c)));
        if (c.hasErrors()) {
            verdict.set(Messages.get("import.dialog.hasErrors", c.errors().size()));
            verdictBad.set(true);
        } else if (!c.canImport()) {
            // Rows but nothing to add or update: a file imported before (visits, problems, help count those).
            verdict.set(Messages.get(c.rows() > 0 ? "import.dialog.nothingNew" : "import.dialog.nothing"));
            verdictBad.set(c.rows() == 0);
        } else {
            verdict.set(c.warnings().isEmpty() ? Messages.get("import.dialog.ready")
                    : Messages.get("import.dialog.readyWithWarnings", c.warnings().size()));
            verdictBad.set(false);
        }
        phase.set(Phase.CHECKED);
    }

    /** Imports the checked file, all or nothing; then the screen reloads and the status bar says what was done. */
    public void importChecked() {
        if (!canImport.get()) {
            return;
        }
        Path chosen = file.get();
        reportMessage.set("");
        start(Phase.IMPORTING, Messages.get("import.dialog.importing", chosen.getFileName()));
        executor.execute(() -> exchange.importFile(chosen, progressSink()), done -> {
            if (done.hasErrors()) {
                // The file was changed since it was checked: nothing was written; show what is wrong now.
                showCheck(done);
                return;
            }
            busy.set(false);
            progress.set(1);
            progressText.set("");
            String text = Messages.get("import.status.done", exchange.name(), exchange.describe(done));
            summary.set(text);
            verdict.set("");
            phase.set(Phase.IMPORTED);
            status.show(text);
            onImported.run();
        }, e -> failed(e, Phase.CHECKED));
    }

    /** Writes the rows with errors and their reasons to {@code out}, for the office to fix. */
    public void saveErrorReport(Path out) {
        ImportCheck c = check.get();
        Path source = file.get();
        if (!canSaveReport.get() || out == null) {
            return;
        }
        busy.set(true);
        reportMessage.set("");
        executor.execute(() -> {
            exchange.writeErrorReport(source, c.errors(), out);
            return out;
        }, saved -> {
            busy.set(false);
            reportMessage.set(Messages.get("import.dialog.reportSaved", saved));
        }, e -> {
            busy.set(false);
            reportMessage.set(messageOf(e));
        });
    }

    /** Asks the running check or import to stop at its next batch; nothing is written. */
    public void cancel() {
        if (busy.get()) {
            cancelRequested = true;
            progressText.set(Messages.get("exchange.cancelling"));
        }
    }

    private void start(Phase p, String text) {
        cancelRequested = false;
        busy.set(true);
        progress.set(-1);
        progressText.set(text);
        phase.set(p);
    }

    private Progress progressSink() {
        return executor.progress(org.townshipledger.common.Messages.get("shutdown.import"), progress::set, () -> cancelRequested);
    }

    private void failed(Exception e, Phase back) {
        busy.set(false);
        progress.set(0);
        progressText.set("");
        boolean cancelled = e instanceof CancelledException || e instanceof CancellationException;
        if (back == Phase.CHECKED && check.get() != null) {
            // The preview stays; say above it why nothing was imported.
            phase.set(Phase.CHECKED);
            verdict.set(cancelled ? Messages.get("import.dialog.importCancelled") : messageOf(e));
            verdictBad.set(true);
            return;
        }
        phase.set(Phase.IDLE);
        summary.set(cancelled ? Messages.get("import.dialog.checkCancelled") : Messages.get("import.dialog.failed"));
        verdict.set(cancelled ? "" : messageOf(e));
        verdictBad.set(!cancelled);
    }

    static String messageOf(Exception e) {
        if (e instanceof InvalidInputException || e instanceof StaleRecordException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return Messages.get("import.dialog.ioFailed", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
        LoggerFactory.getLogger(ImportViewModel.class).error("Import failed", e);
        return Messages.get("error.unexpected", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** 0..1, or -1 while the total is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    public ReadOnlyObjectProperty<ImportCheck> checkProperty() {
        return check;
    }

    /** The errors, then the warnings, of the last check. */
    public ObservableList<Issue> issues() {
        return issues;
    }

    /** "检查完成：将新增 12 户…", or after the import "已导入农户：…". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** Whether the file can be imported, and if not why. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict;
    }

    /** True when {@link #verdictProperty()} is bad news (errors, nothing to import, a failure). */
    public ReadOnlyBooleanProperty verdictBadProperty() {
        return verdictBad;
    }

    public ReadOnlyStringProperty reportMessageProperty() {
        return reportMessage;
    }

    public BooleanBinding canImportBinding() {
        return canImport;
    }

    public BooleanBinding canSaveReportBinding() {
        return canSaveReport;
    }

    public BooleanBinding canRecheckBinding() {
        return canRecheck;
    }
}
