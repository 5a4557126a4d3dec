package org.townshipledger.backup;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
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
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.db.LedgerUnavailableException;
import org.townshipledger.ui.StatusBarModel;

/**
 * State of the 备份与恢复 dialog (文件 → 备份… / 恢复…): the backups in the folder, a backup made now (plain into the
 * folder, or encrypted to a file for carrying to the county), and a restore in two steps: {@link #check} verifies the
 * chosen backup in the background and shows its date and counts, {@link #restore} replaces the ledger once the clerk
 * confirmed. After a restore (or a failed one that had closed the ledger) {@code reopen} is called with the message
 * to show: the window opens the ledger again.
 */
public final class BackupViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackupService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Consumer<String> reopen;

    private final ObservableList<BackupInfo> backups = FXCollections.observableArrayList();
    private final ObjectProperty<BackupInfo> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageBad = new SimpleBooleanProperty();
    private final ObjectProperty<Path> checkedFile = new SimpleObjectProperty<>();
    private final ObjectProperty<BackupManifest> checked = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> passwordNeeded = new SimpleObjectProperty<>();
    private final BooleanProperty ledgerReplaced = new SimpleBooleanProperty();
    private final BooleanBinding canRestoreSelected;
    private char[] checkedPassword;
    private volatile boolean cancelRequested;

    public BackupViewModel(BackupService service, TaskExecutor executor, StatusBarModel status,
            Consumer<String> reopen) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.reopen = reopen;
        canRestoreSelected = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null,
                busy, selected);
    }

    /** The backups folder, for the dialog's header. */
    public Path folder() {
        return service.folder();
    }

    /** Reads the backups folder. */
    public void load() {
        executor.execute(service::list, list -> backups.setAll(list), e -> fail(e));
    }

    /** A backup into the backups folder now. */
    public void backupNow() {
        create(null, null);
    }

    /** A backup into {@code out}; encrypted when {@code password} is given (the portable backup). */
    public void backupTo(Path out, char[] password) {
        if (out != null) {
            create(out, password);
        }
    }

    private void create(Path out, char[] password) {
        if (busy.get()) {
            return;
        }
        start(Messages.get("backup.dialog.creating"));
        executor.execute(() -> {
            try {
                BackupInfo made = service.create(out, password, sink());
                return new Object[] {made, service.list()};
            } finally {
                clear(password);
            }
        }, r -> {
            BackupInfo made = (BackupInfo) r[0];
            @SuppressWarnings("unchecked")
            List<BackupInfo> list = (List<BackupInfo>) r[1];
            done();
            backups.setAll(list);
            String text = Messages.get(made.encrypted() ? "backup.dialog.createdEncrypted" : "backup.dialog.created",
                    made.file(), made.size() / 1024.0 / 1024.0);
            say(text, false);
            status.show(Messages.get("backup.status.created", made.file().getFileName()));
        }, this::fail);
    }

    /** Verifies the backup selected in the list (asks for nothing: the folder's backups are plain). */
    public void checkSelected() {
        if (canRestoreSelected.get()) {
            check(selected.get().file(), null);
        }
    }

    /**
     * Verifies {@code file} without changing anything; on success {@link #checkedProperty()} holds its manifest and
     * {@link #confirmText()} says what a restore would do. An encrypted file without a password sets
     * {@link #passwordNeededProperty()} (the dialog asks, then calls this again).
     */
    public void check(Path file, char[] password) {
        if (busy.get() || file == null) {
            return;
        }
        checked.set(null);
        checkedFile.set(null);
        passwordNeeded.set(null);
        clear(checkedPassword);
        checkedPassword = password == null ? null : password.clone();
        clear(password);
        start(Messages.get("backup.dialog.checking", file.getFileName()));
        char[] pw = checkedPassword;
        executor.execute(() -> service.verify(file, pw, sink()), m -> {
            done();
            checkedFile.set(file);
            checked.set(m);
            say(Messages.get("backup.dialog.checked", TIME.format(m.created().toLocalDateTime()), m.counts()), false);
        }, e -> {
            if (e instanceof PasswordNeededException) {
                done();
                say("", false);
                passwordNeeded.set(file);
                return;
            }
            fail(e);
        });
    }

    /** What the confirmation asks before a restore: the backup's date, kind and counts. */
    public String confirmText() {
        BackupManifest m = checked.get();
        if (m == null) {
            return "";
        }
        return Messages.get("backup.dialog.confirm", TIME.format(m.created().toLocalDateTime()), m.kind().label(),
                m.counts(), checkedFile.get().getFileName());
    }

    /** Replaces the ledger by the checked backup (after the clerk confirmed). */
    public void restore() {
        Path file = checkedFile.get();
        BackupManifest m = checked.get();
        if (busy.get() || file == null || m == null) {
            return;
        }
        start(Messages.get("backup.dialog.restoring", file.getFileName()));
        char[] pw = checkedPassword;
        executor.execute(() -> service.restore(file, pw, sink()), r -> {
            done();
            clear(checkedPassword);
            checkedPassword = null;
            String text = Messages.get("backup.dialog.restored", TIME.format(m.created().toLocalDateTime()),
                    r.restored().counts());
            say(text, false);
            ledgerReplaced.set(true);
            reopen.accept(text);
        }, e -> {
            fail(e);
            if (!service.ledgerOpen()) {
                // Closed for the swap, then the swap failed: the old ledger is in place, open it again.
                ledgerReplaced.set(true);
                reopen.accept(message.get());
            }
        });
    }

    /** Asks the running work to stop at its next step; the ledger is not changed. */
    public void cancel() {
        if (busy.get()) {
            cancelRequested = true;
            progressText.set(Messages.get("exchange.cancelling"));
        }
    }

    private void start(String text) {
        cancelRequested = false;
        busy.set(true);
        progress.set(-1);
        progressText.set(text);
        say("", false);
    }

    private void done() {
        busy.set(false);
        progress.set(0);
        progressText.set("");
    }

    private Progress sink() {
        return executor.progress(progress::set, () -> cancelRequested);
    }

    private void say(String text, boolean bad) {
        message.set(text);
        messageBad.set(bad);
    }

    private void fail(Exception e) {
        done();
        say(messageOf(e), !(e instanceof CancelledException));
    }

    static String messageOf(Exception e) {
        if (e instanceof CancelledException) {
            return Messages.get("backup.dialog.cancelled");
        }
        if (e instanceof InvalidInputException || e instanceof LedgerUnavailableException
                || e instanceof UncheckedIOException) {
            return e.getMessage();
        }
        LoggerFactory.getLogger(BackupViewModel.class).error("Backup work failed", e);
        return Messages.get("error.unexpected", e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage());
    }

    private static void clear(char[] pw) {
        if (pw != null) {
            Arrays.fill(pw, '\0');
        }
    }

    // ---- properties ----

    public ObservableList<BackupInfo> backups() {
        return backups;
    }

    public ObjectProperty<BackupInfo> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    /** The last result or error, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageBadProperty() {
        return messageBad;
    }

    /** The manifest of the backup last checked for a restore, or null. */
    public ReadOnlyObjectProperty<BackupManifest> checkedProperty() {
        return checked;
    }

    /** Set to an encrypted file the clerk chose without its password. */
    public ReadOnlyObjectProperty<Path> passwordNeededProperty() {
        return passwordNeeded;
    }

    /** True once the ledger was closed for a restore: the dialog closes and the window opens the ledger again. */
    public ReadOnlyBooleanProperty ledgerReplacedProperty() {
        return ledgerReplaced;
    }

    public BooleanBinding canRestoreSelectedBinding() {
        return canRestoreSelected;
    }
}
