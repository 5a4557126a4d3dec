package org.townshipledger.pairing;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.TableCopy;

/** Binds HouseholdHelpersView.fxml (the 帮扶人 tab of a household's window) to {@link HouseholdHelpersViewModel}. */
public final class HouseholdHelpersController {

    private final HouseholdHelpersViewModel vm;

    @FXML private Label helpersSummary;
    @FXML private TableView<Pairing> helpersTable;
    @FXML private TableColumn<Pairing, String> helperNameColumn;
    @FXML private TableColumn<Pairing, String> helperUnitColumn;
    @FXML private TableColumn<Pairing, String> helperPhoneColumn;
    @FXML private TableColumn<Pairing, String> helperTargetColumn;
    @FXML private TableColumn<Pairing, String> helperKindColumn;
    @FXML private TableColumn<Pairing, String> helperFromColumn;
    @FXML private TableColumn<Pairing, String> helperToColumn;
    @FXML private TableColumn<Pairing, String> helperReasonColumn;

    public HouseholdHelpersController(HouseholdHelpersViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        helpersSummary.textProperty().bind(vm.summaryProperty());
        helpersTable.setItems(vm.helpers());
        helpersTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(helperNameColumn, p -> nz(p.helperName()));
        column(helperUnitColumn, p -> p.byUnit() ? "" : nz(p.helperUnit()));
        column(helperPhoneColumn, p -> nz(p.helperPhone()));
        column(helperTargetColumn, p -> p.target() == TargetKind.STUDENT ? PairingsViewModel.targetLabel(p)
                : Messages.get("household.helpers.self"));
        column(helperKindColumn, p -> p.kind().label());
        column(helperFromColumn, p -> p.startDate().toString());
        column(helperToColumn, p -> p.endDate() == null ? Messages.get("assignment.open") : p.endDate().toString());
        column(helperReasonColumn, p -> nz(p.endReason()));
        TableCopy.install(helpersTable);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
    }
}
