package org.townshipledger.village;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.cell.TextFieldListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.ExchangeDialogs;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.StaleConflictDialog;

/** Binds VillagesView.fxml to {@link VillagesViewModel}; no rules and no database here. */
public final class VillagesController {

    private final VillagesViewModel vm;
    private final FileDialogs files;

    @FXML private TextField filterField;
    @FXML private Label countLabel;
    @FXML private Button deleteButton;
    @FXML private TableView<Village> table;
    @FXML private TableColumn<Village, String> nameColumn;
    @FXML private TableColumn<Village, String> codeColumn;
    @FXML private TableColumn<Village, String> kindColumn;
    @FXML private TableColumn<Village, String> povertyColumn;
    @FXML private TableColumn<Village, String> weakColumn;
    @FXML private TableColumn<Village, String> householdsColumn;
    @FXML private TableColumn<Village, String> populationColumn;
    @FXML private TableColumn<Village, String> groupsColumn;
    @FXML private Label formTitle;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private TextField codeField;
    @FXML private Label codeError;
    @FXML private ComboBox<VillageKind> kindBox;
    @FXML private CheckBox povertyBox;
    @FXML private TextField exitYearField;
    @FXML private Label exitYearError;
    @FXML private CheckBox weakBox;
    @FXML private Label weakHistory;
    @FXML private TextField householdsField;
    @FXML private Label householdsError;
    @FXML private TextField populationField;
    @FXML private Label populationError;
    @FXML private ListView<VillageGroup> groupsList;
    @FXML private TextField newGroupField;
    @FXML private Button removeGroupButton;
    @FXML private Label groupsError;
    @FXML private TextArea noteArea;
    @FXML private Label noteError;
    @FXML private Label formError;
    @FXML private Button saveButton;
    @FXML private VBox extraSections;

    public VillagesController(VillagesViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
    }

    @FXML
    private void initialize() {
        bindTable();
        bindForm();
        bindKeys();
    }

    private void bindTable() {
        filterField.textProperty().bindBidirectional(vm.filterProperty());
        SortedList<Village> sorted = new SortedList<>(vm.shownVillages());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("village.count", vm.shownVillages().size(), vm.villageCount()),
                vm.shownVillages(), vm.allVillages()));
        column(nameColumn, Village::name);
        column(codeColumn, v -> v.statsCode() == null ? "" : v.statsCode());
        column(kindColumn, v -> v.kind().label());
        column(povertyColumn, v -> !v.povertyVillage() ? ""
                : v.exitYear() == null ? Messages.get("village.poverty.yes")
                : Messages.get("village.poverty.exited", v.exitYear()));
        column(weakColumn, v -> v.weakIn(vm.workingYearProperty().get()) ? Messages.get("common.yes") : "");
        column(householdsColumn, v -> v.householdCount() == null ? "" : v.householdCount().toString());
        column(populationColumn, v -> v.population() == null ? "" : v.population().toString());
        column(groupsColumn, v -> Integer.toString(v.groups().size()));
        for (TableColumn<Village, String> c : List.of(householdsColumn, populationColumn, groupsColumn)) {
            c.setComparator(Comparator.comparing(VillagesController::numberOrMinus, Integer::compare));
        }

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            if (selected != null && !selected.equals(vm.editingProperty().get())) {
                if (!confirmLeavingForm()) {
                    return;
                }
                vm.edit(selected);
            }
        });
        // Keep the table's selection on the village in the form after every reload.
        vm.editingProperty().addListener((obs, old, v) -> selectInTable(v));
        vm.shownVillages().addListener((javafx.collections.ListChangeListener<Village>) c -> selectInTable(vm.editingProperty().get()));
        deleteButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        table.setRowFactory(t -> {
            TableRow<Village> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    nameField.requestFocus();
                }
            });
            return row;
        });
    }

    private void selectInTable(Village v) {
        if (v == null || v.isNew()) {
            table.getSelectionModel().clearSelection();
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id().equals(v.id())) {
                if (table.getSelectionModel().getSelectedIndex() != i) {
                    table.getSelectionModel().clearAndSelect(i);
                }
                return;
            }
        }
    }

    private static int numberOrMinus(String s) {
        return s == null || s.isEmpty() ? -1 : Integer.parseInt(s);
    }

    private static void column(TableColumn<Village, String> column, Function<Village, String> text) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
    }

    private void bindForm() {
        formTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            Village v = vm.editingProperty().get();
            return v.isNew() ? Messages.get("village.form.new") : Messages.get("village.form.edit", v.name());
        }, vm.editingProperty()));
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        codeField.textProperty().bindBidirectional(vm.statsCodeProperty());
        kindBox.getItems().setAll(VillageKind.values());
        kindBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(VillageKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public VillageKind fromString(String s) {
                return VillageKind.parse(s).orElse(null);
            }
        });
        kindBox.valueProperty().bindBidirectional(vm.kindProperty());
        povertyBox.selectedProperty().bindBidirectional(vm.povertyVillageProperty());
        exitYearField.textProperty().bindBidirectional(vm.exitYearProperty());
        exitYearField.disableProperty().bind(povertyBox.selectedProperty().not());
        weakBox.selectedProperty().bindBidirectional(vm.weakThisYearProperty());
        weakBox.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("village.field.weak.check", vm.workingYearProperty().get()), vm.workingYearProperty()));
        weakHistory.textProperty().bind(Bindings.createStringBinding(() -> {
            String years = vm.earlierWeakYears();
            return years.isEmpty() ? "" : Messages.get("village.field.weak.history", years);
        }, vm.editingProperty(), vm.workingYearProperty()));
        householdsField.textProperty().bindBidirectional(vm.householdCountProperty());
        populationField.textProperty().bindBidirectional(vm.populationProperty());
        noteArea.textProperty().bindBidirectional(vm.noteProperty());

        groupsList.setItems(vm.groups());
        groupsList.setCellFactory(list -> new TextFieldListCell<>(new StringConverter<>() {
            @Override
            public String toString(VillageGroup g) {
                return g == null ? "" : g.name();
            }

            @Override
            public VillageGroup fromString(String s) {
                VillageGroup current = groupsList.getSelectionModel().getSelectedItem();
                return new VillageGroup(current == null ? null : current.id(), s.strip());
            }
        }));
        groupsList.setOnEditCommit(e -> {
            vm.groups().set(e.getIndex(), e.getNewValue());
            vm.validate(VillageRules.FIELD_GROUPS);
        });
        removeGroupButton.disableProperty().bind(groupsList.getSelectionModel().selectedItemProperty().isNull());
        newGroupField.setOnAction(e -> onAddGroup());

        errorLabel(nameError, vm.errorProperty(VillageRules.FIELD_NAME));
        errorLabel(codeError, vm.errorProperty(VillageRules.FIELD_CODE));
        errorLabel(exitYearError, vm.errorProperty(VillageRules.FIELD_EXIT_YEAR));
        errorLabel(householdsError, vm.errorProperty(VillageRules.FIELD_HOUSEHOLDS));
        errorLabel(populationError, vm.errorProperty(VillageRules.FIELD_POPULATION));
        errorLabel(groupsError, vm.errorProperty(VillageRules.FIELD_GROUPS));
        errorLabel(noteError, vm.errorProperty(VillageRules.FIELD_NOTE));
        errorLabel(formError, vm.formErrorProperty());

        validateOnFocusOut(nameField, VillageRules.FIELD_NAME);
        validateOnFocusOut(codeField, VillageRules.FIELD_CODE);
        validateOnFocusOut(exitYearField, VillageRules.FIELD_EXIT_YEAR);
        validateOnFocusOut(householdsField, VillageRules.FIELD_HOUSEHOLDS);
        validateOnFocusOut(populationField, VillageRules.FIELD_POPULATION);
        validateOnFocusOut(noteArea, VillageRules.FIELD_NOTE);
        povertyBox.selectedProperty().addListener((o, was, is) -> vm.validate(VillageRules.FIELD_EXIT_YEAR));

        saveButton.disableProperty().bind(vm.busyProperty());
        // A refused save (someone else saved meanwhile) shows both versions; the clerk reloads or keeps theirs.
        vm.conflictProperty().addListener((o, was, conflict) -> {
            if (conflict != null) {
                javafx.application.Platform.runLater(() -> {
                    if (StaleConflictDialog.show(saveButton.getScene().getWindow(), conflict)
                            .filter(StaleConflictDialog.Choice.RELOAD::equals).isPresent()) {
                        vm.reloadSaved();
                    } else {
                        vm.keepMine();
                    }
                });
            }
        });
    }

    private static void errorLabel(Label label, StringProperty error) {
        label.textProperty().bind(error);
        ObservableValue<Boolean> shown = error.isNotEmpty();
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
    }

    private void validateOnFocusOut(TextInputControl field, String key) {
        field.focusedProperty().addListener((obs, had, has) -> {
            if (had && !has) {
                vm.validate(key);
            }
        });
        field.getStyleClass().add("validated");
        vm.errorProperty(key).addListener((obs, old, msg) -> field.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("danger"), !msg.isEmpty()));
    }

    private void bindKeys() {
        // Enter moves to the next field, as on a paper form; Ctrl+S saves, Ctrl+N starts a new village.
        TextField[] order = {nameField, codeField, exitYearField, householdsField, populationField, newGroupField};
        for (int i = 0; i < order.length - 1; i++) {
            TextField next = order[i + 1];
            TextField afterNext = i + 2 < order.length ? order[i + 2] : next;
            order[i].setOnAction(e -> (next.isDisabled() ? afterNext : next).requestFocus());
        }
        // The screens share the window's scene: the shortcuts are ours only while this view is in it (else Ctrl+S
        // on another screen would save this hidden form).
        java.util.Map<KeyCombination, Runnable> keys = java.util.Map.of(
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::onSave,
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::onNew,
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), filterField::requestFocus);
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                keys.forEach((k, action) -> old.getAccelerators().remove(k, action));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(keys);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getSelectionModel().getSelectedItem() != null) {
                onDelete();
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
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("village.confirm.unsaved"), save, discard, cancel);
        alert.setHeaderText(null);
        alert.setTitle(Messages.get("app.title"));
        alert.initOwner(table.getScene().getWindow());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) {
            javafx.application.Platform.runLater(() -> selectInTable(vm.editingProperty().get()));
            return false;
        }
        if (answer.get() == save) {
            boolean valid = vm.save();
            if (!valid) {
                javafx.application.Platform.runLater(() -> selectInTable(vm.editingProperty().get()));
            }
            return valid;
        }
        return true;
    }

    @FXML
    private void onImport() {
        ExchangeDialogs.showImport(table.getScene().getWindow(), vm.importer(), files);
    }

    @FXML
    private void onExport() {
        ExchangeDialogs.showExport(table.getScene().getWindow(), vm.exporter(), files);
    }

    @FXML
    private void onNew() {
        if (confirmLeavingForm()) {
            vm.newVillage();
            nameField.requestFocus();
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
    private void onDelete() {
        Village selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            vm.moveToBin(selected);
        }
    }

    @FXML
    private void onAddGroup() {
        String text = newGroupField.getText() == null ? "" : newGroupField.getText().strip();
        if (!text.isEmpty()) {
            vm.groups().add(VillageGroup.named(text));
            newGroupField.clear();
            vm.validate(VillageRules.FIELD_GROUPS);
        }
    }

    @FXML
    private void onRemoveGroup() {
        int i = groupsList.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            vm.groups().remove(i);
            vm.validate(VillageRules.FIELD_GROUPS);
        }
    }

    /**
     * Adds a section under the form, shown for the village in it (the main window adds the village's current
     * team from the cadre register this way, so villages need not know cadres).
     */
    public void addSection(javafx.scene.Node section) {
        extraSections.getChildren().add(section);
    }

    /** For tests and the main window: focus the filter box. */
    public void focusFilter() {
        filterField.requestFocus();
    }
}
