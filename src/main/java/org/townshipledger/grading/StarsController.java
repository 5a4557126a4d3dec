package org.townshipledger.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.townshipledger.ui.SheetCells;
import org.townshipledger.ui.TableCopy;

/**
 * Binds StarsView.fxml to {@link StarsViewModel}: the year's member and secretary ratings in a table edited like a
 * spreadsheet ({@link SheetCells}); Ctrl+N adds a line and starts on its village (or its name when the line it
 * follows gave the village), Delete (on a chosen line, not while editing) deletes it with 撤销, Ctrl+S saves, Ctrl+C
 * copies. In the choice columns a typed key picks (大 → 大石村, 4 → ★★★★).
 */
public final class StarsController {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ADD = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final StarsViewModel vm;

    @FXML private Spinner<Integer> starYearSpinner;
    @FXML private Label starReadOnlyLabel;
    @FXML private Button addStarButton;
    @FXML private Button deleteStarButton;
    @FXML private Button reloadStarsButton;
    @FXML private Button saveStarsButton;
    @FXML private TableView<StarRow> starTable;
    @FXML private TableColumn<StarRow, StarSubject> starSubjectColumn;
    @FXML private TableColumn<StarRow, StarCandidate> starVillageColumn;
    @FXML private TableColumn<StarRow, String> starNameColumn;
    @FXML private TableColumn<StarRow, Integer> starStarsColumn;
    @FXML private TableColumn<StarRow, String> starProblemColumn;
    @FXML private Label starSummary;
    @FXML private Label starMessage;

    public StarsController(StarsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        GradingController.yearSpinner(starYearSpinner, vm.yearProperty());
        starReadOnlyLabel.visibleProperty().bind(vm.readOnlyProperty());
        starReadOnlyLabel.managedProperty().bind(vm.readOnlyProperty());
        addStarButton.disableProperty().bind(vm.readOnlyProperty().or(vm.busyProperty()));
        saveStarsButton.disableProperty().bind(vm.readOnlyProperty().or(vm.busyProperty()));
        deleteStarButton.disableProperty().bind(vm.readOnlyProperty().or(vm.busyProperty())
                .or(starTable.getFocusModel().focusedItemProperty().isNull()));
        reloadStarsButton.disableProperty().bind(vm.busyProperty());
        starSummary.textProperty().bind(vm.summaryProperty());
        starMessage.textProperty().bind(vm.messageProperty());

        starTable.setItems(vm.rows());
        starTable.editableProperty().bind(vm.readOnlyProperty().not());
        starSubjectColumn.setCellValueFactory(c -> c.getValue().subjectProperty());
        SheetCells.choice(starSubjectColumn, StarsViewModel.SUBJECTS, StarsController::subjectText);
        starSubjectColumn.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                e.getRowValue().subjectProperty().set(e.getNewValue());
            }
        });
        starVillageColumn.setCellValueFactory(c -> c.getValue().villageProperty());
        SheetCells.choice(starVillageColumn, vm.villages(), v -> v == null ? "" : v.villageName());
        starVillageColumn.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                e.getRowValue().villageProperty().set(e.getNewValue());
            }
        });
        SheetCells.text(starNameColumn, StarRow::nameProperty);
        starStarsColumn.setCellValueFactory(c -> c.getValue().starsProperty());
        List<Integer> choices = new ArrayList<>(List.of(5, 4, 3, 2, 1));
        SheetCells.choice(starStarsColumn, choices, n -> n == null ? "" : GradeRow.starText(n));
        starStarsColumn.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                e.getRowValue().starsProperty().set(e.getNewValue());
            }
        });
        starProblemColumn.setCellValueFactory(c -> c.getValue().errorProperty());
        starProblemColumn.setCellFactory(c -> new TableCell<>() {
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
        SheetCells.install(starTable);
        TableCopy.install(starTable);
        starTable.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && starTable.getEditingCell() == null) {
                onDelete();
                e.consume();
            }
        });
        bindKeys();
    }

    /** 党员 / 书记. */
    static String subjectText(StarSubject s) {
        return s == null ? "" : s.shortLabel();
    }

    private void bindKeys() {
        Map<KeyCombination, Runnable> keys = Map.of(SAVE, this::onSave, ADD, this::onAdd);
        starTable.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                keys.forEach((k, action) -> old.getAccelerators().remove(k, action));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(keys);
            }
        });
    }

    private void endEdit() {
        if (starTable.getEditingCell() != null) {
            starTable.edit(-1, null);
        }
    }

    @FXML
    private void onAdd() {
        endEdit();
        StarRow row = vm.add(starTable.getFocusModel().getFocusedItem());
        if (row != null) {
            int index = starTable.getItems().indexOf(row);
            starTable.requestFocus();
            // The village first when the line has none yet; Tab then goes on to the name and the stars.
            SheetCells.edit(starTable, index, row.villageProperty().get() == null ? starVillageColumn
                    : starNameColumn);
        }
    }

    @FXML
    private void onDelete() {
        endEdit();
        StarRow row = starTable.getFocusModel().getFocusedItem();
        vm.delete(row);
        starTable.requestFocus();
    }

    @FXML
    private void onSave() {
        endEdit();
        vm.save();
    }

    @FXML
    private void onReload() {
        vm.load();
    }
}
