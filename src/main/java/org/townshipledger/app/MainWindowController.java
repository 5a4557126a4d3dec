package org.townshipledger.app;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.townshipledger.backup.BackupController;
import org.townshipledger.backup.BackupViewModel;
import org.townshipledger.common.Messages;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.pairing.PairingRulesController;
import org.townshipledger.pairing.PairingRulesViewModel;

/** The main window: navigation between registers, menus, and the status bar. */
public final class MainWindowController {

    private final AppContext ctx;
    private final Map<Screen, Screen.Loaded> built = new EnumMap<>(Screen.class);
    private Consumer<String> ledgerReplaced = message -> Platform.exit();

    @FXML private ListView<Screen> navList;
    @FXML private StackPane content;
    @FXML private Label ledgerLabel;
    @FXML private Label statusMessage;
    @FXML private Hyperlink undoLink;
    @FXML private Label pathLabel;

    MainWindowController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        navList.getItems().setAll(Screen.values());
        navList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Screen s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.title());
            }
        });
        navList.getSelectionModel().selectedItemProperty().addListener((obs, old, s) -> {
            if (s != null) {
                show(s);
            }
        });
        statusMessage.textProperty().bind(ctx.status.messageProperty());
        undoLink.visibleProperty().bind(ctx.status.undoProperty().isNotNull());
        undoLink.managedProperty().bind(undoLink.visibleProperty());
        pathLabel.setText(Messages.get("status.ledgerPath", ctx.database.file()));
    }

    /** Shows the settings in the status bar and opens the first register. */
    void start(LedgerSettings settings) {
        showSettings(settings);
        navList.getSelectionModel().select(Screen.VILLAGES);
    }

    private void showSettings(LedgerSettings s) {
        ledgerLabel.setText(s.county().isEmpty()
                ? Messages.get("status.ledger.noCounty", s.township(), s.workingYear())
                : Messages.get("status.ledger", s.township(), s.county(), s.workingYear()));
    }

    private void show(Screen screen) {
        Screen.Loaded loaded = built.computeIfAbsent(screen, s -> s.factory.apply(ctx));
        content.getChildren().setAll(loaded.view());
        loaded.onShow().run();
    }

    @FXML
    private void onSettings() {
        ctx.executor.execute(ctx.settings::ledgerSettings, current ->
                SettingsDialog.ask(content.getScene().getWindow(), current, false).ifPresent(this::saveSettings),
                e -> ctx.status.show(e.getMessage()));
    }

    private void saveSettings(LedgerSettings updated) {
        ctx.executor.execute(() -> {
            ctx.settings.save(updated);
            return updated;
        }, saved -> {
            showSettings(saved);
            ((Stage) content.getScene().getWindow()).setTitle(LedgerApp.windowTitle(saved));
            ctx.status.saved(LocalTime.now(ctx.clock));
            Screen selected = navList.getSelectionModel().getSelectedItem();
            if (selected != null) {
                show(selected);
            }
        }, e -> ctx.status.show(e.getMessage()));
    }

    /** 文件 → 结对规则…: the quotas and household limits; the register shown reads them again once saved. */
    @FXML
    private void onPairingRules() {
        PairingRulesViewModel rules = new PairingRulesViewModel(ctx.pairings, ctx.executor, ctx.status);
        rules.savedProperty().addListener((obs, was, is) -> {
            Screen selected = navList.getSelectionModel().getSelectedItem();
            if (is && selected != null) {
                show(selected);
            }
        });
        PairingRulesController.show(content.getScene().getWindow(), rules);
    }

    /** 文件 → 备份… and 恢复…: one dialog; after a restore the window opens the ledger again. */
    @FXML
    private void onBackup() {
        BackupController.show(content.getScene().getWindow(),
                new BackupViewModel(ctx.backups, ctx.executor, ctx.status, ledgerReplaced), ctx.files);
    }

    @FXML
    private void onRestore() {
        onBackup();
    }

    /** Called with the message to show once the ledger was replaced by a restore. */
    void onLedgerReplaced(Consumer<String> reopen) {
        this.ledgerReplaced = reopen;
    }

    /** As the window's close box: the close request runs (the backup at exit), then the program ends. */
    @FXML
    private void onExit() {
        Stage stage = (Stage) content.getScene().getWindow();
        WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        if (stage.getOnCloseRequest() != null) {
            stage.getOnCloseRequest().handle(request);
        }
        if (!request.isConsumed()) {
            Platform.exit();
        }
    }

    @FXML
    private void onAbout() {
        AboutDialog.show(content.getScene().getWindow(), ctx.database.file());
    }

    @FXML
    private void onUndo() {
        ctx.status.undo();
    }
}
