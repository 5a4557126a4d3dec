package org.townshipledger.backup;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.Fxml;

/** Binds BackupView.fxml (文件 → 备份… / 恢复…) to {@link BackupViewModel}; asks passwords and confirmation. */
public final class BackupController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackupViewModel vm;
    private final FileDialogs files;
    private Stage stage;
    private boolean restoreAsked;

    @FXML private Button backupNowButton;
    @FXML private Button portableButton;
    @FXML private Button restoreFileButton;
    @FXML private Label folderLabel;
    @FXML private VBox progressPane;
    @FXML private Label progressLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label backupMessage;
    @FXML private TableView<BackupInfo> backupTable;
    @FXML private TableColumn<BackupInfo, String> createdColumn;
    @FXML private TableColumn<BackupInfo, String> kindColumn;
    @FXML private TableColumn<BackupInfo, String> sizeColumn;
    @FXML private TableColumn<BackupInfo, String> stateColumn;
    @FXML private TableColumn<BackupInfo, String> fileColumn;
    @FXML private Button restoreButton;
    @FXML private Button closeButton;

    public BackupController(BackupViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
    }

    /** Opens the dialog over {@code owner} and reads the backups folder. */
    public static void show(Window owner, BackupViewModel vm, FileDialogs files) {
        BackupController controller = new BackupController(vm, files);
        Parent root = Fxml.load(BackupController.class, "BackupView.fxml", controller);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get("backup.dialog.title"));
        Scene scene = new Scene(root, 820, 520);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        controller.attach(stage);
        stage.show();
        vm.load();
    }

    @FXML
    private void initialize() {
        folderLabel.setText(Messages.get("backup.dialog.folder", vm.folder()));
        backupNowButton.disableProperty().bind(vm.busyProperty());
        portableButton.disableProperty().bind(vm.busyProperty());
        restoreFileButton.disableProperty().bind(vm.busyProperty());
        restoreButton.disableProperty().bind(vm.canRestoreSelectedBinding().not());
        showWhen(progressPane, vm.busyProperty());
        progressLabel.textProperty().bind(vm.progressTextProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        backupMessage.textProperty().bind(vm.messageProperty());
        showWhen(backupMessage, vm.messageProperty().isNotEmpty());
        vm.messageBadProperty().addListener((obs, old, bad) -> messageStyle(bad));
        messageStyle(vm.messageBadProperty().get());

        backupTable.setItems(vm.backups());
        backupTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(createdColumn, b -> TIME.format(b.created()));
        column(kindColumn, b -> b.kind().label());
        column(sizeColumn, b -> String.format(java.util.Locale.ROOT, "%.1f MB", b.size() / 1024.0 / 1024.0));
        column(stateColumn, BackupInfo::state);
        column(fileColumn, b -> b.file().getFileName().toString());
        vm.selectedProperty().bind(backupTable.getSelectionModel().selectedItemProperty());
        closeButton.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(vm.busyProperty().get()
                ? "dialog.cancel" : "dialog.close"), vm.busyProperty()));

        vm.checkedProperty().addListener((obs, old, m) -> {
            if (m != null && restoreAsked) {
                restoreAsked = false;
                confirmRestore();
            }
        });
        vm.passwordNeededProperty().addListener((obs, old, file) -> {
            if (file != null) {
                askPassword(Messages.get("backup.password.readTitle"),
                        Messages.get("backup.password.readHeader", file.getFileName()), false)
                        .ifPresentOrElse(pw -> {
                            restoreAsked = true;
                            vm.check(file, pw);
                        }, () -> restoreAsked = false);
            }
        });
        vm.ledgerReplacedProperty().addListener((obs, was, is) -> {
            if (is && stage != null) {
                stage.close();
            }
        });
    }

    void attach(Stage window) {
        this.stage = window;
        window.setOnCloseRequest(e -> {
            if (vm.busyProperty().get()) {
                // Work inside H2 is never interrupted: ask it to stop at its next step, keep the dialog until then.
                e.consume();
                vm.cancel();
            }
        });
    }

    @FXML
    private void onBackupNow() {
        vm.backupNow();
    }

    @FXML
    private void onPortable() {
        Optional<char[]> pw = askPassword(Messages.get("backup.password.createTitle"),
                Messages.get("backup.password.createHeader"), true);
        if (pw.isEmpty()) {
            return;
        }
        String name = Messages.get("backup.portableName", LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE))
                + BackupService.ENCRYPTED;
        Optional<Path> out = files.chooseBackupToSave(stage, Messages.get("backup.dialog.portable"), name);
        if (out.isEmpty()) {
            Arrays.fill(pw.get(), '\0');
            return;
        }
        vm.backupTo(out.get(), pw.get());
    }

    @FXML
    private void onRestoreSelected() {
        restoreAsked = true;
        vm.checkSelected();
    }

    @FXML
    private void onRestoreFile() {
        files.chooseBackupToOpen(stage, Messages.get("backup.dialog.restoreFile")).ifPresent(f -> {
            restoreAsked = true;
            vm.check(f, null);
        });
    }

    @FXML
    private void onClose() {
        if (vm.busyProperty().get()) {
            vm.cancel();
        } else if (stage != null) {
            stage.close();
        }
    }

    private void confirmRestore() {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, vm.confirmText());
        alert.initOwner(stage);
        alert.setTitle(Messages.get("backup.dialog.title"));
        alert.setHeaderText(Messages.get("backup.dialog.confirmHeader"));
        ButtonType restore = new ButtonType(Messages.get("backup.dialog.confirmRestore"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(restore, cancel);
        alert.getDialogPane().setMinWidth(520);
        alert.getDialogPane().lookupButton(cancel).setId("cancelRestore");
        alert.getDialogPane().lookupButton(restore).setId("confirmRestore");
        if (alert.showAndWait().filter(b -> b == restore).isPresent()) {
            vm.restore();
        }
    }

    /** A password dialog: one field, or two that must agree (a new backup's password). */
    private Optional<char[]> askPassword(String title, String header, boolean twice) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        PasswordField first = new PasswordField();
        first.setPromptText(Messages.get("backup.password.prompt"));
        first.setId("password");
        PasswordField second = new PasswordField();
        second.setPromptText(Messages.get("backup.password.again"));
        second.setId("passwordAgain");
        Label hint = new Label(twice ? Messages.get("backup.password.createHint") : "");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(8);
        box.setPadding(new Insets(8, 4, 4, 4));
        box.getChildren().add(first);
        if (twice) {
            box.getChildren().addAll(second, hint);
        }
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setPrefWidth(440);
        ButtonType ok = new ButtonType(Messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, new ButtonType(Messages.get("dialog.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(Bindings.createBooleanBinding(() -> first.getText().isEmpty()
                || (twice && !first.getText().equals(second.getText())), first.textProperty(), second.textProperty()));
        dialog.setResultConverter(b -> b == ok ? first.getText().toCharArray() : null);
        dialog.setOnShown(e -> first.requestFocus());
        Optional<char[]> result = dialog.showAndWait();
        first.clear();
        second.clear();
        return result;
    }

    private void messageStyle(boolean bad) {
        backupMessage.getStyleClass().removeAll("verdict-bad", "verdict-good");
        backupMessage.getStyleClass().add(bad ? "verdict-bad" : "verdict-good");
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static void column(TableColumn<BackupInfo, String> c, Function<BackupInfo, String> text) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
