package org.townshipledger.cadre;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.townshipledger.cadre.CadresViewModel.PostingAction;
import org.townshipledger.cadre.CadresViewModel.Row;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.ExchangeDialogs;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.DatePickers;
import org.townshipledger.ui.FormKeys;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.village.Village;

/** Binds CadresView.fxml to {@link CadresViewModel}; no rules and no database here. */
public final class CadresController {

    private final CadresViewModel vm;
    private final FileDialogs files;

    @FXML private TextField searchField;
    @FXML private Label cadreCountLabel;
    @FXML private ComboBox<Choice<Unit>> unitFilterBox;
    @FXML private ComboBox<Choice<Rank>> rankFilterBox;
    @FXML private ComboBox<Choice<Role>> roleFilterBox;
    @FXML private ComboBox<Choice<Village>> villageFilterBox;
    @FXML private TableView<Row> cadreTable;
    @FXML private TableColumn<Row, String> nameColumn;
    @FXML private TableColumn<Row, String> sexColumn;
    @FXML private TableColumn<Row, String> ageColumn;
    @FXML private TableColumn<Row, String> idColumn;
    @FXML private TableColumn<Row, String> unitColumn;
    @FXML private TableColumn<Row, String> rankColumn;
    @FXML private TableColumn<Row, String> partyColumn;
    @FXML private TableColumn<Row, String> postingsColumn;
    @FXML private TableColumn<Row, String> phoneColumn;

    @FXML private Label cadreFormTitle;
    @FXML private TextField cadreNameField;
    @FXML private Label cadreNameError;
    @FXML private TextField cadreIdField;
    @FXML private Label cadreIdError;
    @FXML private ComboBox<Choice<Sex>> cadreSexBox;
    @FXML private Label cadreSexError;
    @FXML private DatePicker cadreBirthPicker;
    @FXML private Label cadreBirthError;
    @FXML private ComboBox<Choice<Unit>> cadreUnitBox;
    @FXML private ComboBox<Choice<Rank>> cadreRankBox;
    @FXML private TextField cadrePhoneField;
    @FXML private Label cadrePhoneError;
    @FXML private CheckBox cadrePartyBox;
    @FXML private TextArea cadreNoteArea;
    @FXML private Label cadreNoteError;
    @FXML private Label cadreFormError;
    @FXML private Button cadreSaveButton;
    @FXML private Button cadreDeleteButton;
    @FXML private Button deletePostingButton;

    @FXML private Label historyTitle;
    @FXML private Button addPostingButton;
    @FXML private Button endPostingButton;
    @FXML private Button replacePostingButton;
    @FXML private TableView<Assignment> historyTable;
    @FXML private TableColumn<Assignment, String> historyVillageColumn;
    @FXML private TableColumn<Assignment, String> historyRoleColumn;
    @FXML private TableColumn<Assignment, String> historyFromColumn;
    @FXML private TableColumn<Assignment, String> historyToColumn;
    @FXML private TableColumn<Assignment, String> historySentByColumn;
    @FXML private TableColumn<Assignment, String> historyReasonColumn;
    @FXML private Label historyEmpty;

    @FXML private VBox actionPane;
    @FXML private Label actionTitle;
    @FXML private GridPane addPane;
    @FXML private ComboBox<Choice<Village>> addVillageBox;
    @FXML private ComboBox<Choice<Role>> addRoleBox;
    @FXML private DatePicker addFromPicker;
    @FXML private ComboBox<Choice<Unit>> addUnitBox;
    @FXML private GridPane endPane;
    @FXML private DatePicker endOnPicker;
    @FXML private TextField endReasonField;
    @FXML private GridPane replacePane;
    @FXML private ComboBox<Choice<Cadre>> replaceCadreBox;
    @FXML private DatePicker replaceFromPicker;
    @FXML private TextField replaceReasonField;
    @FXML private ComboBox<Choice<Unit>> replaceUnitBox;
    @FXML private Label replaceHint;
    @FXML private Label actionError;
    @FXML private Button applyActionButton;
    @FXML private VBox extraSections;

    public CadresController(CadresViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
    }

    @FXML
    private void initialize() {
        bindFilters();
        bindTable();
        bindForm();
        bindHistory();
        bindActions();
        bindKeys();
    }

    private void bindFilters() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        Choice.bind(unitFilterBox, Messages.get("cadre.filter.allUnits"), vm.units(), Unit::name,
                vm.unitFilterProperty(), Unit::id);
        Choice.bind(rankFilterBox, Messages.get("cadre.filter.allRanks"), Rank.values(), Rank::label,
                vm.rankFilterProperty());
        Choice.bind(roleFilterBox, Messages.get("cadre.filter.allRoles"), vm.roles(), Role::label,
                vm.roleFilterProperty(), Role::code);
        Choice.bind(villageFilterBox, Messages.get("cadre.filter.allVillages"), vm.villages(), Village::name,
                vm.villageFilterProperty(), Village::id);
    }

    private void bindTable() {
        SortedList<Row> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(cadreTable.comparatorProperty());
        cadreTable.setItems(sorted);
        cadreTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        cadreCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("cadre.count", vm.rows().size()), vm.rows()));
        column(nameColumn, r -> r.cadre().name());
        column(sexColumn, r -> r.cadre().sex() == null ? "" : r.cadre().sex().label());
        column(ageColumn, r -> r.age() < 0 ? "" : Integer.toString(r.age()));
        ageColumn.setComparator(Comparator.comparingInt(s -> s.isEmpty() ? -1 : Integer.parseInt(s)));
        column(idColumn, r -> Masking.idNumber(r.cadre().idNumber()));
        column(unitColumn, r -> nz(r.cadre().unitName()));
        column(rankColumn, r -> r.cadre().rank() == null ? "" : r.cadre().rank().label());
        column(partyColumn, r -> r.cadre().partyMember() ? Messages.get("common.yes") : "");
        column(postingsColumn, Row::postings);
        column(phoneColumn, r -> nz(r.cadre().phone()));
        TableCopy.install(cadreTable);

        cadreTable.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (selected != null && !selected.cadre().equals(vm.editingProperty().get())) {
                if (!confirmLeavingForm()) {
                    return;
                }
                vm.edit(selected.cadre());
            }
        });
        vm.editingProperty().addListener((obs, old, k) -> selectInTable(k));
        vm.rows().addListener((ListChangeListener<Row>) c -> selectInTable(vm.editingProperty().get()));
    }

    private void selectInTable(Cadre k) {
        if (k == null || k.id() == null) {
            cadreTable.getSelectionModel().clearSelection();
            return;
        }
        for (int i = 0; i < cadreTable.getItems().size(); i++) {
            if (cadreTable.getItems().get(i).cadre().id().equals(k.id())) {
                if (cadreTable.getSelectionModel().getSelectedIndex() != i) {
                    cadreTable.getSelectionModel().clearAndSelect(i);
                }
                return;
            }
        }
        cadreTable.getSelectionModel().clearSelection();
    }

    private void bindForm() {
        cadreFormTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            Cadre k = vm.editingProperty().get();
            return k.id() == null ? Messages.get("cadre.form.new") : Messages.get("cadre.form.edit", k.name());
        }, vm.editingProperty()));
        cadreNameField.textProperty().bindBidirectional(vm.nameProperty());
        cadreIdField.textProperty().bindBidirectional(vm.idNumberProperty());
        Choice.bind(cadreSexBox, Messages.get("choice.choose"), Sex.values(), Sex::label, vm.sexProperty());
        DatePickers.iso(cadreBirthPicker, addFromPicker, endOnPicker, replaceFromPicker);
        cadreBirthPicker.valueProperty().bindBidirectional(vm.birthDateProperty());
        Choice.bind(cadreUnitBox, Messages.get("choice.none"), vm.units(), Unit::name, vm.unitProperty(), Unit::id);
        Choice.bind(cadreRankBox, Messages.get("choice.none"), Rank.values(), Rank::label, vm.rankProperty());
        cadrePhoneField.textProperty().bindBidirectional(vm.phoneProperty());
        cadrePartyBox.selectedProperty().bindBidirectional(vm.partyMemberProperty());
        cadreNoteArea.textProperty().bindBidirectional(vm.noteProperty());

        UnitsController.errorLabel(cadreNameError, vm.errorProperty(CadreRules.FIELD_NAME), cadreNameField);
        UnitsController.errorLabel(cadreIdError, vm.errorProperty(CadreRules.FIELD_ID), cadreIdField);
        UnitsController.errorLabel(cadreSexError, vm.errorProperty(CadreRules.FIELD_SEX), null);
        UnitsController.errorLabel(cadreBirthError, vm.errorProperty(CadreRules.FIELD_BIRTH), null);
        UnitsController.errorLabel(cadrePhoneError, vm.errorProperty(CadreRules.FIELD_PHONE), cadrePhoneField);
        UnitsController.errorLabel(cadreNoteError, vm.errorProperty(CadreRules.FIELD_NOTE), null);
        UnitsController.errorLabel(cadreFormError, vm.formErrorProperty(), null);
        validateOnFocusOut(cadreNameField, CadreRules.FIELD_NAME);
        validateOnFocusOut(cadreIdField, CadreRules.FIELD_ID);
        validateOnFocusOut(cadrePhoneField, CadreRules.FIELD_PHONE);
        validateOnFocusOut(cadreNoteArea, CadreRules.FIELD_NOTE);
        cadreSaveButton.disableProperty().bind(vm.busyProperty());
        cadreDeleteButton.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.editingProperty().get() == null || vm.editingProperty().get().id() == null,
                vm.editingProperty())));
        FormKeys.enterMovesFocus(cadreNameField, cadreIdField, cadreSexBox, cadreBirthPicker, cadreUnitBox,
                cadreRankBox, cadrePhoneField, cadrePartyBox, cadreNoteArea);
    }

    private void validateOnFocusOut(TextInputControl field, String key) {
        field.focusedProperty().addListener((obs, had, has) -> {
            if (had && !has) {
                vm.validate(key);
            }
        });
    }

    private void bindHistory() {
        historyTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.editingProperty().get().id() == null
                ? Messages.get("posting.title") : Messages.get("posting.title.count", vm.history().size()),
                vm.editingProperty(), vm.history()));
        historyEmpty.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                vm.editingProperty().get().id() == null ? "posting.empty.unsaved" : "posting.empty"),
                vm.editingProperty()));
        historyTable.setItems(vm.history());
        historyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(historyVillageColumn, Assignment::villageName);
        column(historyRoleColumn, a -> vm.roleLabel(a.role()));
        column(historyFromColumn, a -> a.startDate().toString());
        column(historyToColumn, a -> a.endDate() == null ? Messages.get("assignment.open") : a.endDate().toString());
        column(historySentByColumn, a -> nz(a.sentByUnitName()));
        column(historyReasonColumn, a -> nz(a.endReason()));
        TableCopy.install(historyTable);
        historyTable.getSelectionModel().selectedItemProperty().addListener((obs, old, a) -> {
            if (a != vm.selectedPostingProperty().get()) {
                vm.selectedPostingProperty().set(a);
            }
        });
        vm.selectedPostingProperty().addListener((obs, old, a) -> {
            if (a == null) {
                historyTable.getSelectionModel().clearSelection();
            } else if (historyTable.getSelectionModel().getSelectedItem() != a) {
                int i = historyTable.getItems().indexOf(a);
                if (i >= 0) {
                    historyTable.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        addPostingButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.editingProperty().get().id() == null || vm.busyProperty().get(),
                vm.editingProperty(), vm.busyProperty()));
        endPostingButton.disableProperty().bind(vm.selectedIsOpenBinding().not().or(vm.busyProperty()));
        replacePostingButton.disableProperty().bind(vm.selectedIsOpenBinding().not().or(vm.busyProperty()));
        deletePostingButton.disableProperty().bind(vm.selectedPostingProperty().isNull().or(vm.busyProperty()));
    }

    private void bindActions() {
        showWhen(actionPane, Bindings.createBooleanBinding(() -> vm.actionProperty().get() != PostingAction.NONE,
                vm.actionProperty()));
        showWhen(addPane, vm.actionProperty().isEqualTo(PostingAction.ADD));
        showWhen(endPane, vm.actionProperty().isEqualTo(PostingAction.END));
        showWhen(replacePane, vm.actionProperty().isEqualTo(PostingAction.REPLACE));
        showWhen(replaceHint, vm.actionProperty().isEqualTo(PostingAction.REPLACE));
        replaceHint.setText(Messages.get("posting.replace.hint"));
        actionTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            Cadre k = vm.editingProperty().get();
            Assignment a = vm.selectedPostingProperty().get();
            return switch (vm.actionProperty().get()) {
                case ADD -> Messages.get("posting.action.add.title", k.name());
                case END -> a == null ? "" : Messages.get("posting.action.end.title", a.villageName(),
                        vm.roleLabel(a.role()), a.cadreName());
                case REPLACE -> a == null ? "" : Messages.get("posting.action.replace.title", a.villageName(),
                        vm.roleLabel(a.role()), a.cadreName());
                case NONE -> "";
            };
        }, vm.actionProperty(), vm.selectedPostingProperty(), vm.editingProperty()));

        String choose = Messages.get("choice.choose");
        String none = Messages.get("choice.none");
        Choice.bind(addVillageBox, choose, vm.villages(), Village::name, vm.actionVillageProperty(), Village::id);
        Choice.bind(addRoleBox, choose, vm.roles(), Role::label, vm.actionRoleProperty(), Role::code);
        addFromPicker.valueProperty().bindBidirectional(vm.actionDateProperty());
        Choice.bind(addUnitBox, none, vm.units(), Unit::name, vm.actionUnitProperty(), Unit::id);
        endOnPicker.valueProperty().bindBidirectional(vm.actionDateProperty());
        endReasonField.textProperty().bindBidirectional(vm.actionReasonProperty());
        Choice.bind(replaceCadreBox, choose, vm.allCadres(), k -> k.unitName() == null ? k.name()
                : Messages.get("posting.cadreChoice", k.name(), k.unitName()), vm.actionCadreProperty(), Cadre::id);
        replaceFromPicker.valueProperty().bindBidirectional(vm.actionDateProperty());
        replaceReasonField.textProperty().bindBidirectional(vm.actionReasonProperty());
        Choice.bind(replaceUnitBox, none, vm.units(), Unit::name, vm.actionUnitProperty(), Unit::id);
        UnitsController.errorLabel(actionError, vm.actionErrorProperty(), null);
        applyActionButton.disableProperty().bind(vm.busyProperty());
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    private void bindKeys() {
        cadreTable.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::onSave);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::onNew);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        searchField::requestFocus);
            }
        });
    }

    /** Asks before unsaved changes in the form are dropped; saving them is the first choice. */
    private boolean confirmLeavingForm() {
        if (!vm.isDirty()) {
            return true;
        }
        ButtonType save = new ButtonType(Messages.get("village.action.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("dialog.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("cadre.confirm.unsaved"), save, discard,
                cancel);
        alert.setHeaderText(null);
        alert.setTitle(Messages.get("app.title"));
        alert.initOwner(cadreTable.getScene().getWindow());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) {
            Platform.runLater(() -> selectInTable(vm.editingProperty().get()));
            return false;
        }
        if (answer.get() == save) {
            boolean valid = vm.save();
            if (!valid) {
                Platform.runLater(() -> selectInTable(vm.editingProperty().get()));
            }
            return valid;
        }
        return true;
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @FXML
    private void onImportCadres() {
        ExchangeDialogs.showImport(cadreTable.getScene().getWindow(), vm.cadreImporter(), files);
    }

    @FXML
    private void onExportCadres() {
        ExchangeDialogs.showExport(cadreTable.getScene().getWindow(), vm.cadreExporter(), files);
    }

    @FXML
    private void onImportAssignments() {
        ExchangeDialogs.showImport(cadreTable.getScene().getWindow(), vm.assignmentImporter(), files);
    }

    @FXML
    private void onExportAssignments() {
        ExchangeDialogs.showExport(cadreTable.getScene().getWindow(), vm.assignmentExporter(), files);
    }

    @FXML
    private void onNew() {
        if (confirmLeavingForm()) {
            vm.newCadre();
            cadreNameField.requestFocus();
        }
    }

    @FXML
    private void onSave() {
        vm.save();
    }

    @FXML
    private void onRevert() {
        vm.edit(vm.editingProperty().get());
    }

    @FXML
    private void onAddPosting() {
        vm.startAdd();
        addVillageBox.requestFocus();
    }

    @FXML
    private void onDelete() {
        vm.moveToBin();
    }

    @FXML
    private void onDeletePosting() {
        vm.removePosting();
    }

    @FXML
    private void onEndPosting() {
        vm.startEnd();
        endReasonField.requestFocus();
    }

    @FXML
    private void onReplacePosting() {
        vm.startReplace();
        replaceCadreBox.requestFocus();
    }

    @FXML
    private void onCancelAction() {
        vm.cancelAction();
    }

    @FXML
    private void onApplyAction() {
        vm.applyAction();
    }

    /** Adds a section from another register under the form (the cadre's or unit's pairings, from app). */
    public void addSection(javafx.scene.Node section) {
        extraSections.getChildren().add(section);
    }
}
