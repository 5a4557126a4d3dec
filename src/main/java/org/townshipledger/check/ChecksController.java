package org.townshipledger.check;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.townshipledger.cadre.Finding;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.TableCopy;

/** Binds ChecksView.fxml to {@link ChecksViewModel}; Ctrl+C copies the selected findings for Excel. */
public final class ChecksController {

    private final ChecksViewModel vm;

    @FXML private Spinner<Integer> checkYearSpinner;
    @FXML private ComboBox<Choice<String>> ruleFilterBox;
    @FXML private Button runChecksButton;
    @FXML private Label checkSummary;
    @FXML private TableView<Finding> findingsTable;
    @FXML private TableColumn<Finding, String> findingVillageColumn;
    @FXML private TableColumn<Finding, String> findingRuleColumn;
    @FXML private TableColumn<Finding, String> findingDetailColumn;
    @FXML private TableColumn<Finding, String> findingInChargeColumn;
    @FXML private Label findingsEmpty;

    public ChecksController(ChecksViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        SpinnerValueFactory.IntegerSpinnerValueFactory years =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(2000, 2100, 2025);
        checkYearSpinner.setValueFactory(years);
        vm.yearProperty().addListener((obs, old, y) -> {
            if (y.intValue() >= 2000 && years.getValue() != y.intValue()) {
                years.setValue(y.intValue());
            }
        });
        years.valueProperty().addListener((obs, old, y) -> {
            if (y != null) {
                vm.yearProperty().set(y);
            }
        });
        checkYearSpinner.focusedProperty().addListener((obs, had, has) -> {
            if (!has) {
                checkYearSpinner.commitValue(); // takes a year typed into the box
            }
        });
        Choice.bind(ruleFilterBox, Messages.get("checks.allRules"), vm.rules(), r -> r, vm.ruleFilterProperty(),
                r -> r);
        runChecksButton.disableProperty().bind(vm.busyProperty());
        checkSummary.textProperty().bind(vm.summaryProperty());

        SortedList<Finding> sorted = new SortedList<>(vm.shownFindings());
        sorted.comparatorProperty().bind(findingsTable.comparatorProperty());
        findingsTable.setItems(sorted);
        findingsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        findingsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(findingVillageColumn, Finding::village);
        column(findingRuleColumn, Finding::rule);
        column(findingDetailColumn, Finding::detail);
        column(findingInChargeColumn, Finding::inCharge);
        TableCopy.install(findingsTable);
        findingsEmpty.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get().isEmpty()
                ? Messages.get("checks.empty") : vm.summaryProperty().get(), vm.summaryProperty()));
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
    }

    @FXML
    private void onRun() {
        checkYearSpinner.commitValue();
        vm.run();
    }
}
