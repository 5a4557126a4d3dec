package org.townshipledger.household;

import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.Dates;
import org.townshipledger.ui.FormKeys;
import org.townshipledger.ui.Fxml;
import org.townshipledger.ui.StaleConflictDialog;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;

/** Binds HouseholdDetailView.fxml to {@link HouseholdDetailViewModel}; the member and move dialogs too. */
public final class HouseholdDetailController {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final HouseholdDetailViewModel vm;
    private Stage stage;
    private boolean closeAfterSave;

    @FXML private TabPane tabs;
    @FXML private Label titleLabel;
    @FXML private ComboBox<Choice<Village>> villageBox;
    @FXML private ComboBox<Choice<VillageGroup>> groupBox;
    @FXML private TextField householdNoField;
    @FXML private TextField phoneField;
    @FXML private ComboBox<Choice<HouseholdCategory>> categoryBox;
    @FXML private ComboBox<Choice<PovertyCause>> causeBox;
    @FXML private ComboBox<Choice<PovertyStatus>> statusBox;
    @FXML private TextField exitYearField;
    @FXML private ComboBox<Choice<MonitoringType>> monitoringBox;
    @FXML private ComboBox<Choice<RiskType>> riskBox;
    @FXML private CheckBox riskEliminatedBox;
    @FXML private DatePicker riskDatePicker;
    @FXML private TextArea noteArea;
    @FXML private Button addMemberButton;
    @FXML private Button editMemberButton;
    @FXML private Button moveMemberButton;
    @FXML private Button removeMemberButton;
    @FXML private TableView<Member> membersTable;
    @FXML private TableColumn<Member, String> memberNameColumn;
    @FXML private TableColumn<Member, String> memberIdColumn;
    @FXML private TableColumn<Member, String> memberRelationColumn;
    @FXML private TableColumn<Member, String> memberSexColumn;
    @FXML private TableColumn<Member, String> memberBirthColumn;
    @FXML private TableColumn<Member, String> memberEthnicityColumn;
    @FXML private TableColumn<Member, String> memberEducationColumn;
    @FXML private TableColumn<Member, String> memberInSchoolColumn;
    @FXML private TableColumn<Member, String> memberHealthColumn;
    @FXML private TableColumn<Member, String> memberLabourColumn;
    @FXML private TableColumn<Member, String> memberWorkColumn;
    @FXML private Label checkHint;
    @FXML private ComboBox<Integer> checkYearBox;
    @FXML private CheckBox foodBox;
    @FXML private CheckBox educationBox;
    @FXML private CheckBox medicalBox;
    @FXML private CheckBox housingBox;
    @FXML private CheckBox waterBox;
    @FXML private DatePicker verifiedOnPicker;
    @FXML private TextField checkNoteField;
    @FXML private Button saveCheckButton;
    @FXML private TableView<HouseholdCheck> checksTable;
    @FXML private TableColumn<HouseholdCheck, String> checkYearColumn;
    @FXML private TableColumn<HouseholdCheck, String> checkFoodColumn;
    @FXML private TableColumn<HouseholdCheck, String> checkEducationColumn;
    @FXML private TableColumn<HouseholdCheck, String> checkMedicalColumn;
    @FXML private TableColumn<HouseholdCheck, String> checkHousingColumn;
    @FXML private TableColumn<HouseholdCheck, String> checkWaterColumn;
    @FXML private TableColumn<HouseholdCheck, String> checkVerifiedColumn;
    @FXML private TableColumn<HouseholdCheck, String> checkNoteColumn;
    @FXML private Label incomeHint;
    @FXML private ComboBox<Integer> incomeYearBox;
    @FXML private TextField incomeField;
    @FXML private Button saveIncomeButton;
    @FXML private Label incomeError;
    @FXML private TableView<Income> incomesTable;
    @FXML private TableColumn<Income, String> incomeYearColumn;
    @FXML private TableColumn<Income, String> incomeAmountColumn;
    @FXML private ListView<HouseholdIssue> issuesList;
    @FXML private Label formError;
    @FXML private Label errorCount;
    @FXML private Button deleteButton;
    @FXML private Button saveButton;

    public HouseholdDetailController(HouseholdDetailViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(vm.titleBinding());
        bindForm();
        bindMembers();
        bindCheck();
        bindIncome();
        bindIssues();
    }

    // ---- the household ----

    private void bindForm() {
        String none = Messages.get("household.choice.none");
        Choice.bind(villageBox, Messages.get("household.choice.choose"), vm.villages(), Village::name,
                vm.villageProperty(), Village::id);
        Choice.bind(groupBox, none, vm.groups(), VillageGroup::name, vm.groupProperty(), VillageGroup::id);
        Choice.bind(categoryBox, none, HouseholdCategory.values(), HouseholdCategory::label, vm.categoryProperty());
        Choice.bind(causeBox, none, PovertyCause.values(), PovertyCause::label, vm.mainCauseProperty());
        Choice.bind(statusBox, none, PovertyStatus.values(), PovertyStatus::label, vm.povertyStatusProperty());
        Choice.bind(monitoringBox, Messages.get("household.choice.notMonitored"), MonitoringType.values(),
                MonitoringType::label, vm.monitoringTypeProperty());
        Choice.bind(riskBox, none, RiskType.values(), RiskType::label, vm.riskTypeProperty());
        householdNoField.textProperty().bindBidirectional(vm.householdNoProperty());
        phoneField.textProperty().bindBidirectional(vm.phoneProperty());
        exitYearField.textProperty().bindBidirectional(vm.exitYearProperty());
        riskEliminatedBox.selectedProperty().bindBidirectional(vm.riskEliminatedProperty());
        riskDatePicker.valueProperty().bindBidirectional(vm.riskEliminatedOnProperty());
        riskDatePicker.disableProperty().bind(vm.riskEliminatedProperty().not());
        noteArea.textProperty().bindBidirectional(vm.noteProperty());
        groupBox.disableProperty().bind(vm.villageProperty().isNull());
        exitYearField.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.povertyStatusProperty().get() != PovertyStatus.OUT && vm.exitYearProperty().get().isBlank(),
                vm.povertyStatusProperty(), vm.exitYearProperty()));

        // Fields the household's checks name are marked while they are wrong.
        vm.issues().addListener((ListChangeListener<HouseholdIssue>) c -> {
            villageBox.pseudoClassStateChanged(DANGER, vm.fieldHasError(HouseholdRules.FIELD_VILLAGE));
            exitYearField.pseudoClassStateChanged(DANGER, vm.fieldHasError(HouseholdRules.FIELD_EXIT_YEAR));
            phoneField.pseudoClassStateChanged(DANGER, vm.fieldHasError(HouseholdRules.FIELD_PHONE));
            membersTable.refresh();
        });
        FormKeys.enterMovesFocus(villageBox, groupBox, householdNoField, phoneField, categoryBox, causeBox, statusBox,
                exitYearField, monitoringBox, riskBox, riskEliminatedBox, riskDatePicker, noteArea);
        noteArea.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Enter stays a line break in the note; Tab leaves it, as in the other fields.
            if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isShortcutDown()) {
                addMemberButton.requestFocus();
                e.consume();
            }
        });
        saveButton.disableProperty().bind(vm.busyProperty().or(vm.hasErrorsBinding()).or(vm.loadedProperty().not()));
        deleteButton.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not())
                .or(Bindings.createBooleanBinding(() -> vm.editingProperty().get().isNew(), vm.editingProperty())));
        Dates.iso(riskDatePicker, verifiedOnPicker);
        errorLabel(formError, vm.formErrorProperty());
    }

    private static void errorLabel(Label label, ObservableValue<String> error) {
        label.textProperty().bind(error);
        ObservableValue<Boolean> shown = Bindings.createBooleanBinding(() -> !error.getValue().isEmpty(), error);
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
    }

    // ---- members ----

    private void bindMembers() {
        membersTable.setItems(vm.members());
        membersTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        membersTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        memberColumn(memberNameColumn, Member::name);
        memberColumn(memberIdColumn, m -> Masking.idNumber(m.idNumber()));
        memberColumn(memberRelationColumn, m -> m.relation() == null ? "" : m.relation().label());
        memberColumn(memberSexColumn, m -> m.sex() == null ? "" : m.sex().label());
        memberColumn(memberBirthColumn, m -> m.birthDate() == null ? "" : DATE.format(m.birthDate()));
        memberColumn(memberEthnicityColumn, Member::ethnicity);
        memberColumn(memberEducationColumn, m -> m.education() == null ? "" : m.education().label());
        memberColumn(memberInSchoolColumn, m -> m.inSchool() == null ? "" : m.inSchool().label());
        memberColumn(memberHealthColumn, m -> m.health() == null ? "" : m.health().label());
        memberColumn(memberLabourColumn, m -> m.labourSkill() == null ? "" : m.labourSkill().label());
        memberColumn(memberWorkColumn, m -> m.workStatus() == null ? "" : m.workStatus().label());
        TableCopy.install(membersTable);
        membersTable.setRowFactory(t -> {
            TableRow<Member> row = new TableRow<>() {
                @Override
                protected void updateItem(Member m, boolean empty) {
                    super.updateItem(m, empty);
                    pseudoClassStateChanged(DANGER, !empty && vm.memberHasError(getIndex()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    editMember(row.getIndex());
                }
            });
            return row;
        });
        membersTable.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            int i = membersTable.getSelectionModel().getSelectedIndex();
            if (e.getCode() == KeyCode.ENTER && i >= 0) {
                editMember(i);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && i >= 0) {
                vm.removeMember(i);
                e.consume();
            }
        });
        editMemberButton.disableProperty().bind(membersTable.getSelectionModel().selectedItemProperty().isNull());
        removeMemberButton.disableProperty().bind(membersTable.getSelectionModel().selectedItemProperty().isNull());
        moveMemberButton.disableProperty().bind(membersTable.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        addMemberButton.disableProperty().bind(vm.loadedProperty().not());
    }

    private static <T> void memberColumn(TableColumn<T, String> c, Function<T, String> text) {
        c.setCellValueFactory(cell -> {
            String s = text.apply(cell.getValue());
            return new ReadOnlyStringWrapper(s == null ? "" : s);
        });
    }

    @FXML
    private void onAddMember() {
        editMember(-1);
    }

    @FXML
    private void onEditMember() {
        int i = membersTable.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            editMember(i);
        }
    }

    /** The member form in a dialog; OK puts the member into the household (saved with it). */
    private void editMember(int index) {
        MemberFormViewModel form = vm.memberForm(index);
        MemberFormController controller = new MemberFormController(form);
        Parent content = Fxml.load(MemberFormController.class, "MemberFormView.fxml", controller);
        Dialog<ButtonType> dialog = dialog(form.isNew() ? Messages.get("member.form.new")
                : Messages.get("member.form.edit", vm.members().get(index).name()), content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(form.completeBinding().not());
        dialog.setOnShown(e -> Platform.runLater(controller::focusFirst));
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            vm.applyMember(index, form.toMember());
            int row = index >= 0 ? index : vm.members().size() - 1;
            membersTable.getSelectionModel().clearAndSelect(row);
            membersTable.requestFocus();
        });
    }

    @FXML
    private void onRemoveMember() {
        int i = membersTable.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            vm.removeMember(i);
        }
    }

    /** Chooses the household to move the selected member to, by searching as in the list. */
    @FXML
    private void onMoveMember() {
        int index = membersTable.getSelectionModel().getSelectedIndex();
        if (index < 0) {
            return;
        }
        Member m = vm.members().get(index);
        TextField search = new TextField();
        search.setPromptText(Messages.get("household.move.prompt"));
        ListView<HouseholdRow> candidates = new ListView<>(vm.moveCandidates());
        candidates.setPrefSize(520, 280);
        candidates.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HouseholdRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : Messages.get("household.move.candidate", r.headName(),
                        (nz(r.villageName()) + " " + nz(r.groupName())).strip(), Masking.idNumber(r.headIdNumber()),
                        r.memberCount()));
            }
        });
        VBox content = new VBox(8, search, candidates);
        Dialog<ButtonType> dialog = dialog(Messages.get("household.move.title", m.name()), content);
        ButtonType move = new ButtonType(Messages.get("household.move.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(move, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(move).disableProperty()
                .bind(candidates.getSelectionModel().selectedItemProperty().isNull());
        PauseTransition typing = new PauseTransition(HouseholdsController.SEARCH_DELAY);
        typing.setOnFinished(e -> vm.findMoveTargets(search.getText()));
        search.textProperty().addListener((obs, old, text) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            vm.findMoveTargets(search.getText());
            candidates.requestFocus();
            candidates.getSelectionModel().selectFirst();
        });
        vm.moveCandidates().clear();
        dialog.setOnShown(e -> Platform.runLater(search::requestFocus));
        Optional<ButtonType> answer = dialog.showAndWait();
        typing.stop();
        HouseholdRow target = candidates.getSelectionModel().getSelectedItem();
        if (answer.isPresent() && answer.get() == move && target != null) {
            vm.moveMember(index, target);
        }
    }

    // ---- the yearly check and income ----

    private void bindCheck() {
        StringConverter<Integer> years = yearConverter();
        checkYearBox.setItems(vm.years());
        checkYearBox.setConverter(years);
        checkYearBox.valueProperty().bindBidirectional(vm.checkYearProperty());
        foodBox.selectedProperty().bindBidirectional(vm.foodAndClothingProperty());
        educationBox.selectedProperty().bindBidirectional(vm.compulsoryEducationProperty());
        medicalBox.selectedProperty().bindBidirectional(vm.basicMedicalProperty());
        housingBox.selectedProperty().bindBidirectional(vm.housingSafetyProperty());
        waterBox.selectedProperty().bindBidirectional(vm.drinkingWaterProperty());
        verifiedOnPicker.valueProperty().bindBidirectional(vm.verifiedOnProperty());
        checkNoteField.textProperty().bindBidirectional(vm.checkNoteProperty());
        ObservableValue<Boolean> unsaved = Bindings.createBooleanBinding(() -> vm.editingProperty().get().isNew(),
                vm.editingProperty());
        checkHint.visibleProperty().bind(unsaved);
        checkHint.managedProperty().bind(unsaved);
        for (Node n : new Node[] {checkYearBox, foodBox, educationBox, medicalBox, housingBox, waterBox,
            verifiedOnPicker, checkNoteField}) {
            n.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.editingProperty().get().isNew(),
                    vm.editingProperty()));
        }
        saveCheckButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.editingProperty().get().isNew() || vm.busyProperty().get(), vm.editingProperty(),
                vm.busyProperty()));
        checksTable.setItems(vm.checks());
        checksTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        memberColumn(checkYearColumn, c -> Integer.toString(c.year()));
        memberColumn(checkFoodColumn, c -> yesNo(c.foodAndClothing()));
        memberColumn(checkEducationColumn, c -> yesNo(c.compulsoryEducation()));
        memberColumn(checkMedicalColumn, c -> yesNo(c.basicMedical()));
        memberColumn(checkHousingColumn, c -> yesNo(c.housingSafety()));
        memberColumn(checkWaterColumn, c -> yesNo(c.drinkingWater()));
        memberColumn(checkVerifiedColumn, c -> c.verifiedOn() == null ? "" : DATE.format(c.verifiedOn()));
        memberColumn(checkNoteColumn, HouseholdCheck::note);
        TableCopy.install(checksTable);
        checksTable.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> {
            if (c != null) {
                vm.checkYearProperty().set(c.year());
            }
        });
    }

    private void bindIncome() {
        incomeYearBox.setItems(vm.years());
        incomeYearBox.setConverter(yearConverter());
        incomeYearBox.valueProperty().bindBidirectional(vm.incomeYearProperty());
        incomeField.textProperty().bindBidirectional(vm.incomeAmountProperty());
        incomeField.setOnAction(e -> onSaveIncome());
        errorLabel(incomeError, vm.incomeErrorProperty());
        ObservableValue<Boolean> unsaved = Bindings.createBooleanBinding(() -> vm.editingProperty().get().isNew(),
                vm.editingProperty());
        incomeHint.visibleProperty().bind(unsaved);
        incomeHint.managedProperty().bind(unsaved);
        incomeYearBox.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.editingProperty().get().isNew(),
                vm.editingProperty()));
        incomeField.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.editingProperty().get().isNew(),
                vm.editingProperty()));
        saveIncomeButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.editingProperty().get().isNew() || vm.busyProperty().get(), vm.editingProperty(),
                vm.busyProperty()));
        incomesTable.setItems(vm.incomes());
        incomesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        memberColumn(incomeYearColumn, i -> Integer.toString(i.year()));
        memberColumn(incomeAmountColumn, i -> Messages.get("household.income.yuan", i.perCapita()));
        TableCopy.install(incomesTable);
        incomesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, i) -> {
            if (i != null) {
                vm.incomeYearProperty().set(i.year());
            }
        });
    }

    private static StringConverter<Integer> yearConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(Integer year) {
                return year == null ? "" : Messages.get("household.year", year);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        };
    }

    private static String yesNo(boolean b) {
        return Messages.get(b ? "common.yes" : "common.no");
    }

    @FXML
    private void onSaveCheck() {
        vm.saveCheck();
    }

    @FXML
    private void onSaveIncome() {
        vm.saveIncome();
    }

    // ---- errors and warnings ----

    private void bindIssues() {
        issuesList.setItems(vm.issues());
        issuesList.setFocusTraversable(false);
        issuesList.setPlaceholder(new Label(Messages.get("household.issues.none")));
        issuesList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HouseholdIssue issue, boolean empty) {
                super.updateItem(issue, empty);
                getStyleClass().removeAll("issue-error", "issue-warning");
                if (empty || issue == null) {
                    setText(null);
                } else {
                    setText(HouseholdDetailViewModel.describe(issue));
                    getStyleClass().add(issue.warning() ? "issue-warning" : "issue-error");
                }
            }
        });
        errorCount.textProperty().bind(Bindings.createStringBinding(() -> {
            long errors = vm.issues().stream().filter(i -> !i.warning()).count();
            return errors == 0 ? "" : Messages.get("household.issues.errorsBlock", errors);
        }, vm.issues()));
    }

    /** Adds a tab from another register (the household's helpers, from app) after the household's own tabs. */
    void addTab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
    }

    // ---- the window ----

    /** Takes over the window it is shown in: Ctrl+S, closing with unsaved changes, closing after a delete. */
    void attach(Stage window) {
        this.stage = window;
        window.getScene().getAccelerators().put(SAVE, this::onSave);
        window.setOnCloseRequest(e -> {
            if (!confirmLeaving()) {
                e.consume();
            }
        });
        vm.goneProperty().addListener((obs, was, is) -> {
            if (is) {
                window.close();
            }
        });
        // A refused save (someone else saved meanwhile) shows both versions; the clerk reloads or keeps theirs.
        vm.conflictProperty().addListener((obs, was, conflict) -> {
            if (conflict != null) {
                javafx.application.Platform.runLater(() -> {
                    if (StaleConflictDialog.show(window, conflict)
                            .filter(StaleConflictDialog.Choice.RELOAD::equals).isPresent()) {
                        vm.reloadSaved();
                    } else {
                        vm.keepMine();
                    }
                });
            }
        });
        vm.editingProperty().addListener((obs, old, saved) -> {
            if (closeAfterSave) {
                window.close();
            }
        });
        vm.formErrorProperty().addListener((obs, old, msg) -> {
            if (!msg.isEmpty()) {
                closeAfterSave = false;
            }
        });
        vm.loadedProperty().addListener((obs, was, is) -> {
            if (is) {
                (vm.editingProperty().get().isNew() ? villageBox : membersTable).requestFocus();
            }
        });
    }

    /** Asks before unsaved changes are dropped; saving them is the first choice (the window closes once saved). */
    private boolean confirmLeaving() {
        if (!vm.isDirty()) {
            return true;
        }
        ButtonType save = new ButtonType(Messages.get("household.action.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("dialog.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("household.confirm.unsaved"), save, discard,
                cancel);
        alert.setHeaderText(null);
        alert.setTitle(Messages.get("app.title"));
        alert.initOwner(stage);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) {
            return false;
        }
        if (answer.get() == save) {
            closeAfterSave = vm.save();
            return false;
        }
        return true;
    }

    private <R> Dialog<R> dialog(String title, Node content) {
        Dialog<R> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        dialog.setResizable(true);
        return dialog;
    }

    @FXML
    private void onSave() {
        if (!saveButton.isDisabled()) {
            vm.save();
        }
    }

    @FXML
    private void onDelete() {
        vm.moveToBin();
    }

    @FXML
    private void onClose() {
        if (confirmLeaving()) {
            stage.close();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
