package org.townshipledger.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.SheetCells;
import org.townshipledger.ui.TableCopy;

/**
 * Binds GradingView.fxml to {@link GradingViewModel}: the year's villages in a table edited like a spreadsheet
 * ({@link SheetCells}); choosing a grade other than the proposal asks for the reason; Ctrl+S saves; Ctrl+C copies.
 */
public final class GradingController {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    /** The stars column's "none" entry. */
    private static final Integer NO_STARS = 0;

    private final GradingViewModel vm;

    @FXML private Spinner<Integer> gradeYearSpinner;
    @FXML private Label readOnlyLabel;
    @FXML private Button reloadGradesButton;
    @FXML private Button saveGradesButton;
    @FXML private Button deleteGradeButton;
    @FXML private TableView<GradeRow> gradeTable;
    @FXML private TableColumn<GradeRow, String> villageColumn;
    @FXML private TableColumn<GradeRow, String> memberColumn;
    @FXML private TableColumn<GradeRow, String> publicColumn;
    @FXML private TableColumn<GradeRow, String> satisfactionColumn;
    @FXML private TableColumn<GradeRow, String> branchColumn;
    @FXML private TableColumn<GradeRow, String> compositeColumn;
    @FXML private TableColumn<GradeRow, String> proposedColumn;
    @FXML private TableColumn<GradeRow, Grade> gradeColumn;
    @FXML private TableColumn<GradeRow, String> reasonColumn;
    @FXML private TableColumn<GradeRow, Integer> starsColumn;
    @FXML private TableColumn<GradeRow, String> rewardColumn;
    @FXML private TableColumn<GradeRow, String> measuresColumn;
    @FXML private TableColumn<GradeRow, String> problemColumn;
    @FXML private Label gradeSummary;
    @FXML private Label gradeMessage;

    public GradingController(GradingViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        yearSpinner(gradeYearSpinner, vm.yearProperty());
        readOnlyLabel.visibleProperty().bind(vm.readOnlyProperty());
        readOnlyLabel.managedProperty().bind(vm.readOnlyProperty());
        saveGradesButton.disableProperty().bind(vm.readOnlyProperty().or(vm.busyProperty()));
        reloadGradesButton.disableProperty().bind(vm.busyProperty());
        deleteGradeButton.disableProperty().bind(vm.readOnlyProperty().or(vm.busyProperty())
                .or(Bindings.createBooleanBinding(() -> {
                    GradeRow r = gradeTable.getFocusModel().getFocusedItem();
                    return r == null || !r.saved();
                }, gradeTable.getFocusModel().focusedItemProperty(), vm.busyProperty())));
        gradeSummary.textProperty().bind(vm.summaryProperty());
        gradeMessage.textProperty().bind(vm.messageProperty());

        gradeTable.setItems(vm.rows());
        gradeTable.editableProperty().bind(vm.readOnlyProperty().not());
        villageColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().village()));
        SheetCells.text(memberColumn, GradeRow::memberProperty);
        SheetCells.text(publicColumn, GradeRow::publicScoreProperty);
        SheetCells.text(satisfactionColumn, GradeRow::satisfactionProperty);
        SheetCells.text(branchColumn, GradeRow::branchProperty);
        compositeColumn.setCellValueFactory(c -> c.getValue().compositeProperty());
        proposedColumn.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            Grade g = c.getValue().proposedProperty().get();
            return g == null ? "" : g.label();
        }, c.getValue().proposedProperty()));
        gradeColumn.setCellValueFactory(c -> c.getValue().gradeProperty());
        SheetCells.choice(gradeColumn, Arrays.asList(Grade.values()), Grade::label);
        gradeColumn.setOnEditCommit(e -> chooseGrade(e.getRowValue(), e.getNewValue()));
        SheetCells.text(reasonColumn, GradeRow::reasonProperty);
        starsColumn.setCellValueFactory(c -> c.getValue().starsProperty());
        List<Integer> starChoices = new ArrayList<>(List.of(NO_STARS, 1, 2, 3, 4, 5));
        SheetCells.choice(starsColumn, starChoices, n -> n == null || n.equals(NO_STARS)
                ? Messages.get("gradingScreen.noStars") : GradeRow.starText(n));
        starsColumn.setOnEditCommit(e -> e.getRowValue().starsProperty().set(
                e.getNewValue() == null || e.getNewValue().equals(NO_STARS) ? null : e.getNewValue()));
        SheetCells.text(rewardColumn, GradeRow::rewardPenaltyProperty);
        SheetCells.text(measuresColumn, GradeRow::helpMeasuresProperty);
        problemColumn.setCellValueFactory(c -> c.getValue().errorProperty());
        problemColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("grade-problem");
                if (!empty && item != null && !item.isEmpty()) {
                    getStyleClass().add("grade-problem");
                }
            }
        });
        SheetCells.install(gradeTable);
        TableCopy.install(gradeTable);
        bindKeys();
    }

    /** A year spinner kept in step with the view model's year (a typed year is taken when the box loses focus). */
    static void yearSpinner(Spinner<Integer> spinner, IntegerProperty year) {
        SpinnerValueFactory.IntegerSpinnerValueFactory years =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(2000, 2100, 2025);
        spinner.setValueFactory(years);
        year.addListener((obs, old, y) -> {
            if (y.intValue() >= 2000 && years.getValue() != y.intValue()) {
                years.setValue(y.intValue());
            }
        });
        years.valueProperty().addListener((obs, old, y) -> {
            if (y != null && y != year.get()) {
                year.set(y);
            }
        });
        spinner.focusedProperty().addListener((obs, had, has) -> {
            if (!has) {
                spinner.commitValue();
            }
        });
        spinner.getEditor().setOnAction(e -> spinner.commitValue());
    }

    /** The grade chosen in the table: back to the proposal at once, any other grade once a reason is given. */
    private void chooseGrade(GradeRow row, Grade g) {
        if (row == null || g == null || g == row.gradeProperty().get() && !vm.needsReason(row, g)) {
            return;
        }
        if (!vm.needsReason(row, g)) {
            vm.chooseGrade(row, g, null);
            return;
        }
        // Asked once the table's edit has ended (a dialog cannot open while the choice list closes).
        Platform.runLater(() -> askReason(row, g).ifPresentOrElse(reason -> vm.chooseGrade(row, g, reason),
                gradeTable::refresh));
    }

    private Optional<String> askReason(GradeRow row, Grade g) {
        TextInputDialog dialog = new TextInputDialog(row.reasonProperty().get());
        Window owner = gradeTable.getScene() == null ? null : gradeTable.getScene().getWindow();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(Messages.get("gradingScreen.reason.title"));
        dialog.setHeaderText(Messages.get("gradingScreen.reason.header", row.village(),
                row.proposedProperty().get().label(), g.label()));
        dialog.setContentText(Messages.get("gradingScreen.reason.label"));
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(Messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setId("gradeReasonDialog");
        Button ok = (Button) dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> dialog.getEditor().getText().isBlank(),
                dialog.getEditor().textProperty()));
        dialog.setResultConverter(b -> b != null && b.getButtonData() == ButtonBar.ButtonData.OK_DONE
                ? dialog.getEditor().getText() : null);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private void bindKeys() {
        Map<KeyCombination, Runnable> keys = Map.of(SAVE, this::onSave);
        gradeTable.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                keys.forEach((k, action) -> old.getAccelerators().remove(k, action));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(keys);
            }
        });
    }

    @FXML
    private void onSave() {
        if (gradeTable.getEditingCell() != null) {
            gradeTable.edit(-1, null); // ends the edit; the value typed is already in the line
        }
        vm.save();
    }

    /** 删除: the focused line's saved record goes to the recycle bin (撤销 in the status bar). */
    @FXML
    private void onDelete() {
        if (gradeTable.getEditingCell() != null) {
            gradeTable.edit(-1, null);
        }
        vm.delete(gradeTable.getFocusModel().getFocusedItem());
        gradeTable.requestFocus();
    }

    @FXML
    private void onReload() {
        vm.reload();
    }
}
