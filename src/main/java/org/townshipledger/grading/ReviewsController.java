package org.townshipledger.grading;

import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
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
import org.townshipledger.ui.SheetCells;
import org.townshipledger.ui.TableCopy;

/**
 * Binds ReviewsView.fxml to {@link ReviewsViewModel}: the branch secretaries above, the first secretaries below,
 * each part a column titled with its weight; totals and results follow the typing; Ctrl+S saves, Ctrl+C copies.
 */
public final class ReviewsController {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final ReviewsViewModel vm;

    @FXML private Spinner<Integer> reviewYearSpinner;
    @FXML private Button reloadReviewsButton;
    @FXML private Button saveReviewsButton;
    @FXML private Button deleteReviewButton;
    @FXML private Label branchWeights;
    @FXML private Label firstWeights;
    @FXML private TableView<ReviewRow> branchTable;
    @FXML private TableColumn<ReviewRow, String> branchVillageColumn;
    @FXML private TableColumn<ReviewRow, String> branchNameColumn;
    @FXML private TableColumn<ReviewRow, String> branchPart1Column;
    @FXML private TableColumn<ReviewRow, String> branchPart2Column;
    @FXML private TableColumn<ReviewRow, String> branchPart3Column;
    @FXML private TableColumn<ReviewRow, String> branchPart4Column;
    @FXML private TableColumn<ReviewRow, String> branchTotalColumn;
    @FXML private TableColumn<ReviewRow, String> branchResultColumn;
    @FXML private TableColumn<ReviewRow, String> branchNoteColumn;
    @FXML private TableColumn<ReviewRow, String> branchProblemColumn;
    @FXML private TableView<ReviewRow> firstTable;
    @FXML private TableColumn<ReviewRow, String> firstVillageColumn;
    @FXML private TableColumn<ReviewRow, String> firstNameColumn;
    @FXML private TableColumn<ReviewRow, String> firstPart1Column;
    @FXML private TableColumn<ReviewRow, String> firstPart2Column;
    @FXML private TableColumn<ReviewRow, String> firstPart3Column;
    @FXML private TableColumn<ReviewRow, String> firstPart4Column;
    @FXML private TableColumn<ReviewRow, String> firstTotalColumn;
    @FXML private TableColumn<ReviewRow, String> firstResultColumn;
    @FXML private TableColumn<ReviewRow, String> firstNoteColumn;
    @FXML private TableColumn<ReviewRow, String> firstProblemColumn;
    @FXML private Label reviewSummary;
    @FXML private Label reviewMessage;

    public ReviewsController(ReviewsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        GradingController.yearSpinner(reviewYearSpinner, vm.yearProperty());
        saveReviewsButton.disableProperty().bind(vm.busyProperty());
        reloadReviewsButton.disableProperty().bind(vm.busyProperty());
        reviewSummary.textProperty().bind(vm.summaryProperty());
        reviewMessage.textProperty().bind(vm.messageProperty());
        branchWeights.textProperty().bind(vm.branchWeightsProperty());
        firstWeights.textProperty().bind(vm.firstWeightsProperty());
        table(branchTable, vm.branchRows(), ReviewKind.BRANCH_SECRETARY, branchVillageColumn, branchNameColumn,
                List.of(branchPart1Column, branchPart2Column, branchPart3Column, branchPart4Column),
                branchTotalColumn, branchResultColumn, branchNoteColumn, branchProblemColumn);
        table(firstTable, vm.firstRows(), ReviewKind.FIRST_SECRETARY, firstVillageColumn, firstNameColumn,
                List.of(firstPart1Column, firstPart2Column, firstPart3Column, firstPart4Column),
                firstTotalColumn, firstResultColumn, firstNoteColumn, firstProblemColumn);
        // 删除 acts on the line chosen in the table used last (branch or first secretaries).
        javafx.beans.property.ObjectProperty<TableView<ReviewRow>> lastTable =
                new javafx.beans.property.SimpleObjectProperty<>(branchTable);
        this.lastTable = lastTable;
        for (TableView<ReviewRow> t : List.of(branchTable, firstTable)) {
            t.focusedProperty().addListener((obs, had, has) -> {
                if (has) {
                    lastTable.set(t);
                }
            });
            t.getFocusModel().focusedItemProperty().addListener((obs, old, row) -> {
                if (row != null) {
                    lastTable.set(t);
                }
            });
        }
        deleteReviewButton.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(() -> {
            ReviewRow r = chosen();
            return r == null || !r.saved();
        }, lastTable, branchTable.getFocusModel().focusedItemProperty(),
                firstTable.getFocusModel().focusedItemProperty(), vm.busyProperty())));
        bindKeys();
    }

    private javafx.beans.property.ObjectProperty<TableView<ReviewRow>> lastTable;

    private ReviewRow chosen() {
        return lastTable.get().getFocusModel().getFocusedItem();
    }

    /** 删除: the chosen line's saved review goes to the recycle bin (撤销 in the status bar). */
    @FXML
    private void onDelete() {
        TableView<ReviewRow> t = lastTable.get();
        if (t.getEditingCell() != null) {
            t.edit(-1, null);
        }
        vm.delete(chosen());
        t.requestFocus();
    }

    private void table(TableView<ReviewRow> table, javafx.collections.ObservableList<ReviewRow> rows, ReviewKind kind,
                       TableColumn<ReviewRow, String> village, TableColumn<ReviewRow, String> name,
                       List<TableColumn<ReviewRow, String>> parts, TableColumn<ReviewRow, String> total,
                       TableColumn<ReviewRow, String> result, TableColumn<ReviewRow, String> note,
                       TableColumn<ReviewRow, String> problem) {
        table.setItems(rows);
        village.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().village()));
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        for (int i = 0; i < 4; i++) {
            int part = i;
            SheetCells.text(parts.get(i), r -> r.partProperty(part));
        }
        Runnable titles = () -> {
            for (int i = 0; i < 4; i++) {
                parts.get(i).setText(vm.partTitle(kind, i));
            }
        };
        titles.run();
        vm.branchWeightsProperty().addListener((obs, old, v) -> titles.run());
        total.setCellValueFactory(c -> c.getValue().totalProperty());
        result.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            ReviewResult r = c.getValue().resultProperty().get();
            return r == null ? "" : r.label();
        }, c.getValue().resultProperty()));
        SheetCells.text(note, ReviewRow::noteProperty);
        problem.setCellValueFactory(c -> c.getValue().errorProperty());
        problem.setCellFactory(c -> new TableCell<>() {
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
        SheetCells.install(table);
        TableCopy.install(table);
    }

    private void bindKeys() {
        Map<KeyCombination, Runnable> keys = Map.of(SAVE, this::onSave);
        branchTable.sceneProperty().addListener((obs, old, scene) -> {
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
        for (TableView<ReviewRow> t : List.of(branchTable, firstTable)) {
            if (t.getEditingCell() != null) {
                t.edit(-1, null);
            }
        }
        vm.save();
    }

    @FXML
    private void onReload() {
        vm.load();
    }
}
