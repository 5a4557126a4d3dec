package org.townshipledger.visit;

import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
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
import org.townshipledger.common.Messages;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.DatePickers;
import org.townshipledger.ui.ExchangeDialogs;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.FormKeys;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.village.Village;

/** Binds ProblemsView.fxml to {@link ProblemsViewModel}. Ctrl+N a new problem, Ctrl+S saves, Ctrl+C copies rows. */
public final class ProblemsController {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final ProblemsViewModel vm;
    private final FileDialogs files;

    @FXML private ComboBox<Choice<Village>> villageFilter;
    @FXML private ComboBox<Choice<Integer>> yearFilter;
    @FXML private ComboBox<Choice<ProblemStatus>> statusFilter;
    @FXML private Label rateLabel;
    @FXML private Label loadError;
    @FXML private TableView<Problem> table;
    @FXML private TableColumn<Problem, String> dateColumn;
    @FXML private TableColumn<Problem, String> villageColumn;
    @FXML private TableColumn<Problem, String> raisedByColumn;
    @FXML private TableColumn<Problem, String> kindColumn;
    @FXML private TableColumn<Problem, String> statusColumn;
    @FXML private TableColumn<Problem, String> resolvedColumn;
    @FXML private TableColumn<Problem, String> levelColumn;
    @FXML private TableColumn<Problem, String> descriptionColumn;
    @FXML private Label formTitle;
    @FXML private ComboBox<Choice<ProblemKind>> kindBox;
    @FXML private ComboBox<Choice<DisputeKind>> subKindBox;
    @FXML private Label kindError;
    @FXML private TextField raisedByField;
    @FXML private Label raisedByError;
    @FXML private ComboBox<Choice<Village>> villageBox;
    @FXML private Label villageError;
    @FXML private DatePicker raisedOnPicker;
    @FXML private Label raisedOnError;
    @FXML private TextArea descriptionArea;
    @FXML private Label descriptionError;
    @FXML private ComboBox<Choice<ProblemStatus>> statusBox;
    @FXML private Label statusHint;
    @FXML private DatePicker resolvedOnPicker;
    @FXML private Label resolvedOnError;
    @FXML private TextArea resolutionArea;
    @FXML private Label resolutionError;
    @FXML private ComboBox<Choice<SettledLevel>> levelBox;
    @FXML private Label levelError;
    @FXML private Label formError;
    @FXML private Button deleteButton;
    @FXML private Button saveButton;

    public ProblemsController(ProblemsViewModel vm, FileDialogs files) {
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
        Choice.bind(statusFilter, Messages.get("problems.filter.allStatuses"), ProblemStatus.values(),
                ProblemStatus::label, vm.statusFilterProperty());
        rateLabel.textProperty().bind(vm.rateTextProperty());
        VisitEntryController.errorLabel(loadError, vm.loadErrorProperty());

        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Columns keep their widths (the list scrolls sideways) rather than clipping dates and amounts.
        column(dateColumn, p -> ProblemsViewModel.date(p.raisedOn()));
        column(villageColumn, Problem::villageName);
        column(raisedByColumn, ProblemsViewModel::raisedByText);
        column(kindColumn, ProblemsViewModel::kindText);
        column(statusColumn, p -> p.status().label());
        column(resolvedColumn, p -> ProblemsViewModel.date(p.resolvedOn()));
        column(levelColumn, p -> p.level() == null ? "" : p.level().label());
        column(descriptionColumn, Problem::description);
        TableCopy.install(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            if (p != null) {
                vm.select(p);
            }
        });

        Choice.bind(kindBox, Messages.get("choice.choose"), ProblemKind.values(), ProblemKind::label,
                vm.kindProperty());
        Choice.bind(subKindBox, Messages.get("visit.entry.problem.subKind"), DisputeKind.values(),
                DisputeKind::label, vm.subKindProperty());
        subKindBox.disableProperty().bind(vm.kindProperty().isNotEqualTo(ProblemKind.DISPUTE));
        raisedByField.textProperty().bindBidirectional(vm.raisedByProperty());
        Choice.bind(villageBox, Messages.get("choice.choose"), vm.villages(), Village::name, vm.formVillageProperty(),
                Village::id);
        DatePickers.iso(raisedOnPicker, resolvedOnPicker);
        raisedOnPicker.valueProperty().bindBidirectional(vm.raisedOnProperty());
        descriptionArea.textProperty().bindBidirectional(vm.descriptionProperty());
        Choice.bind(statusBox, Messages.get("choice.choose"), ProblemStatus.values(), ProblemStatus::label,
                vm.problemStatusProperty());
        statusHint.setText(Messages.get("problems.status.hint"));
        resolvedOnPicker.valueProperty().bindBidirectional(vm.resolvedOnProperty());
        resolutionArea.textProperty().bindBidirectional(vm.resolutionProperty());
        Choice.bind(levelBox, Messages.get("choice.choose"), SettledLevel.values(), SettledLevel::label,
                vm.levelProperty());
        var resolved = vm.problemStatusProperty().isEqualTo(ProblemStatus.RESOLVED);
        resolvedOnPicker.disableProperty().bind(resolved.not());
        resolutionArea.disableProperty().bind(resolved.not());
        levelBox.disableProperty().bind(resolved.not());
        formTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.editingProperty().get() == null
                ? Messages.get("problems.form.new") : Messages.get("problems.form.edit",
                ProblemsViewModel.describe(vm.editingProperty().get())), vm.editingProperty()));
        Map.of(kindError, ProblemsViewModel.F_KIND, raisedByError, ProblemsViewModel.F_RAISED_BY,
                villageError, ProblemsViewModel.F_VILLAGE, raisedOnError, ProblemsViewModel.F_RAISED_ON,
                descriptionError, ProblemsViewModel.F_DESCRIPTION, resolvedOnError, ProblemsViewModel.F_RESOLVED_ON,
                resolutionError, ProblemsViewModel.F_RESOLUTION, levelError, ProblemsViewModel.F_LEVEL)
                .forEach((label, field) -> VisitEntryController.errorLabel(label, vm.errorProperty(field)));
        VisitEntryController.errorLabel(formError, vm.formErrorProperty());
        deleteButton.disableProperty().bind(vm.editingProperty().isNull().or(vm.busyProperty()));
        saveButton.disableProperty().bind(vm.busyProperty());
        FormKeys.enterMovesFocus(kindBox, subKindBox, raisedByField, villageBox, raisedOnPicker, descriptionArea,
                statusBox, resolvedOnPicker, resolutionArea, levelBox, saveButton);

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

    private static void column(TableColumn<Problem, String> c, Function<Problem, String> text) {
        c.setCellValueFactory(cell -> {
            String s = text.apply(cell.getValue());
            return new ReadOnlyStringWrapper(s == null ? "" : s);
        });
    }

    @FXML
    private void onNew() {
        table.getSelectionModel().clearSelection();
        vm.startNew();
        kindBox.requestFocus();
    }

    @FXML
    private void onSave() {
        if (!saveButton.isDisabled()) {
            vm.save();
        }
    }

    @FXML
    private void onDelete() {
        vm.delete();
    }
}
