package org.townshipledger.visit;

import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.DatePickers;
import org.townshipledger.ui.FormKeys;
import org.townshipledger.ui.SuggestField;
import org.townshipledger.village.Village;

/**
 * Binds VisitEntryView.fxml to {@link VisitEntryViewModel}; no rules and no database. Keys: Enter moves on (also out
 * of the two text areas; Shift+Enter starts a new line there), Down/Enter pick from the suggestions, Space flips a
 * check item, Ctrl+S saves, Alt+1…Alt+9 take a recent household, Ctrl+D adds the problem typed.
 */
public final class VisitEntryController {

    static final Duration SEARCH_DELAY = Duration.millis(200);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final VisitEntryViewModel vm;
    private final PauseTransition typing = new PauseTransition(SEARCH_DELAY);

    @FXML private Label titleLabel;
    @FXML private TextField cadreField;
    @FXML private Label cadreError;
    @FXML private Label cadreInfo;
    @FXML private ComboBox<VisitTarget> targetBox;
    @FXML private TextField householdField;
    @FXML private ComboBox<Choice<Village>> villageBox;
    @FXML private ComboBox<Choice<Unit>> unitBox;
    @FXML private Label targetError;
    @FXML private DatePicker datePicker;
    @FXML private ComboBox<VisitKind> kindBox;
    @FXML private Label dateError;
    @FXML private Label kindError;
    @FXML private TextArea seenArea;
    @FXML private Label seenError;
    @FXML private TextArea doneArea;
    @FXML private Label doneError;
    @FXML private Label checkLabel;
    @FXML private Node checkPane;
    @FXML private CheckBox checkMadeBox;
    @FXML private CheckBox foodBox;
    @FXML private CheckBox educationBox;
    @FXML private CheckBox medicalBox;
    @FXML private CheckBox housingBox;
    @FXML private CheckBox waterBox;
    @FXML private TextField checkNoteField;
    @FXML private Label checkError;
    @FXML private Label problemsLabel;
    @FXML private Node problemsPane;
    @FXML private ComboBox<Choice<ProblemKind>> problemKindBox;
    @FXML private ComboBox<Choice<DisputeKind>> problemSubKindBox;
    @FXML private TextField problemTextField;
    @FXML private Button addProblemButton;
    @FXML private ListView<VisitEntryViewModel.ProblemLine> problemList;
    @FXML private Label problemsError;
    @FXML private ListView<HouseholdPick> recentList;
    @FXML private Node recentPane;
    @FXML private Label keysHint;
    @FXML private Label formError;
    @FXML private Button saveButton;
    @FXML private Button clearButton;

    public VisitEntryController(VisitEntryViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        bindCadre();
        bindTarget();
        bindFields();
        bindProblems();
        bindRecent();
        bindKeys();
        titleLabel.textProperty().bind(Bindings.createStringBinding(vm::title, vm.editingProperty()));
        saveButton.disableProperty().bind(vm.busyProperty());
        // After a save the next visit starts at its household, the cadre kept.
        vm.savesProperty().addListener((obs, was, is) -> {
            if (vm.editingProperty().get() == null) {
                focusTarget();
            }
        });
        errorLabel(formError, vm.formErrorProperty());
    }

    private void bindCadre() {
        cadreField.textProperty().bindBidirectional(vm.cadreQueryProperty());
        SuggestField.attach(cadreField, vm.cadreSuggestions(), VisitEntryViewModel::cadreLabel, k -> {
            vm.pickCadre(k);
            focusTarget();
        });
        cadreInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            Cadre k = vm.cadreProperty().get();
            return k == null ? Messages.get("visit.entry.cadre.none")
                    : Messages.get("visit.entry.cadre.kept", VisitEntryViewModel.cadreLabel(k));
        }, vm.cadreProperty()));
        errorLabel(cadreError, vm.errorProperty(VisitEntryViewModel.F_CADRE));
    }

    private void bindTarget() {
        targetBox.getItems().setAll(VisitTarget.values());
        targetBox.setConverter(converter(VisitTarget::label));
        targetBox.valueProperty().bindBidirectional(vm.targetProperty());
        householdField.textProperty().bindBidirectional(vm.householdQueryProperty());
        SuggestField<HouseholdPick> suggest = SuggestField.attach(householdField, vm.suggestions(),
                VisitEntryViewModel::suggestionLabel, h -> {
                    vm.pickHousehold(h);
                    datePicker.requestFocus();
                });
        typing.setOnFinished(e -> vm.searchHouseholds());
        householdField.textProperty().addListener((obs, old, text) -> {
            if (householdField.isFocused()) {
                typing.playFromStart();
            }
        });
        householdField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Enter with a search still waiting asks at once, so what was typed is not skipped.
            if (e.getCode() == KeyCode.ENTER && !suggest.isShowing() && vm.householdProperty().get() == null
                    && !householdField.getText().isBlank()) {
                typing.stop();
                vm.searchHouseholds();
                e.consume();
            }
        });
        Choice.bind(villageBox, Messages.get("choice.choose"), vm.villages(), Village::name, vm.villageProperty(),
                Village::id);
        Choice.bind(unitBox, Messages.get("choice.choose"), vm.units(), Unit::name, vm.unitProperty(), Unit::id);
        showWhen(householdField, vm.targetProperty().isEqualTo(VisitTarget.HOUSEHOLD));
        showWhen(villageBox, vm.targetProperty().isEqualTo(VisitTarget.VILLAGE));
        showWhen(unitBox, vm.targetProperty().isEqualTo(VisitTarget.UNIT));
        errorLabel(targetError, vm.errorProperty(VisitEntryViewModel.F_TARGET));
    }

    private void bindFields() {
        DatePickers.iso(datePicker);
        datePicker.valueProperty().bindBidirectional(vm.dateProperty());
        kindBox.setItems(vm.kinds());
        kindBox.setConverter(converter(VisitKind::label));
        kindBox.valueProperty().bindBidirectional(vm.kindProperty());
        seenArea.textProperty().bindBidirectional(vm.seenProperty());
        doneArea.textProperty().bindBidirectional(vm.doneProperty());
        errorLabel(dateError, vm.errorProperty(VisitEntryViewModel.F_DATE));
        errorLabel(kindError, vm.errorProperty(VisitEntryViewModel.F_KIND));
        errorLabel(seenError, vm.errorProperty(VisitEntryViewModel.F_SEEN));
        errorLabel(doneError, vm.errorProperty(VisitEntryViewModel.F_DONE));

        checkMadeBox.selectedProperty().bindBidirectional(vm.checkMadeProperty());
        foodBox.selectedProperty().bindBidirectional(vm.foodProperty());
        educationBox.selectedProperty().bindBidirectional(vm.educationProperty());
        medicalBox.selectedProperty().bindBidirectional(vm.medicalProperty());
        housingBox.selectedProperty().bindBidirectional(vm.housingProperty());
        waterBox.selectedProperty().bindBidirectional(vm.waterProperty());
        checkNoteField.textProperty().bindBidirectional(vm.checkNoteProperty());
        for (Node item : new Node[] {foodBox, educationBox, medicalBox, housingBox, waterBox, checkNoteField}) {
            item.disableProperty().bind(vm.checkMadeProperty().not());
        }
        showWhen(checkPane, vm.householdVisitBinding());
        showWhen(checkLabel, vm.householdVisitBinding());
        errorLabel(checkError, vm.errorProperty(VisitEntryViewModel.F_CHECK));
    }

    private void bindProblems() {
        Choice.bind(problemKindBox, Messages.get("visit.entry.problem.kind"), ProblemKind.values(),
                ProblemKind::label, vm.problemKindProperty());
        Choice.bind(problemSubKindBox, Messages.get("visit.entry.problem.subKind"), DisputeKind.values(),
                DisputeKind::label, vm.problemSubKindProperty());
        problemSubKindBox.disableProperty().bind(vm.problemKindProperty().isNotEqualTo(ProblemKind.DISPUTE));
        problemTextField.textProperty().bindBidirectional(vm.problemTextProperty());
        problemList.setItems(vm.problems());
        problemList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(VisitEntryViewModel.ProblemLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.label());
            }
        });
        problemList.setPlaceholder(new Label(Messages.get("visit.entry.problem.none")));
        problemList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            VisitEntryViewModel.ProblemLine line = problemList.getSelectionModel().getSelectedItem();
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && line != null) {
                vm.removeProblem(line);
                e.consume();
            }
        });
        // Problems are raised with a new visit; an edit leaves them to the 诉求矛盾 screen.
        ObservableValue<Boolean> isNew = vm.editingProperty().isNull();
        showWhen(problemsPane, isNew);
        showWhen(problemsLabel, isNew);
        // An edit saves one visit and closes: no recent households, no 清空, no "next visit" hint.
        showWhen(recentPane, isNew);
        showWhen(keysHint, isNew);
        showWhen(clearButton, isNew);
        errorLabel(problemsError, vm.errorProperty(VisitEntryViewModel.F_PROBLEMS));
    }

    private void bindRecent() {
        recentList.setItems(vm.recent());
        recentList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HouseholdPick h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : VisitEntryViewModel.recentLabel(getIndex() + 1, h));
            }
        });
        recentList.setPlaceholder(new Label(Messages.get("visit.entry.recent.none")));
        recentList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pickRecent(recentList.getSelectionModel().getSelectedIndex() + 1);
            }
        });
        recentList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pickRecent(recentList.getSelectionModel().getSelectedIndex() + 1);
                e.consume();
            }
        });
    }

    private void pickRecent(int n) {
        if (vm.pickRecent(n)) {
            datePicker.requestFocus();
        }
    }

    private void bindKeys() {
        FormKeys.enterMovesFocus(cadreField, targetBox, householdField, villageBox, unitBox, datePicker, kindBox,
                seenArea, doneArea, checkMadeBox, foodBox, educationBox, medicalBox, housingBox, waterBox,
                checkNoteField, problemKindBox, problemSubKindBox, problemTextField, saveButton);
        enterLeavesArea(seenArea, doneArea);
        enterLeavesArea(doneArea, checkMadeBox);
        problemTextField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.D && e.isShortcutDown()) {
                if (vm.addProblem()) {
                    problemKindBox.requestFocus();
                }
                e.consume();
            }
        });
        saveButton.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onSave();
                e.consume();
            }
        });
        // The screens share the window's scene: the shortcuts are ours only while this view is in it.
        Map<KeyCombination, Runnable> keys = new HashMap<>();
        keys.put(SAVE, this::onSave);
        for (int n = 1; n <= 9; n++) {
            int index = n;
            keys.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.ALT_DOWN),
                    () -> pickRecent(index));
        }
        cadreField.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                keys.forEach((k, action) -> old.getAccelerators().remove(k, action));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(keys);
            }
        });
    }

    /** Enter in a text area moves to {@code next} (the form is typed top to bottom); Shift+Enter adds a line. */
    private static void enterLeavesArea(TextArea area, Node next) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (e.isShiftDown()) {
                area.replaceSelection("\n");
            } else {
                next.requestFocus();
            }
            e.consume();
        });
    }

    /** To the field of the target: the household search, or the village or unit box. */
    public void focusTarget() {
        switch (vm.targetProperty().get()) {
            case HOUSEHOLD -> {
                householdField.requestFocus();
                householdField.selectAll();
            }
            case VILLAGE -> villageBox.requestFocus();
            case UNIT -> unitBox.requestFocus();
        }
    }

    /** Where typing starts: the cadre until one is picked, then the target. */
    public void focusFirst() {
        if (vm.cadreProperty().get() == null) {
            cadreField.requestFocus();
        } else {
            focusTarget();
        }
    }

    @FXML
    private void onSave() {
        if (saveButton.isDisabled()) {
            return;
        }
        // A date typed but not yet committed (the picker takes it on focus loss) is taken first.
        if (datePicker.isFocused() || datePicker.getEditor().isFocused()) {
            try {
                datePicker.setValue(datePicker.getConverter().fromString(datePicker.getEditor().getText()));
            } catch (RuntimeException unreadable) {
                // the service reports the date
            }
        }
        typing.stop();
        vm.save();
    }

    @FXML
    private void onClear() {
        vm.clearForNext();
        focusTarget();
    }

    @FXML
    private void onAddProblem() {
        if (vm.addProblem()) {
            problemKindBox.requestFocus();
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static void showWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    static void errorLabel(Label label, ObservableValue<String> error) {
        label.textProperty().bind(error);
        ObservableValue<Boolean> shown = Bindings.createBooleanBinding(() -> error.getValue() != null
                && !error.getValue().isEmpty(), error);
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
    }
}
