package org.townshipledger.visit;

import java.util.Map;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.StringConverter;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.DatePickers;
import org.townshipledger.ui.ExchangeDialogs;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.FormKeys;
import org.townshipledger.ui.SuggestField;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.village.Village;

/** Binds HelpView.fxml to {@link HelpViewModel}. Ctrl+N a new item, Ctrl+S saves, Ctrl+C copies rows. */
public final class HelpController {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final HelpViewModel vm;
    private final FileDialogs files;
    private final PauseTransition typing = new PauseTransition(VisitEntryController.SEARCH_DELAY);

    @FXML private ComboBox<Choice<Village>> villageFilter;
    @FXML private ComboBox<Choice<Integer>> yearFilter;
    @FXML private ComboBox<Choice<HelpKind>> kindFilter;
    @FXML private Label totalsLabel;
    @FXML private Label loadError;
    @FXML private TableView<HelpItem> table;
    @FXML private TableColumn<HelpItem, String> dateColumn;
    @FXML private TableColumn<HelpItem, String> villageColumn;
    @FXML private TableColumn<HelpItem, String> targetColumn;
    @FXML private TableColumn<HelpItem, String> kindColumn;
    @FXML private TableColumn<HelpItem, String> moneyColumn;
    @FXML private TableColumn<HelpItem, String> goodsColumn;
    @FXML private TableColumn<HelpItem, String> helperColumn;
    @FXML private TableColumn<HelpItem, String> statusColumn;
    @FXML private TableColumn<HelpItem, String> descriptionColumn;
    @FXML private Label formTitle;
    @FXML private ComboBox<VisitTarget> targetBox;
    @FXML private TextField householdField;
    @FXML private ComboBox<Choice<Village>> villageBox;
    @FXML private Label targetError;
    @FXML private ComboBox<Choice<HelpKind>> kindBox;
    @FXML private Label kindError;
    @FXML private TextArea descriptionArea;
    @FXML private Label descriptionError;
    @FXML private TextField moneyField;
    @FXML private Label moneyError;
    @FXML private TextField goodsField;
    @FXML private Label goodsError;
    @FXML private ComboBox<Choice<Cadre>> cadreBox;
    @FXML private ComboBox<Choice<Unit>> unitBox;
    @FXML private Label helperError;
    @FXML private DatePicker datePicker;
    @FXML private Label dateError;
    @FXML private ComboBox<Choice<HelpStatus>> statusBox;
    @FXML private Label statusError;
    @FXML private Label formError;
    @FXML private Button deleteButton;
    @FXML private Button saveButton;

    public HelpController(HelpViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
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
    private void initialize() {
        Choice.bind(villageFilter, Messages.get("visits.filter.allVillages"), vm.villages(), Village::name,
                vm.villageProperty(), Village::id);
        Choice.bind(yearFilter, Messages.get("visits.filter.allYears"), vm.years(), VisitsViewModel::yearLabel,
                vm.yearProperty(), y -> y);
        Choice.bind(kindFilter, Messages.get("help.filter.allKinds"), HelpKind.values(), HelpKind::label,
                vm.kindFilterProperty());
        totalsLabel.textProperty().bind(vm.totalsTextProperty());
        VisitEntryController.errorLabel(loadError, vm.loadErrorProperty());

        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Columns keep their widths (the list scrolls sideways) rather than clipping dates and amounts.
        column(dateColumn, h -> h.date() == null ? "" : h.date().toString());
        column(villageColumn, HelpItem::villageName);
        column(targetColumn, HelpViewModel::targetText);
        column(kindColumn, h -> h.kind().label());
        column(moneyColumn, h -> HelpViewModel.yuan(h.money()));
        column(goodsColumn, h -> HelpViewModel.yuan(h.goodsValue()));
        column(helperColumn, HelpItem::helperName);
        column(statusColumn, h -> h.status().label());
        column(descriptionColumn, HelpItem::description);
        TableCopy.install(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, h) -> {
            if (h != null) {
                vm.select(h);
            }
        });

        targetBox.getItems().setAll(VisitTarget.HOUSEHOLD, VisitTarget.VILLAGE);
        targetBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(VisitTarget t) {
                return t == null ? "" : t.label();
            }

            @Override
            public VisitTarget fromString(String s) {
                return null;
            }
        });
        targetBox.valueProperty().bindBidirectional(vm.targetProperty());
        householdField.textProperty().bindBidirectional(vm.householdQueryProperty());
        SuggestField.attach(householdField, vm.suggestions(), VisitEntryViewModel::suggestionLabel, h -> {
            vm.pickHousehold(h);
            kindBox.requestFocus();
        });
        typing.setOnFinished(e -> vm.searchHouseholds());
        householdField.textProperty().addListener((obs, old, text) -> {
            if (householdField.isFocused()) {
                typing.playFromStart();
            }
        });
        Choice.bind(villageBox, Messages.get("choice.choose"), vm.villages(), Village::name, vm.formVillageProperty(),
                Village::id);
        showWhen(householdField, vm.targetProperty().isEqualTo(VisitTarget.HOUSEHOLD));
        showWhen(villageBox, vm.targetProperty().isEqualTo(VisitTarget.VILLAGE));
        Choice.bind(kindBox, Messages.get("choice.choose"), HelpKind.values(), HelpKind::label, vm.kindProperty());
        descriptionArea.textProperty().bindBidirectional(vm.descriptionProperty());
        moneyField.textProperty().bindBidirectional(vm.moneyProperty());
        goodsField.textProperty().bindBidirectional(vm.goodsProperty());
        Choice.bind(cadreBox, Messages.get("help.helper.noCadre"), vm.cadres(), Cadre::name, vm.cadreProperty(),
                Cadre::id);
        Choice.bind(unitBox, Messages.get("help.helper.noUnit"), vm.units(), Unit::name, vm.unitProperty(),
                Unit::id);
        DatePickers.iso(datePicker);
        datePicker.valueProperty().bindBidirectional(vm.dateProperty());
        Choice.bind(statusBox, Messages.get("choice.choose"), HelpStatus.values(), HelpStatus::label,
                vm.helpStatusProperty());
        formTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.editingProperty().get() == null
                ? Messages.get("help.form.new") : Messages.get("help.form.edit"), vm.editingProperty()));
        Map.of(targetError, HelpViewModel.F_TARGET, kindError, HelpViewModel.F_KIND,
                descriptionError, HelpViewModel.F_DESCRIPTION, moneyError, HelpViewModel.F_MONEY,
                goodsError, HelpViewModel.F_GOODS, helperError, HelpViewModel.F_HELPER,
                dateError, HelpViewModel.F_DATE, statusError, HelpViewModel.F_STATUS)
                .forEach((label, field) -> VisitEntryController.errorLabel(label, vm.errorProperty(field)));
        VisitEntryController.errorLabel(formError, vm.formErrorProperty());
        deleteButton.disableProperty().bind(vm.editingProperty().isNull().or(vm.busyProperty()));
        saveButton.disableProperty().bind(vm.busyProperty());
        FormKeys.enterMovesFocus(targetBox, householdField, villageBox, kindBox, descriptionArea, moneyField,
                goodsField, cadreBox, unitBox, datePicker, statusBox, saveButton);

        Map<KeyCombination, Runnable> keys = Map.of(SAVE, this::onSave, NEW, this::onNew);
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                keys.forEach((k, action) -> old.getAccelerators().remove(k, action));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(keys);
            }
        });
    }

    private static void column(TableColumn<HelpItem, String> c, Function<HelpItem, String> text) {
        c.setCellValueFactory(cell -> {
            String s = text.apply(cell.getValue());
            return new ReadOnlyStringWrapper(s == null ? "" : s);
        });
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    @FXML
    private void onNew() {
        table.getSelectionModel().clearSelection();
        vm.startNew();
        targetBox.requestFocus();
    }

    @FXML
    private void onSave() {
        if (!saveButton.isDisabled()) {
            typing.stop();
            vm.save();
        }
    }

    @FXML
    private void onDelete() {
        vm.delete();
    }
}
