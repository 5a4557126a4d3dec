package org.townshipledger.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.ExchangeDialogs;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.Fxml;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;

/** Binds HouseholdsView.fxml to {@link HouseholdsViewModel} and opens the detail window; no rules, no database. */
public final class HouseholdsController {

    /** Typing pauses this long before the list asks the database. */
    static final Duration SEARCH_DELAY = Duration.millis(250);

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    /** A tab another register adds to every household window: its title and what builds its content. */
    private record DetailTab(String title, Function<ObservableValue<UUID>, Node> content) {
    }

    private final HouseholdsViewModel vm;
    private final FileDialogs files;
    private final PauseTransition typing = new PauseTransition(SEARCH_DELAY);
    private final List<DetailTab> detailTabs = new ArrayList<>();

    @FXML private TextField searchField;
    @FXML private ComboBox<Choice<Village>> villageFilter;
    @FXML private ComboBox<Choice<VillageGroup>> groupFilter;
    @FXML private ComboBox<Choice<HouseholdCategory>> categoryFilter;
    @FXML private ComboBox<Choice<PovertyStatus>> statusFilter;
    @FXML private ComboBox<Choice<MonitoringType>> monitoringFilter;
    @FXML private Button openButton;
    @FXML private Button deleteButton;
    @FXML private TableView<HouseholdRow> table;
    @FXML private TableColumn<HouseholdRow, String> villageColumn;
    @FXML private TableColumn<HouseholdRow, String> groupColumn;
    @FXML private TableColumn<HouseholdRow, String> headColumn;
    @FXML private TableColumn<HouseholdRow, String> idColumn;
    @FXML private TableColumn<HouseholdRow, String> membersColumn;
    @FXML private TableColumn<HouseholdRow, String> categoryColumn;
    @FXML private TableColumn<HouseholdRow, String> statusColumn;
    @FXML private TableColumn<HouseholdRow, String> monitoringColumn;
    @FXML private TableColumn<HouseholdRow, String> phoneColumn;
    @FXML private Label placeholder;
    @FXML private Button previousButton;
    @FXML private Label pageLabel;
    @FXML private Button nextButton;

    public HouseholdsController(HouseholdsViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
    }

    @FXML
    private void initialize() {
        bindFilters();
        bindTable();
        bindKeys();
    }

    private void bindFilters() {
        Choice.bind(villageFilter, Messages.get("households.filter.allVillages"), vm.villages(), Village::name,
                vm.villageProperty(), Village::id);
        Choice.bind(groupFilter, Messages.get("households.filter.allGroups"), vm.groups(), VillageGroup::name,
                vm.groupProperty(), VillageGroup::id);
        groupFilter.disableProperty().bind(vm.villageProperty().isNull());
        Choice.bind(categoryFilter, Messages.get("households.filter.allCategories"), HouseholdCategory.values(),
                HouseholdCategory::label, vm.categoryProperty());
        Choice.bind(statusFilter, Messages.get("households.filter.allStatuses"), PovertyStatus.values(),
                PovertyStatus::label, vm.povertyStatusProperty());
        Choice.bind(monitoringFilter, Messages.get("households.filter.allMonitoring"), MonitoringType.values(),
                MonitoringType::label, vm.monitoringTypeProperty());

        // Typing waits for a pause before asking; Enter asks at once and goes to the first row.
        searchField.setText(vm.searchTextProperty().get());
        typing.setOnFinished(e -> vm.searchTextProperty().set(searchField.getText()));
        searchField.textProperty().addListener((obs, old, text) -> typing.playFromStart());
        vm.searchTextProperty().addListener((obs, old, text) -> {
            if (!text.equals(searchField.getText())) {
                searchField.setText(text);
            }
        });
        searchField.setOnAction(e -> {
            typing.stop();
            vm.searchTextProperty().set(searchField.getText());
            focusTable();
        });
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                focusTable();
                e.consume();
            }
        });
    }

    private void bindTable() {
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(villageColumn, HouseholdRow::villageName);
        column(groupColumn, HouseholdRow::groupName);
        column(headColumn, HouseholdRow::headName);
        column(idColumn, HouseholdsViewModel::maskedId);
        column(membersColumn, r -> Integer.toString(r.memberCount()));
        column(categoryColumn, r -> HouseholdsViewModel.label(r.category()));
        column(statusColumn, HouseholdsViewModel::statusText);
        column(monitoringColumn, r -> HouseholdsViewModel.label(r.monitoringType()));
        column(phoneColumn, HouseholdRow::phone);
        TableCopy.install(table);
        table.setRowFactory(t -> {
            TableRow<HouseholdRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get().isEmpty()
                ? Messages.get("households.table.empty") : vm.errorProperty().get(), vm.errorProperty()));
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        pageLabel.textProperty().bind(vm.pageTextBinding());
        previousButton.disableProperty().bind(vm.pageIndexProperty().isEqualTo(0));
        nextButton.disableProperty().bind(vm.pageIndexProperty().add(1).greaterThanOrEqualTo(vm.pageCountBinding()));
    }

    private static void column(TableColumn<HouseholdRow, String> c, Function<HouseholdRow, String> text) {
        c.setCellValueFactory(cell -> {
            String s = text.apply(cell.getValue());
            return new ReadOnlyStringWrapper(s == null ? "" : s);
        });
    }

    private void bindKeys() {
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            HouseholdRow selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                open(selected);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && selected != null) {
                onDelete();
                e.consume();
            }
        });
        // The screens share the window's scene: the shortcuts are ours only while this view is in it.
        Map<KeyCombination, Runnable> keys = Map.of(FIND, this::focusSearch, NEW, this::onNew);
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                keys.forEach((k, action) -> old.getAccelerators().remove(k, action));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(keys);
            }
        });
    }

    private void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        }
    }

    /** Ctrl+F: to the search box, its text selected so typing replaces it. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void onNew() {
        showDetail(vm.newHousehold());
    }

    @FXML
    private void onOpen() {
        HouseholdRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open(selected);
        }
    }

    private void open(HouseholdRow row) {
        showDetail(vm.detail(row));
    }

    private void showDetail(HouseholdDetailViewModel detail) {
        HouseholdDetailController controller = new HouseholdDetailController(detail);
        Parent root = Fxml.load(HouseholdDetailController.class, "HouseholdDetailView.fxml", controller);
        if (!detailTabs.isEmpty()) {
            ObservableValue<UUID> householdId = Bindings.createObjectBinding(
                    () -> detail.editingProperty().get().id(), detail.editingProperty());
            detailTabs.forEach(t -> controller.addTab(t.title(), t.content().apply(householdId)));
        }
        Stage stage = new Stage();
        stage.initOwner(table.getScene().getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        Scene scene = new Scene(root, 1080, 700);
        scene.getStylesheets().setAll(table.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        stage.titleProperty().bind(detail.titleBinding());
        controller.attach(stage);
        stage.show();
    }

    /**
     * Adds a tab to every household window opened from now on (the app adds the 帮扶人 tab of the pairings
     * register this way); {@code content} gets the id of the household shown, null until it is saved.
     */
    public void addDetailTab(String title, Function<ObservableValue<UUID>, Node> content) {
        detailTabs.add(new DetailTab(title, content));
    }

    @FXML
    private void onDelete() {
        HouseholdRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            vm.moveToBin(selected);
        }
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
    private void onClearFilters() {
        typing.stop();
        vm.clearFilters();
    }

    @FXML
    private void onPrevious() {
        vm.previousPage();
    }

    @FXML
    private void onNext() {
        vm.nextPage();
    }
}
