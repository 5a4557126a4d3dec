package org.townshipledger.ui;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.ImportViewModel.Issue;
import org.townshipledger.ui.ImportViewModel.Phase;

/** Binds ImportDialog.fxml to {@link ImportViewModel}; asks for files through {@link FileDialogs}. */
public final class ImportDialogController {

    private final ImportViewModel vm;
    private final FileDialogs files;
    private Stage stage;
    private boolean closeWhenIdle;

    @FXML private Label fileLabel;
    @FXML private Button chooseButton;
    @FXML private Button recheckButton;
    @FXML private VBox progressPane;
    @FXML private Label progressLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label summaryLabel;
    @FXML private Label verdictLabel;
    @FXML private TableView<Issue> issueTable;
    @FXML private TableColumn<Issue, String> kindColumn;
    @FXML private TableColumn<Issue, String> lineColumn;
    @FXML private TableColumn<Issue, String> columnColumn;
    @FXML private TableColumn<Issue, String> valueColumn;
    @FXML private TableColumn<Issue, String> reasonColumn;
    @FXML private Label issuePlaceholder;
    @FXML private Label reportLabel;
    @FXML private Button reportButton;
    @FXML private Button closeButton;
    @FXML private Button confirmImportButton;

    public ImportDialogController(ImportViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
    }

    @FXML
    private void initialize() {
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null
                ? Messages.get("import.dialog.noFile") : vm.fileProperty().get().toString(), vm.fileProperty()));
        chooseButton.disableProperty().bind(vm.busyProperty());
        recheckButton.disableProperty().bind(vm.canRecheckBinding().not());

        showWhen(progressPane, vm.busyProperty());
        progressLabel.textProperty().bind(vm.progressTextProperty());
        progressBar.progressProperty().bind(vm.progressProperty());

        summaryLabel.textProperty().bind(vm.summaryProperty());
        showWhen(summaryLabel, vm.summaryProperty().isNotEmpty());
        verdictLabel.textProperty().bind(vm.verdictProperty());
        // While an import runs, "click 导入" would be out of date: the progress line says what happens.
        showWhen(verdictLabel, vm.verdictProperty().isNotEmpty().and(vm.phaseProperty().isNotEqualTo(Phase.IMPORTING)));
        vm.verdictBadProperty().addListener((obs, old, bad) -> verdictStyle(bad));
        verdictStyle(vm.verdictBadProperty().get());

        issueTable.setItems(vm.issues());
        issueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(kindColumn, Issue::kind);
        column(lineColumn, i -> i.line() > 0 ? Integer.toString(i.line()) : "");
        column(columnColumn, Issue::column);
        column(valueColumn, Issue::value);
        column(reasonColumn, Issue::reason);
        valueColumn.setCellFactory(c -> wrapping(c));
        reasonColumn.setCellFactory(c -> wrapping(c));
        kindColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll("issue-error", "issue-warning");
                Issue issue = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                if (issue != null) {
                    getStyleClass().add(issue.warning() ? "issue-warning" : "issue-error");
                }
            }
        });
        TableCopy.install(issueTable);
        issuePlaceholder.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                vm.checkProperty().get() != null ? "import.dialog.noIssues" : "import.dialog.issuesLater"),
                vm.checkProperty()));

        reportLabel.textProperty().bind(vm.reportMessageProperty());
        showWhen(reportLabel, vm.reportMessageProperty().isNotEmpty());
        showWhen(reportButton, vm.canSaveReportBinding());
        showWhen(confirmImportButton, vm.canImportBinding());
        closeButton.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(vm.busyProperty().get()
                ? "dialog.cancel" : "dialog.close"), vm.busyProperty()));

        vm.phaseProperty().addListener((obs, old, p) -> {
            if (p == Phase.IMPORTED && stage != null) {
                stage.close();
            }
        });
        vm.busyProperty().addListener((obs, was, busy) -> {
            if (!busy && closeWhenIdle && stage != null) {
                stage.close();
            }
        });
    }

    /** The window the dialog lives in: closing it while work runs cancels the work first. */
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

    /** A cell whose text wraps to the column's width, so a long reason is read whole (the row grows). */
    private static TableCell<Issue, String> wrapping(TableColumn<Issue, String> column) {
        TableCell<Issue, String> cell = new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("text");
                getStyleClass().add("wrap-cell");
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        };
        return cell;
    }

    private void verdictStyle(boolean bad) {
        verdictLabel.getStyleClass().removeAll("verdict-bad", "verdict-good");
        verdictLabel.getStyleClass().add(bad ? "verdict-bad" : "verdict-good");
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static void column(TableColumn<Issue, String> c, Function<Issue, String> text) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    @FXML
    private void onChoose() {
        files.chooseToOpen(stage, vm.title()).ifPresent(vm::check);
    }

    @FXML
    private void onRecheck() {
        vm.recheck();
    }

    @FXML
    private void onSaveReport() {
        files.chooseToSave(stage, Messages.get("import.dialog.saveReport"), vm.reportFileName())
                .ifPresent(vm::saveErrorReport);
    }

    @FXML
    private void onImport() {
        vm.importChecked();
    }

    @FXML
    private void onClose() {
        if (vm.busyProperty().get()) {
            vm.cancel();
        } else if (stage != null) {
            stage.close();
        }
    }

    /** For {@link ExchangeDialogs}: the chosen file is checked as the dialog opens. */
    void start(Path chosen) {
        vm.check(chosen);
    }
}
