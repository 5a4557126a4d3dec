package org.townshipledger.pairing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.pairing.PairingsViewModel.Helper;
import org.townshipledger.pairing.PairingsViewModel.PairingAction;
import org.townshipledger.pairing.PairingsViewModel.ProposalRow;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.DatePickers;
import org.townshipledger.ui.FormKeys;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.village.Village;

/**
 * Binds PairingsView.fxml to {@link PairingsViewModel}; no rules and no database here. Enter moves from the
 * households to the helper search, the helper list, the date, the kind and 结对; Ctrl+F searches the households;
 * Ctrl+C copies the selected rows of any table.
 */
public final class PairingsController {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private static final PseudoClass MUTED = PseudoClass.getPseudoClass("muted");
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private static final double LISTS_DIVIDER = 0.56;
    private static final double PREVIEW_DIVIDER = 0.28;

    private final PairingsViewModel vm;

    @FXML private ComboBox<Choice<Village>> villageBox;
    @FXML private Label loadError;
    @FXML private Button suggestButton;
    @FXML private Button rulesButton;

    @FXML private Label uncoveredCount;
    @FXML private TextField householdSearchField;
    @FXML private TableView<UncoveredHousehold> uncoveredTable;
    @FXML private TableColumn<UncoveredHousehold, String> uncoveredVillageColumn;
    @FXML private TableColumn<UncoveredHousehold, String> uncoveredHeadColumn;
    @FXML private TableColumn<UncoveredHousehold, String> uncoveredIdColumn;
    @FXML private TableColumn<UncoveredHousehold, String> uncoveredMembersColumn;
    @FXML private Label uncoveredEmpty;

    @FXML private Label selectedLabel;
    @FXML private TextField helperSearchField;
    @FXML private TableView<Helper> helperTable;
    @FXML private TableColumn<Helper, String> helperNameColumn;
    @FXML private TableColumn<Helper, String> helperUnitColumn;
    @FXML private TableColumn<Helper, String> helperLoadColumn;
    @FXML private TableColumn<Helper, String> helperPostedColumn;
    @FXML private Label helperEmpty;
    @FXML private DatePicker startPicker;
    @FXML private ComboBox<PairingKind> kindBox;
    @FXML private Button pairButton;
    @FXML private Label pairError;

    @FXML private javafx.scene.control.SplitPane mainSplit;
    @FXML private TabPane bottomTabs;
    @FXML private Tab currentTab;
    @FXML private Tab suggestTab;
    @FXML private Label currentTitle;
    @FXML private Button endButton;
    @FXML private Button deletePairingButton;
    @FXML private Button replaceButton;
    @FXML private TableView<Pairing> pairingTable;
    @FXML private TableColumn<Pairing, String> pairingVillageColumn;
    @FXML private TableColumn<Pairing, String> pairingTargetColumn;
    @FXML private TableColumn<Pairing, String> pairingHelperColumn;
    @FXML private TableColumn<Pairing, String> pairingUnitColumn;
    @FXML private TableColumn<Pairing, String> pairingPhoneColumn;
    @FXML private TableColumn<Pairing, String> pairingKindColumn;
    @FXML private TableColumn<Pairing, String> pairingFromColumn;
    @FXML private Node actionPane;
    @FXML private Label actionTitle;
    @FXML private Label newHelperLabel;
    @FXML private ComboBox<Choice<Helper>> newHelperBox;
    @FXML private Label actionDateLabel;
    @FXML private DatePicker actionDatePicker;
    @FXML private TextField actionReasonField;
    @FXML private Label replaceHint;
    @FXML private Label actionError;
    @FXML private Button applyActionButton;

    @FXML private Label proposalInfo;
    @FXML private TableView<ProposalRow> proposalTable;
    @FXML private TableColumn<ProposalRow, String> proposalHeadColumn;
    @FXML private TableColumn<ProposalRow, String> proposalVillageColumn;
    @FXML private TableColumn<ProposalRow, ProposalRow> proposalHelperColumn;
    @FXML private TableColumn<ProposalRow, String> proposalUnitColumn;
    @FXML private TableColumn<ProposalRow, String> proposalAfterColumn;
    @FXML private TableColumn<ProposalRow, String> proposalPostedColumn;
    @FXML private Label proposalError;
    @FXML private Button removeProposalButton;
    @FXML private Button cancelProposalsButton;
    @FXML private Button confirmButton;

    public PairingsController(PairingsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        Choice.bind(villageBox, Messages.get("pairing.filter.allVillages"), vm.villages(), Village::name,
                vm.villageProperty(), Village::id);
        errorLabel(loadError, vm.loadErrorProperty());
        suggestButton.disableProperty().bind(vm.busyProperty());
        bindUncovered();
        bindPairForm();
        bindCurrent();
        bindActions();
        bindProposals();
        bindKeys();
    }

    // ---- the uncovered households ----

    private void bindUncovered() {
        householdSearchField.textProperty().bindBidirectional(vm.householdSearchProperty());
        SortedList<UncoveredHousehold> sorted = new SortedList<>(vm.shownUncovered());
        sorted.comparatorProperty().bind(uncoveredTable.comparatorProperty());
        uncoveredTable.setItems(sorted);
        uncoveredTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        uncoveredTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(uncoveredVillageColumn, UncoveredHousehold::villageName);
        column(uncoveredHeadColumn, UncoveredHousehold::headName);
        column(uncoveredIdColumn, u -> Masking.idNumber(u.headIdNumber()));
        column(uncoveredMembersColumn, u -> Integer.toString(u.members()));
        TableCopy.install(uncoveredTable);
        uncoveredTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<UncoveredHousehold>) c ->
                vm.selectedHouseholds().setAll(List.copyOf(uncoveredTable.getSelectionModel().getSelectedItems())));
        uncoveredEmpty.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(vm.uncovered().isEmpty()
                ? "pairing.uncovered.empty" : "pairing.uncovered.noMatch"), vm.uncovered()));
        uncoveredCount.textProperty().bind(Bindings.createStringBinding(() ->
                vm.shownUncovered().size() == vm.uncovered().size()
                        ? Messages.get("pairing.uncovered.count", vm.uncovered().size())
                        : Messages.get("pairing.uncovered.countOf", vm.shownUncovered().size(), vm.uncovered().size()),
                vm.shownUncovered(), vm.uncovered()));
    }

    // ---- the helper picker and 结对 ----

    private void bindPairForm() {
        helperSearchField.textProperty().bindBidirectional(vm.helperSearchProperty());
        SortedList<Helper> sorted = new SortedList<>(vm.shownHelpers());
        sorted.comparatorProperty().bind(helperTable.comparatorProperty());
        helperTable.setItems(sorted);
        helperTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        helperEmpty.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(vm.helpers().isEmpty()
                ? "pairing.helper.empty" : "pairing.helper.noMatch"), vm.helpers()));
        column(helperNameColumn, Helper::name);
        column(helperUnitColumn, Helper::unitName);
        column(helperLoadColumn, Helper::loadText);
        column(helperPostedColumn, Helper::postedText);
        helperLoadColumn.setSortable(false);
        TableCopy.install(helperTable);
        helperTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Helper h, boolean empty) {
                super.updateItem(h, empty);
                pseudoClassStateChanged(DANGER, !empty && h != null && h.room() == 0);
            }
        });
        helperTable.getSelectionModel().selectedItemProperty().addListener((obs, old, h) -> {
            if (h != null && h != vm.helperProperty().get()) {
                vm.helperProperty().set(h);
            }
        });
        vm.helperProperty().addListener((obs, old, h) -> selectHelper(h));
        vm.helpers().addListener((ListChangeListener<Helper>) c -> selectHelper(vm.helperProperty().get()));

        DatePickers.iso(startPicker, actionDatePicker);
        startPicker.valueProperty().bindBidirectional(vm.startDateProperty());
        kindBox.getItems().setAll(PairingKind.values());
        kindBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(PairingKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public PairingKind fromString(String s) {
                return PairingKind.parse(s).orElse(null);
            }
        });
        kindBox.valueProperty().bindBidirectional(vm.kindProperty());
        selectedLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedHouseholds().isEmpty()
                ? Messages.get("pairing.selected.none")
                : Messages.get("pairing.selected", vm.selectedHouseholds().size()), vm.selectedHouseholds()));
        pairButton.disableProperty().bind(vm.busyProperty());
        errorLabel(pairError, vm.pairErrorProperty());
        FormKeys.enterMovesFocus(helperSearchField, helperTable, startPicker, kindBox, pairButton);
    }

    private void selectHelper(Helper h) {
        if (h == null) {
            helperTable.getSelectionModel().clearSelection();
            return;
        }
        if (helperTable.getSelectionModel().getSelectedItem() != h) {
            int i = helperTable.getItems().indexOf(h);
            if (i >= 0) {
                helperTable.getSelectionModel().clearAndSelect(i);
                helperTable.scrollTo(i);
            }
        }
    }

    // ---- the running pairings ----

    private void bindCurrent() {
        SortedList<Pairing> sorted = new SortedList<>(vm.pairings());
        sorted.comparatorProperty().bind(pairingTable.comparatorProperty());
        pairingTable.setItems(sorted);
        pairingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(pairingVillageColumn, p -> nz(p.villageName()));
        column(pairingTargetColumn, PairingsViewModel::targetLabel);
        column(pairingHelperColumn, p -> nz(p.helperName()));
        column(pairingUnitColumn, p -> p.byUnit() ? "" : nz(p.helperUnit()));
        column(pairingPhoneColumn, p -> nz(p.helperPhone()));
        column(pairingKindColumn, p -> p.kind().label());
        column(pairingFromColumn, p -> p.startDate().toString());
        TableCopy.install(pairingTable);
        pairingTable.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            if (p != vm.selectedPairingProperty().get()) {
                vm.selectedPairingProperty().set(p);
            }
        });
        vm.selectedPairingProperty().addListener((obs, old, p) -> {
            if (p == null) {
                pairingTable.getSelectionModel().clearSelection();
            } else if (pairingTable.getSelectionModel().getSelectedItem() != p) {
                int i = pairingTable.getItems().indexOf(p);
                if (i >= 0) {
                    pairingTable.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        currentTab.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("pairing.tab.current.count", vm.pairings().size()), vm.pairings()));
        currentTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.villageProperty().get() == null
                ? Messages.get("pairing.current.all") : Messages.get("pairing.current.village",
                vm.villageProperty().get().name()), vm.villageProperty()));
        endButton.disableProperty().bind(vm.selectedIsOpenBinding().not().or(vm.busyProperty()));
        deletePairingButton.disableProperty().bind(vm.selectedPairingProperty().isNull().or(vm.busyProperty()));
        replaceButton.disableProperty().bind(vm.selectedIsOpenBinding().not().or(vm.busyProperty()));
    }

    private void bindActions() {
        showWhen(actionPane, vm.actionProperty().isNotEqualTo(PairingAction.NONE));
        ObservableValue<Boolean> replacing = vm.actionProperty().isEqualTo(PairingAction.REPLACE);
        showWhen(newHelperLabel, replacing);
        showWhen(newHelperBox, replacing);
        showWhen(replaceHint, replacing);
        actionDateLabel.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                vm.actionProperty().get() == PairingAction.REPLACE ? "pairing.field.newFrom" : "pairing.field.endOn"),
                vm.actionProperty()));
        actionTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            Pairing p = vm.selectedPairingProperty().get();
            if (p == null) {
                return "";
            }
            return switch (vm.actionProperty().get()) {
                case END -> Messages.get("pairing.action.end.title", PairingsViewModel.targetLabel(p), p.helperName());
                case REPLACE -> Messages.get("pairing.action.replace.title", PairingsViewModel.targetLabel(p),
                        p.helperName());
                case NONE -> "";
            };
        }, vm.actionProperty(), vm.selectedPairingProperty()));
        Choice.bind(newHelperBox, Messages.get("choice.choose"), vm.helpers(), Helper::label,
                vm.actionHelperProperty(), Helper::id);
        actionDatePicker.valueProperty().bindBidirectional(vm.actionDateProperty());
        actionReasonField.textProperty().bindBidirectional(vm.actionReasonProperty());
        errorLabel(actionError, vm.actionErrorProperty());
        applyActionButton.disableProperty().bind(vm.busyProperty());
        FormKeys.enterMovesFocus(newHelperBox, actionDatePicker, actionReasonField, applyActionButton);
    }

    // ---- the suggestion preview ----

    private void bindProposals() {
        proposalTable.setItems(vm.proposals());
        proposalTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        proposalTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        column(proposalHeadColumn, r -> r.household().headName());
        column(proposalVillageColumn, r -> r.household().villageName());
        proposalHelperColumn.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(
                cell.getValue()));
        proposalHelperColumn.setCellFactory(c -> new HelperCell());
        column(proposalUnitColumn, r -> r.hasHelper() ? r.helper().unitName() : "");
        column(proposalAfterColumn, r -> r.hasHelper()
                ? Messages.get("pairing.suggest.after", r.after(), r.helper().max()) : "");
        column(proposalPostedColumn, r -> r.hasHelper()
                ? Messages.get(r.posted() ? "common.yes" : "common.no") : "");
        for (TableColumn<ProposalRow, ?> c : proposalTable.getColumns()) {
            c.setSortable(false); // the counts run down the rows in this order
        }
        TableCopy.install(proposalTable);
        proposalTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ProposalRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(DANGER, !empty && r != null && r.overLimit());
                pseudoClassStateChanged(MUTED, !empty && r != null && !r.hasHelper());
            }
        });
        proposalInfo.textProperty().bind(vm.proposalInfoProperty());
        showWhen(proposalInfo, vm.proposalInfoProperty().isNotEmpty());
        errorLabel(proposalError, vm.proposalErrorProperty());
        removeProposalButton.disableProperty().bind(
                proposalTable.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        cancelProposalsButton.disableProperty().bind(vm.previewingProperty().not());
        confirmButton.disableProperty().bind(vm.previewingProperty().not().or(vm.busyProperty())
                .or(Bindings.isEmpty(vm.proposals())));
        vm.previewingProperty().addListener((obs, was, is) -> {
            // The preview gets most of the height while it is edited; the lists above come back after.
            mainSplit.setDividerPositions(is ? PREVIEW_DIVIDER : LISTS_DIVIDER);
            if (is) {
                bottomTabs.getSelectionModel().select(suggestTab);
                if (vm.proposals().isEmpty()) {
                    proposalEmptyText(Messages.get("pairing.suggest.empty"));
                }
            } else {
                proposalEmptyText(Messages.get("pairing.suggest.hint"));
                bottomTabs.getSelectionModel().select(currentTab);
            }
        });
        proposalTable.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && !proposalTable.getSelectionModel().isEmpty()) {
                onRemoveProposal();
                e.consume();
            }
        });
    }

    private void proposalEmptyText(String text) {
        if (proposalTable.getPlaceholder() instanceof Label l) {
            l.setText(text);
        }
    }

    /** The proposed helper of a row as a choice box: posted cadres first; "无可用帮扶人" when there is none. */
    private final class HelperCell extends TableCell<ProposalRow, ProposalRow> {
        private final ComboBox<Helper> box = new ComboBox<>();
        private boolean updating;

        HelperCell() {
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPromptText(Messages.get("pairing.suggest.none"));
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Helper h) {
                    return h == null ? Messages.get("pairing.suggest.none") : h.label();
                }

                @Override
                public Helper fromString(String s) {
                    return null;
                }
            });
            box.setButtonCell(helperListCell(true));
            box.setCellFactory(list -> helperListCell(false));
            box.valueProperty().addListener((obs, old, h) -> {
                ProposalRow row = getItem();
                if (!updating && row != null && h != null && h != row.helper()) {
                    vm.changeHelper(row, h);
                }
            });
            box.disableProperty().bind(vm.busyProperty());
            setGraphic(null);
        }

        /** The box shows the name (the unit has its own column); the list shows unit, load and 驻本村. */
        private ListCell<Helper> helperListCell(boolean button) {
            return new ListCell<>() {
                @Override
                protected void updateItem(Helper h, boolean empty) {
                    super.updateItem(h, empty);
                    ProposalRow row = HelperCell.this.getItem();
                    if (empty && !button) {
                        setText(null);
                    } else if (h == null) {
                        setText(Messages.get("pairing.suggest.none"));
                    } else {
                        setText(button || row == null ? h.name() : vm.optionLabel(row, h));
                    }
                }
            };
        }

        @Override
        protected void updateItem(ProposalRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            updating = true;
            try {
                box.getItems().setAll(vm.helperOptions(row));
                box.setValue(row.helper());
            } finally {
                updating = false;
            }
            setText(null);
            setGraphic(box);
        }
    }

    // ---- keys ----

    private void bindKeys() {
        // The screens share the window's scene: the shortcut is ours only while this view is in it.
        Map<KeyCombination, Runnable> keys = Map.of(FIND, this::focusSearch);
        uncoveredTable.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                keys.forEach((k, action) -> old.getAccelerators().remove(k, action));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(keys);
            }
        });
        uncoveredTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !uncoveredTable.getSelectionModel().isEmpty()) {
                helperSearchField.requestFocus();
                e.consume();
            }
        });
        householdSearchField.setOnAction(e -> focusFirst(uncoveredTable));
        householdSearchField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                focusFirst(uncoveredTable);
                e.consume();
            }
        });
        helperSearchField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                focusFirst(helperTable);
                if (e.getCode() == KeyCode.DOWN) {
                    e.consume();
                }
            }
        });
        pairButton.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pairButton.fire();
                e.consume();
            }
        });
        applyActionButton.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                applyActionButton.fire();
                e.consume();
            }
        });
    }

    private static void focusFirst(TableView<?> table) {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        }
    }

    /** Ctrl+F: to the household search, its text selected so typing replaces it. */
    public void focusSearch() {
        householdSearchField.requestFocus();
        householdSearchField.selectAll();
    }

    // ---- helpers ----

    private static <T> void column(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
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

    // ---- actions ----

    @FXML
    private void onPair() {
        vm.pair();
    }

    @FXML
    private void onSuggest() {
        vm.suggest();
    }

    @FXML
    private void onRules() {
        PairingRulesController.show(rulesButton.getScene().getWindow(), vm.rulesEditor());
    }

    @FXML
    private void onDeletePairing() {
        vm.removeSelected();
    }

    @FXML
    private void onEnd() {
        vm.startEnd();
        actionReasonField.requestFocus();
    }

    @FXML
    private void onReplace() {
        vm.startReplace();
        newHelperBox.requestFocus();
    }

    @FXML
    private void onCancelAction() {
        vm.cancelAction();
    }

    @FXML
    private void onApplyAction() {
        vm.applyAction();
    }

    @FXML
    private void onRemoveProposal() {
        vm.removeProposals(List.copyOf(proposalTable.getSelectionModel().getSelectedItems()));
    }

    @FXML
    private void onCancelProposals() {
        vm.cancelProposals();
    }

    @FXML
    private void onConfirm() {
        vm.confirmProposals();
    }
}
