package org.townshipledger.pairing;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.TableCopy;

/** Binds HelperPairingsView.fxml (a section of the cadre's or the unit's form) to {@link HelperPairingsViewModel}. */
public final class HelperPairingsController {

    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final HelperPairingsViewModel vm;

    @FXML private VBox helperRoot;
    @FXML private Label categoryLabel;
    @FXML private Label progressLabel;
    @FXML private Label shortfallLabel;
    @FXML private Label helperError;
    @FXML private TableView<Pairing> helpedTable;
    @FXML private TableColumn<Pairing, String> helpedTargetColumn;
    @FXML private TableColumn<Pairing, String> helpedPairingKindColumn;
    @FXML private TableColumn<Pairing, String> helpedFromColumn;
    @FXML private TableColumn<Pairing, String> helpedToColumn;
    @FXML private TableColumn<Pairing, String> helpedReasonColumn;

    public HelperPairingsController(HelperPairingsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        categoryLabel.textProperty().bind(vm.categoryProperty());
        progressLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.progressProperty().get().isEmpty()
                ? "" : Messages.get("pairing.load.progress", vm.progressProperty().get()), vm.progressProperty()));
        hideWhenEmpty(progressLabel);
        shortfallLabel.textProperty().bind(vm.shortfallProperty());
        hideWhenEmpty(shortfallLabel);
        shortfallLabel.getStyleClass().add("load-note");
        Runnable mark = () -> shortfallLabel.pseudoClassStateChanged(WARNING,
                vm.behindProperty().get() || vm.overProperty().get());
        vm.behindProperty().addListener((obs, o, n) -> mark.run());
        vm.overProperty().addListener((obs, o, n) -> mark.run());
        PairingsController.errorLabel(helperError, vm.errorProperty());

        helpedTable.setItems(vm.pairings());
        helpedTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(helpedTargetColumn, HelperPairingsViewModel::targetText);
        column(helpedPairingKindColumn, p -> p.kind().label());
        column(helpedFromColumn, p -> p.startDate().toString());
        column(helpedToColumn, p -> p.endDate() == null ? Messages.get("assignment.open") : p.endDate().toString());
        column(helpedReasonColumn, p -> p.endReason() == null ? "" : p.endReason());
        TableCopy.install(helpedTable);
        helperRoot.visibleProperty().bind(vm.cadreIdProperty().isNotNull().or(vm.unitIdProperty().isNotNull()));
        helperRoot.managedProperty().bind(helperRoot.visibleProperty());
    }

    private static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
    }
}
