package org.townshipledger.cadre;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.ExchangeDialogs;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.FormKeys;

/** Binds UnitsView.fxml to {@link UnitsViewModel}; no rules and no database here. */
public final class UnitsController {

    private final UnitsViewModel vm;
    private final FileDialogs files;

    @FXML private TextField unitFilterField;
    @FXML private Label unitCountLabel;
    @FXML private TableView<Unit> unitTable;
    @FXML private TableColumn<Unit, String> unitNameColumn;
    @FXML private TableColumn<Unit, String> unitLevelColumn;
    @FXML private TableColumn<Unit, String> unitTypeColumn;
    @FXML private TableColumn<Unit, String> unitContactColumn;
    @FXML private TableColumn<Unit, String> unitPhoneColumn;
    @FXML private Label unitFormTitle;
    @FXML private TextField unitNameField;
    @FXML private Label unitNameError;
    @FXML private ComboBox<Choice<UnitLevel>> unitLevelBox;
    @FXML private ComboBox<Choice<UnitType>> unitTypeBox;
    @FXML private TextField unitContactField;
    @FXML private TextField unitPhoneField;
    @FXML private Label unitFormError;
    @FXML private Button unitSaveButton;
    @FXML private Button unitDeleteButton;
    @FXML private VBox extraSections;

    public UnitsController(UnitsViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
    }

    @FXML
    private void initialize() {
        unitFilterField.textProperty().bindBidirectional(vm.filterProperty());
        SortedList<Unit> sorted = new SortedList<>(vm.shownUnits());
        sorted.comparatorProperty().bind(unitTable.comparatorProperty());
        unitTable.setItems(sorted);
        unitTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        unitCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("unit.count", vm.shownUnits().size(), vm.allUnits().size()),
                vm.shownUnits(), vm.allUnits()));
        column(unitNameColumn, Unit::name);
        column(unitLevelColumn, u -> u.level() == null ? "" : u.level().label());
        column(unitTypeColumn, u -> u.type() == null ? "" : u.type().label());
        column(unitContactColumn, u -> nz(u.contactPerson()));
        column(unitPhoneColumn, u -> nz(u.phone()));
        unitTable.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (selected != null && !selected.equals(vm.editingProperty().get())) {
                vm.edit(selected);
            }
        });
        vm.editingProperty().addListener((obs, old, u) -> select(u));
        vm.shownUnits().addListener((ListChangeListener<Unit>) c -> select(vm.editingProperty().get()));

        unitFormTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            Unit u = vm.editingProperty().get();
            return u.id() == null ? Messages.get("unit.form.new") : Messages.get("unit.form.edit", u.name());
        }, vm.editingProperty()));
        unitNameField.textProperty().bindBidirectional(vm.nameProperty());
        Choice.bind(unitLevelBox, Messages.get("choice.none"), UnitLevel.values(), UnitLevel::label, vm.levelProperty());
        Choice.bind(unitTypeBox, Messages.get("choice.none"), UnitType.values(), UnitType::label, vm.typeProperty());
        unitContactField.textProperty().bindBidirectional(vm.contactPersonProperty());
        unitPhoneField.textProperty().bindBidirectional(vm.phoneProperty());
        errorLabel(unitNameError, vm.nameErrorProperty(), unitNameField);
        errorLabel(unitFormError, vm.formErrorProperty(), null);
        unitNameField.focusedProperty().addListener((obs, had, has) -> {
            if (had && !has) {
                vm.validateName();
            }
        });
        unitSaveButton.disableProperty().bind(vm.busyProperty());
        unitDeleteButton.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.editingProperty().get().id() == null, vm.editingProperty())));
        FormKeys.enterMovesFocus(unitNameField, unitLevelBox, unitTypeBox, unitContactField, unitPhoneField,
                unitSaveButton);
    }

    private void select(Unit u) {
        if (u == null || u.id() == null) {
            unitTable.getSelectionModel().clearSelection();
            return;
        }
        for (int i = 0; i < unitTable.getItems().size(); i++) {
            if (unitTable.getItems().get(i).id().equals(u.id())) {
                if (unitTable.getSelectionModel().getSelectedIndex() != i) {
                    unitTable.getSelectionModel().clearAndSelect(i);
                }
                return;
            }
        }
    }

    static void errorLabel(Label label, StringProperty error, TextField field) {
        label.textProperty().bind(error);
        ObservableValue<Boolean> shown = error.isNotEmpty();
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
        if (field != null) {
            error.addListener((obs, old, msg) -> field.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"),
                    !msg.isEmpty()));
        }
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @FXML
    private void onImport() {
        ExchangeDialogs.showImport(unitTable.getScene().getWindow(), vm.importer(), files);
    }

    @FXML
    private void onExport() {
        ExchangeDialogs.showExport(unitTable.getScene().getWindow(), vm.exporter(), files);
    }

    @FXML
    private void onNew() {
        vm.newUnit();
        unitNameField.requestFocus();
    }

    @FXML
    private void onSave() {
        vm.save();
    }

    @FXML
    private void onRevert() {
        vm.edit(vm.editingProperty().get());
    }

    /** Adds a section from another register under the form (the cadre's or unit's pairings, from app). */
    public void addSection(javafx.scene.Node section) {
        extraSections.getChildren().add(section);
    }

    @FXML
    private void onDelete() {
        vm.moveToBin();
    }
}
