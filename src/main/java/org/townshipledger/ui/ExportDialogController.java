package org.townshipledger.ui;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.townshipledger.common.Messages;

/** Binds ExportDialog.fxml to {@link ExportViewModel}; asks where to save through {@link FileDialogs}. */
public final class ExportDialogController {

    private final ExportViewModel vm;
    private final FileDialogs files;
    private Stage stage;
    private boolean closeWhenIdle;

    @FXML private Label titleLabel;
    @FXML private Label scopeLabel;
    @FXML private VBox fullIdPane;
    @FXML private CheckBox fullIdBox;
    @FXML private Label fullIdHint;
    @FXML private VBox progressPane;
    @FXML private ProgressBar progressBar;
    @FXML private Label messageLabel;
    @FXML private Button closeButton;
    @FXML private Button startExportButton;

    public ExportDialogController(ExportViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(vm.title());
        scopeLabel.setText(vm.scope());
        fullIdHint.setText(vm.fullIdHint());
        fullIdPane.setVisible(vm.hasIdNumbers());
        fullIdPane.setManaged(vm.hasIdNumbers());
        fullIdBox.selectedProperty().bindBidirectional(vm.fullIdProperty());
        fullIdBox.disableProperty().bind(vm.busyProperty());
        progressPane.visibleProperty().bind(vm.busyProperty());
        progressPane.managedProperty().bind(vm.busyProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        startExportButton.disableProperty().bind(vm.busyProperty());
        closeButton.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(vm.busyProperty().get()
                ? "dialog.cancel" : "dialog.close"), vm.busyProperty()));
        vm.doneProperty().addListener((obs, was, done) -> {
            if (done && stage != null) {
                stage.close();
            }
        });
        vm.busyProperty().addListener((obs, was, busy) -> {
            if (!busy && closeWhenIdle && stage != null) {
                stage.close();
            }
        });
    }

    void attach(Stage window) {
        this.stage = window;
        window.setOnCloseRequest(e -> {
            if (vm.busyProperty().get()) {
                e.consume();
                closeWhenIdle = true;
                vm.cancel();
            }
        });
    }

    @FXML
    private void onExport() {
        files.chooseToSave(stage, vm.title(), vm.fileName()).ifPresent(vm::export);
    }

    @FXML
    private void onClose() {
        if (vm.busyProperty().get()) {
            vm.cancel();
        } else if (stage != null) {
            stage.close();
        }
    }
}
