package org.townshipledger.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the import and export dialogs of a register's screen (the 导入… and 导出… buttons). */
public final class ExchangeDialogs {

    private ExchangeDialogs() {
    }

    /**
     * Asks for a spreadsheet, then opens the import dialog and checks the file at once. Nothing opens when the clerk
     * cancels the file dialog.
     */
    public static void showImport(Window owner, ImportViewModel vm, FileDialogs files) {
        Optional<Path> chosen = files.chooseToOpen(owner, vm.title());
        if (chosen.isEmpty()) {
            return;
        }
        ImportDialogController controller = new ImportDialogController(vm, files);
        Parent root = Fxml.load(ImportDialogController.class, "ImportDialog.fxml", controller);
        Stage stage = stage(owner, root, vm.title(), 900, 600);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        controller.attach(stage);
        stage.show();
        controller.start(chosen.get());
    }

    /**
     * Exports a register. Where ID numbers may be written in full the export dialog asks first (masked by default);
     * otherwise the file dialog opens at once and the status bar says how it went.
     */
    public static void showExport(Window owner, ExportViewModel vm, FileDialogs files) {
        if (!vm.hasIdNumbers()) {
            files.chooseToSave(owner, vm.title(), vm.fileName()).ifPresent(vm::export);
            return;
        }
        ExportDialogController controller = new ExportDialogController(vm, files);
        Parent root = Fxml.load(ExportDialogController.class, "ExportDialog.fxml", controller);
        Stage stage = stage(owner, root, vm.title(), -1, -1);
        stage.setResizable(false);
        controller.attach(stage);
        stage.show();
    }

    private static Stage stage(Window owner, Parent root, String title, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        return stage;
    }
}
