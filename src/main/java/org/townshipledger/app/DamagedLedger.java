package org.townshipledger.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;
import org.townshipledger.backup.BackupInfo;
import org.townshipledger.backup.BackupService;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;

/**
 * A ledger file that H2 reports damaged at start: the window says so and offers the newest backup that passes
 * verify; on confirmation it restores it (the damaged file kept as a copy) and opens the ledger again.
 */
final class DamagedLedger {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DamagedLedger() {
    }

    /** On a worker thread: the newest good backup (each candidate is verified, which takes a moment). */
    static Optional<BackupInfo> findGoodBackup(Path dataDir) {
        try {
            return BackupService.forDataDir(dataDir, Clock.systemDefaultZone()).newestGood();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DamagedLedger.class).warn("Looking for a good backup failed", e);
            return Optional.empty();
        }
    }

    /**
     * On the FX thread: asks whether to restore {@code good}; {@code reopen} then opens the ledger again,
     * {@code fatal} ends with a message (no backup, the clerk declined, the restore failed).
     */
    static void offer(Stage stage, Path dataDir, String damaged, Optional<BackupInfo> good, Runnable restoring,
            Consumer<String> reopen, Consumer<String> fatal) {
        if (good.isEmpty()) {
            fatal.accept(Messages.get("backup.damaged.none", damaged, dataDir.resolve(BackupService.FOLDER)));
            return;
        }
        BackupInfo b = good.get();
        Alert alert = new Alert(Alert.AlertType.WARNING, Messages.get("backup.damaged.offer", damaged,
                TIME.format(b.created()), b.kind().label(), b.manifest().counts()));
        alert.initOwner(stage);
        alert.setTitle(Messages.get("app.title"));
        alert.setHeaderText(Messages.get("backup.damaged.header"));
        ButtonType restore = new ButtonType(Messages.get("backup.damaged.restore"), ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType(Messages.get("backup.damaged.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(restore, quit);
        alert.getDialogPane().setMinWidth(560);
        if (alert.showAndWait().filter(r -> r == restore).isEmpty()) {
            Platform.exit();
            return;
        }
        restoring.run();
        Thread worker = new Thread(() -> {
            try {
                BackupService.Restored r = BackupService.forDataDir(dataDir, Clock.systemDefaultZone())
                        .restore(b.file(), null, Progress.NONE);
                String text = Messages.get("backup.dialog.restored", TIME.format(b.created()), r.restored().counts());
                Platform.runLater(() -> reopen.accept(text));
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(DamagedLedger.class).error("Restore of {} failed", b.file(), e);
                Platform.runLater(() -> fatal.accept(e.getMessage()));
            }
        }, "ledger-restore");
        worker.setDaemon(true);
        worker.start();
    }
}
