package org.townshipledger.app;

import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.Messages;
import org.townshipledger.db.DataDirs;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.LedgerUnavailableException;
import org.townshipledger.ui.FileDialogs;
import javafx.event.Event;
import org.townshipledger.ui.Fxml;
import org.townshipledger.ui.ShutdownViewModel;
import org.townshipledger.ui.FxFileDialogs;

/**
 * The window. Shows itself first, then opens the ledger in the background (Flyway and H2 take a moment),
 * asking for the township, county and year when the data folder has no ledger yet.
 */
public final class LedgerApp extends Application {

    /** Not a static field: the logger is set up on the ledger-opening thread, off the way to the first window. */
    private static Logger log() {
        return LoggerFactory.getLogger(LedgerApp.class);
    }

    static volatile String dataDirOption;
    /** How the app ends when it cannot open a ledger; screen tests replace it (an exit stops TestFX's toolkit). */
    static volatile Runnable exit = Platform::exit;
    /** Screen tests answer the file dialogs with this; null: the system's dialogs. */
    static volatile FileDialogs fileDialogs;
    private AppContext context;
    private final ExitBackup exitBackup = new ExitBackup();
    /** Shown in the status bar once the ledger is open (after a restore). */
    private String pendingStatus;

    /** Called by the CLI when no command is given; returns when the window is closed. */
    static void start(String dataDirOption, String lang) {
        LedgerApp.dataDirOption = dataDirOption;
        // JavaFX's own texts (OK, Cancel, the text-field menu) follow the default locale.
        Locale.setDefault(Messages.locale());
        Application.launch(LedgerApp.class);
    }

    @Override
    public void start(Stage stage) {
        // The binary form of the theme: parsing the 170 kB CSS would delay the first window.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        stage.setTitle(Messages.get("app.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(styled(new Scene(loading(), 1200, 760)));
        stage.setOnShown(e -> {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            log().info("First window after {} ms", sinceJvmStart);
        });
        stage.setOnCloseRequest(e -> closeRequested(stage, e));
        stage.show();

        // Let the window paint before asking anything or touching the disk.
        Platform.runLater(() -> openLedger(stage, DataDirs.resolve(dataDirOption)));
    }

    /**
     * Asks for the township when the folder has no ledger yet, then opens (or creates) it in the background. When
     * the folder had a ledger that is gone, asks to locate it or to start a new one: never silently a new one.
     */
    private void openLedger(Stage stage, Path dataDir) {
        Database.FolderState state = Database.state(dataDir);
        if (state == Database.FolderState.VANISHED) {
            switch (askWhereTheLedgerWent(stage, dataDir)) {
                case LOCATE -> {
                    FileDialogs dialogs = fileDialogs != null ? fileDialogs : new FxFileDialogs();
                    Optional<Path> chosen = dialogs.chooseToOpen(stage, Messages.get("ledger.vanished.chooser"));
                    if (chosen.isEmpty()) {
                        openLedger(stage, dataDir); // asks again
                        return;
                    }
                    openInBackground(stage, dataDir, () -> Database.adopt(dataDir, chosen.get()));
                    return;
                }
                case START_NEW -> Database.forgetVanished(dataDir);
                default -> {
                    exit.run();
                    return;
                }
            }
        }
        Optional<LedgerSettings> newLedger = Optional.empty();
        if (!Database.exists(dataDir)) {
            newLedger = SettingsDialog.ask(stage, LedgerSettings.of("", "", LedgerSettings.currentYear()), true);
            if (newLedger.isEmpty()) {
                exit.run();
                return;
            }
        }
        Optional<LedgerSettings> create = newLedger;
        openInBackground(stage, dataDir,
                () -> create.isPresent() ? Database.create(dataDir, create.get()) : Database.open(dataDir));
    }

    private enum Whereabouts { LOCATE, START_NEW, QUIT }

    /** The folder had a ledger that is gone: locate it, start a new one (after a second question), or quit. */
    private static Whereabouts askWhereTheLedgerWent(Stage stage, Path dataDir) {
        javafx.scene.control.ButtonType locate = new javafx.scene.control.ButtonType(
                Messages.get("ledger.vanished.locate"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType startNew = new javafx.scene.control.ButtonType(
                Messages.get("ledger.vanished.startNew"), javafx.scene.control.ButtonBar.ButtonData.OTHER);
        javafx.scene.control.ButtonType quit = new javafx.scene.control.ButtonType(
                Messages.get("ledger.vanished.quit"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, Messages.get("ledger.vanished", Database.ledgerFile(dataDir)),
                locate, startNew, quit);
        alert.initOwner(stage);
        alert.setTitle(Messages.get("app.title"));
        alert.setHeaderText(Messages.get("ledger.vanished.title"));
        alert.getDialogPane().getStyleClass().add("ledger-vanished");
        alert.getDialogPane().setMinWidth(560);
        alert.setResizable(true);
        javafx.scene.control.ButtonType answer = alert.showAndWait().orElse(quit);
        if (answer == locate) {
            return Whereabouts.LOCATE;
        }
        if (answer == startNew) {
            Alert sure = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("ledger.vanished.confirmNew"));
            sure.initOwner(stage);
            sure.setTitle(Messages.get("app.title"));
            sure.setHeaderText(Messages.get("ledger.vanished.startNew"));
            return sure.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).isPresent()
                    ? Whereabouts.START_NEW : askWhereTheLedgerWent(stage, dataDir);
        }
        return Whereabouts.QUIT;
    }

    private void openInBackground(Stage stage, Path dataDir, java.util.function.Supplier<Database> opening) {
        Thread opener = new Thread(() -> {
            try {
                Database db = opening.get();
                AppContext ctx = new AppContext(db, fileDialogs != null ? fileDialogs : new FxFileDialogs());
                LedgerSettings settings = ctx.settings.ledgerSettings();
                boolean configured = ctx.settings.isConfigured();
                Platform.runLater(() -> opened(stage, ctx, settings, configured));
            } catch (LedgerUnavailableException e) {
                if (e.reason() == LedgerUnavailableException.Reason.CORRUPT) {
                    Optional<org.townshipledger.backup.BackupInfo> good = DamagedLedger.findGoodBackup(dataDir);
                    Platform.runLater(() -> DamagedLedger.offer(stage, dataDir, e.getMessage(), good,
                            () -> stage.getScene().setRoot(loading(Messages.get("backup.damaged.restoring"))),
                            text -> reopen(stage, text), text -> fatal(stage, text)));
                    return;
                }
                Platform.runLater(() -> fatal(stage, e.getMessage()));
            } catch (RuntimeException e) {
                log().error("Cannot open the ledger in {}", dataDir, e);
                Platform.runLater(() -> fatal(stage, Messages.get("error.unexpected", e.getMessage())));
            }
        }, "ledger-open");
        opener.setDaemon(true);
        opener.start();
    }

    private void opened(Stage stage, AppContext ctx, LedgerSettings settings, boolean configured) {
        context = ctx;
        if (!configured) {
            // A ledger without a township (made by an interrupted first start): ask again, then save.
            Optional<LedgerSettings> entered = SettingsDialog.ask(stage, settings, true);
            if (entered.isEmpty()) {
                exit.run();
                return;
            }
            ctx.executor.execute(() -> {
                ctx.settings.save(entered.get());
                return entered.get();
            }, saved -> showMain(stage, ctx, saved), e -> fatal(stage, e.getMessage()));
            return;
        }
        showMain(stage, ctx, settings);
    }

    /**
     * Closing the window (or 文件 → 退出) first waits for a running import or report (a small window shows what and
     * how far, with a button that cancels it at its next safe point), then makes the backup at exit (with 跳过备份),
     * then ends the program; {@link #stop} closes the ledger after the last queued save has landed.
     */
    private void closeSafely(Stage stage, AppContext ctx) {
        // The ledger stays open after the work is done: the backup at exit still reads it.
        ShutdownViewModel shutdown = new ShutdownViewModel(ctx.executor.runningWork(), () -> { }, Platform::runLater);
        waitingForWork = false;
        stage.setOnCloseRequest(e -> {
            e.consume();
            if (exitBackup.running()) {
                exitBackup.skip(); // a second close while the backup runs: stop it and go
                return;
            }
            if (waitingForWork) {
                return;
            }
            if (shutdown.requestClose()) {
                exitBackup.run(stage, ctx, Platform::exit);
                return;
            }
            waitingForWork = true;
            javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
            bar.setPrefWidth(360);
            bar.progressProperty().bind(shutdown.progressProperty());
            Label what = new Label();
            what.textProperty().bind(shutdown.messageProperty());
            Label hint = new Label(Messages.get("shutdown.hint"));
            hint.setWrapText(true);
            hint.getStyleClass().add("text-muted");
            javafx.scene.control.Button cancel = new javafx.scene.control.Button(Messages.get("shutdown.cancel"));
            cancel.setOnAction(x -> {
                cancel.setDisable(true);
                shutdown.cancelWork();
            });
            VBox box = new VBox(12, what, bar, hint, cancel);
            box.setPadding(new javafx.geometry.Insets(16));
            box.getStyleClass().add("shutdown-pane");
            Stage waiting = new Stage();
            waiting.initOwner(stage);
            waiting.initModality(javafx.stage.Modality.WINDOW_MODAL);
            waiting.setTitle(Messages.get("shutdown.title"));
            waiting.setScene(styled(new Scene(box, 420, 170)));
            waiting.setOnCloseRequest(Event::consume);
            javafx.animation.Timeline tick = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                    javafx.util.Duration.millis(200), x -> shutdown.refresh()));
            tick.setCycleCount(javafx.animation.Animation.INDEFINITE);
            tick.play();
            shutdown.closedProperty().addListener((o, was, done) -> {
                if (done) {
                    tick.stop();
                    waiting.close();
                    exitBackup.run(stage, ctx, Platform::exit);
                }
            });
            waiting.show();
        });
    }

    private boolean waitingForWork;

    private void showMain(Stage stage, AppContext ctx, LedgerSettings settings) {
        closeSafely(stage, ctx);
        Database db = ctx.database;
        MainWindowController controller = new MainWindowController(ctx);
        Parent root = Fxml.load(MainWindowController.class, "MainWindow.fxml", controller);
        stage.getScene().setRoot(root);
        stage.setTitle(windowTitle(settings));
        controller.start(settings);
        controller.onLedgerReplaced(text -> reopen(stage, text));
        if (pendingStatus != null) {
            ctx.status.show(pendingStatus);
            pendingStatus = null;
        }
        dailyBackup(ctx);
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log().info("Ledger {} ready after {} ms", db.file(), sinceJvmStart);
    }

    /**
     * Once a day, when the ledger opens (issue 10: automatic backups). On its own thread, not the ledger's worker:
     * a county ledger takes many seconds to copy and check, and the screens must not wait behind it. Closing the
     * window meanwhile leaves at most a work folder, removed by the next daily backup.
     */
    private static void dailyBackup(AppContext ctx) {
        Thread t = new Thread(() -> {
            try {
                ctx.backups.dailyIfDue(org.townshipledger.common.Progress.NONE).ifPresent(b -> Platform.runLater(
                        () -> {
                            if (ctx.status.messageProperty().get().isEmpty()) {
                                ctx.status.show(Messages.get("backup.status.daily", b.kind().label()));
                            }
                        }));
            } catch (RuntimeException e) {
                log().warn("Daily backup failed", e);
                Platform.runLater(() -> ctx.status.show(Messages.get("backup.status.dailyFailed", e.getMessage())));
            }
        }, "ledger-daily-backup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The window's close box (and 文件 → 退出): the backup at exit first, with its progress in the window. */
    private void closeRequested(Stage stage, javafx.stage.WindowEvent e) {
        if (exitBackup.running()) {
            e.consume();
            exitBackup.skip();
            return;
        }
        if (context == null) {
            return;
        }
        e.consume();
        exitBackup.run(stage, context, Platform::exit);
    }

    /** After a restore: the old context goes, the ledger is opened again from its file. */
    private void reopen(Stage stage, String statusText) {
        AppContext old = context;
        context = null;
        // The close handler of the old ledger would wait for and back up a ledger that is closed now.
        stage.setOnCloseRequest(e -> closeRequested(stage, e));
        stage.getScene().setRoot(loading());
        if (old != null) {
            old.close();
        }
        pendingStatus = statusText;
        openLedger(stage, DataDirs.resolve(dataDirOption));
    }

    static String windowTitle(LedgerSettings s) {
        return Messages.get("app.title") + " — " + s.township();
    }

    private static Parent loading() {
        return loading(Messages.get("app.opening"));
    }

    private static Parent loading(String text) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        VBox box = new VBox(16, spinner, new Label(text));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** The app's own stylesheet on top of the AtlantaFX theme. */
    static Scene styled(Scene scene) {
        scene.getStylesheets().add(LedgerApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    private static void fatal(Stage stage, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setTitle(Messages.get("app.title"));
        alert.setHeaderText(Messages.get("app.cannotOpen"));
        alert.showAndWait();
        exit.run();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
