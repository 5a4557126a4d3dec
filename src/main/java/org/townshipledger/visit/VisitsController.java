package org.townshipledger.visit;

import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.ExchangeDialogs;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.Fxml;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.village.Village;

/**
 * Binds VisitsView.fxml to {@link VisitsViewModel}; opens a visit in the entry form in its own window. Filter
 * changes wait for a short pause (several changed in a row ask once); Enter opens, Delete moves to the recycle bin,
 * Ctrl+C copies the selected rows.
 */
public final class VisitsController {

    static final Duration FILTER_DELAY = Duration.millis(250);

    private final VisitsViewModel vm;
    private final FileDialogs files;
    private final PauseTransition pause = new PauseTransition(FILTER_DELAY);

    @FXML private ComboBox<Choice<Cadre>> cadreFilter;
    @FXML private ComboBox<Choice<Village>> villageFilter;
    @FXML private ComboBox<Choice<Integer>> yearFilter;
    @FXML private ComboBox<Choice<Integer>> monthFilter;
    @FXML private ComboBox<Choice<VisitKind>> kindFilter;
    @FXML private Button openButton;
    @FXML private Button deleteButton;
    @FXML private TableView<Visit> table;
    @FXML private TableColumn<Visit, String> dateColumn;
    @FXML private TableColumn<Visit, String> kindColumn;
    @FXML private TableColumn<Visit, String> targetColumn;
    @FXML private TableColumn<Visit, String> villageColumn;
    @FXML private TableColumn<Visit, String> cadresColumn;
    @FXML private TableColumn<Visit, String> checkColumn;
    @FXML private TableColumn<Visit, String> seenColumn;
    @FXML private TableColumn<Visit, String> doneColumn;
    @FXML private Label placeholder;
    @FXML private Button previousButton;
    @FXML private Label pageLabel;
    @FXML private Button nextButton;

    public VisitsController(VisitsViewModel vm, FileDialogs files) {
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
        Choice.bind(cadreFilter, Messages.get("visits.filter.allCadres"), vm.cadres(), Cadre::name,
                vm.cadreProperty(), Cadre::id);
        Choice.bind(villageFilter, Messages.get("visits.filter.allVillages"), vm.villages(), Village::name,
                vm.villageProperty(), Village::id);
        Choice.bind(yearFilter, Messages.get("visits.filter.allYears"), vm.years(), VisitsViewModel::yearLabel,
                vm.yearProperty(), y -> y);
        Choice.bind(monthFilter, Messages.get("visits.filter.allMonths"), vm.months(), VisitsViewModel::monthLabel,
                vm.monthProperty(), m -> m);
        monthFilter.disableProperty().bind(vm.yearProperty().isNull());
        Choice.bind(kindFilter, Messages.get("visits.filter.allKinds"), vm.kinds(), VisitKind::label,
                vm.kindProperty(), VisitKind::code);
        pause.setOnFinished(e -> vm.firstPage());
        ChangeListener<Object> later = (obs, old, value) -> pause.playFromStart();
        vm.cadreProperty().addListener(later);
        vm.villageProperty().addListener(later);
        vm.yearProperty().addListener(later);
        vm.monthProperty().addListener(later);
        vm.kindProperty().addListener(later);

        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(dateColumn, v -> v.date().toString());
        column(kindColumn, vm::kindText);
        column(targetColumn, VisitsViewModel::targetText);
        column(villageColumn, Visit::villageName);
        column(cadresColumn, VisitsViewModel::cadresText);
        column(checkColumn, VisitsViewModel::checkText);
        column(seenColumn, Visit::seen);
        column(doneColumn, Visit::done);
        TableCopy.install(table);
        table.setRowFactory(t -> {
            TableRow<Visit> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            Visit selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                open(selected);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && selected != null) {
                onDelete();
                e.consume();
            }
        });
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get().isEmpty()
                ? Messages.get("visits.table.empty") : vm.errorProperty().get(), vm.errorProperty()));
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        pageLabel.textProperty().bind(vm.pageTextBinding());
        previousButton.disableProperty().bind(vm.pageIndexProperty().isEqualTo(0));
        nextButton.disableProperty().bind(vm.pageIndexProperty().add(1).greaterThanOrEqualTo(vm.pageCountBinding()));
    }

    private static void column(TableColumn<Visit, String> c, Function<Visit, String> text) {
        c.setCellValueFactory(cell -> {
            String s = text.apply(cell.getValue());
            return new ReadOnlyStringWrapper(s == null ? "" : s);
        });
    }

    @FXML
    private void onOpen() {
        Visit selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open(selected);
        }
    }

    private void open(Visit v) {
        VisitEntryViewModel editor = vm.editor(v);
        Parent root = Fxml.load(VisitEntryController.class, "VisitEntryView.fxml", new VisitEntryController(editor));
        Stage stage = new Stage();
        stage.initOwner(table.getScene().getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        Scene scene = new Scene(root, 1000, 640);
        scene.getStylesheets().setAll(table.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setTitle(Messages.get("visits.edit.window"));
        // Saved: the window closes (the list has reloaded); a refusal keeps it open with the reasons.
        editor.savesProperty().addListener((obs, was, is) -> stage.close());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.show();
    }

    @FXML
    private void onDelete() {
        Visit selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            vm.moveToBin(selected);
        }
    }

    @FXML
    private void onClearFilters() {
        pause.stop();
        vm.clearFilters();
        pause.stop();
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
