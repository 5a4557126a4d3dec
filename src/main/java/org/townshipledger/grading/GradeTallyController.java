package org.townshipledger.grading;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.townshipledger.common.Messages;
import org.townshipledger.grading.GradeTallyViewModel.LaggardLine;
import org.townshipledger.grading.GradeTallyViewModel.MovementLine;
import org.townshipledger.grading.GradeTallyViewModel.StarLine;
import org.townshipledger.grading.GradeTallyViewModel.YearCounts;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.ui.TableRelayout;

/**
 * Binds GradeTallyView.fxml to {@link GradeTallyViewModel}: the grade distribution by year and the 升/降/持平 counts as
 * bar charts, the movement table, the star shares and the laggards as tables (Ctrl+C copies them).
 */
public final class GradeTallyController {

    private final GradeTallyViewModel vm;

    @FXML private Spinner<Integer> tallyYearSpinner;
    @FXML private Button reloadTallyButton;
    @FXML private Label tallySummary;
    @FXML private BarChart<String, Number> distributionChart;
    @FXML private CategoryAxis distributionGradeAxis;
    @FXML private NumberAxis distributionCountAxis;
    @FXML private BarChart<String, Number> movementChart;
    @FXML private CategoryAxis movementYearAxis;
    @FXML private NumberAxis movementCountAxis;
    @FXML private TableView<MovementLine> movementTable;
    @FXML private TableColumn<MovementLine, String> fromColumn;
    @FXML private TableColumn<MovementLine, String> toGoodColumn;
    @FXML private TableColumn<MovementLine, String> toFairColumn;
    @FXML private TableColumn<MovementLine, String> toAverageColumn;
    @FXML private TableColumn<MovementLine, String> toPoorColumn;
    @FXML private TableColumn<MovementLine, String> movementTotalColumn;
    @FXML private Label movementSummary;
    @FXML private TableView<StarLine> starTable;
    @FXML private TableColumn<StarLine, String> starSubjectColumn;
    @FXML private TableColumn<StarLine, String> starRatedColumn;
    @FXML private TableColumn<StarLine, String> starFiveColumn;
    @FXML private TableColumn<StarLine, String> starShareColumn;
    @FXML private TableColumn<StarLine, String> starTargetColumn;
    @FXML private TableColumn<StarLine, String> starReachedColumn;
    @FXML private TableView<LaggardLine> laggardTable;
    @FXML private TableColumn<LaggardLine, String> laggardVillageColumn;
    @FXML private TableColumn<LaggardLine, String> laggardGradeColumn;
    @FXML private TableColumn<LaggardLine, String> laggardWeakColumn;
    @FXML private TableColumn<LaggardLine, String> laggardInChargeColumn;

    public GradeTallyController(GradeTallyViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        GradingController.yearSpinner(tallyYearSpinner, vm.yearProperty());
        reloadTallyButton.disableProperty().bind(vm.busyProperty());
        tallySummary.textProperty().bind(vm.summaryProperty());
        movementSummary.textProperty().bind(vm.movementSummaryProperty());

        distributionGradeAxis.setCategories(javafx.collections.FXCollections.observableArrayList(
                List.of(Grade.values()).stream().map(Grade::label).toList()));
        distributionCountAxis.setTickUnit(1);
        distributionCountAxis.setMinorTickCount(0);
        movementCountAxis.setMinorTickCount(0);
        vm.distribution().addListener((ListChangeListener<YearCounts>) c -> drawCharts());

        movementTable.setItems(vm.movement());
        column(fromColumn, MovementLine::label);
        List<TableColumn<MovementLine, String>> to = List.of(toGoodColumn, toFairColumn, toAverageColumn,
                toPoorColumn);
        for (Grade g : Grade.values()) {
            to.get(g.ordinal()).setText(g.label());
            column(to.get(g.ordinal()), l -> Integer.toString(l.to().get(g.ordinal())));
        }
        column(movementTotalColumn, l -> Integer.toString(l.total()));

        starTable.setItems(vm.stars());
        column(starSubjectColumn, StarLine::subject);
        column(starRatedColumn, l -> Integer.toString(l.rated()));
        column(starFiveColumn, l -> Integer.toString(l.fiveStar()));
        column(starShareColumn, StarLine::share);
        column(starTargetColumn, StarLine::target);
        column(starReachedColumn, StarLine::reached);

        laggardTable.setItems(vm.laggards());
        column(laggardVillageColumn, LaggardLine::village);
        column(laggardGradeColumn, LaggardLine::grade);
        column(laggardWeakColumn, LaggardLine::weak);
        column(laggardInChargeColumn, LaggardLine::inCharge);

        fitLines(movementTable, Grade.values().length + 1);
        fitLines(starTable, StarSubject.values().length);
        // Their columns share the table's width (in English the labels are longer than in Chinese).
        movementTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        starTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        for (TableView<?> t : List.of(movementTable, starTable, laggardTable)) {
            t.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            TableCopy.install(t);
            // Filled on the first visit while the screen is laid out: without this the laggards (wider than their
            // table) stayed hidden behind the empty-list text until the screen was opened again.
            TableRelayout.install(t);
        }
    }

    /** One series per year in the distribution chart; 升, 降, 持平 per year in the movement chart. */
    private void drawCharts() {
        distributionChart.getData().clear();
        movementChart.getData().clear();
        List<YearCounts> years = List.copyOf(vm.distribution());
        for (YearCounts y : years) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(Messages.get("tallyScreen.chart.year", y.year()));
            for (Grade g : Grade.values()) {
                s.getData().add(new XYChart.Data<>(g.label(), y.count(g)));
            }
            distributionChart.getData().add(s);
        }
        String[] names = {Messages.get("tallyScreen.up"), Messages.get("tallyScreen.down"),
                Messages.get("tallyScreen.same")};
        movementYearAxis.setCategories(javafx.collections.FXCollections.observableArrayList(years.stream()
                .map(y -> Messages.get("tallyScreen.chart.year", y.year())).toList()));
        for (int k = 0; k < 3; k++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(names[k]);
            for (YearCounts y : years) {
                int n = k == 0 ? y.up() : k == 1 ? y.down() : y.same();
                s.getData().add(new XYChart.Data<>(Messages.get("tallyScreen.chart.year", y.year()), n));
            }
            movementChart.getData().add(s);
        }
    }

    private static final double LINE_HEIGHT = 26;

    /** A table of a fixed number of lines as tall as they need under its header, never clipped nor scrolled. */
    private static void fitLines(TableView<?> table, int lines) {
        table.setFixedCellSize(LINE_HEIGHT);
        Runnable fit = () -> {
            javafx.scene.Node header = table.lookup(".column-header-background");
            double h = (header instanceof javafx.scene.layout.Region r ? r.getHeight() : 0) + lines * LINE_HEIGHT
                    + table.snappedTopInset() + table.snappedBottomInset();
            table.setMinHeight(h);
            table.setPrefHeight(h);
            table.setMaxHeight(h);
        };
        fit.run();
        table.skinProperty().addListener((obs, old, skin) -> {
            javafx.scene.Node header = table.lookup(".column-header-background");
            if (header instanceof javafx.scene.layout.Region r) {
                r.heightProperty().addListener((o, a, b) -> fit.run());
            }
            fit.run();
        });
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
    }

    @FXML
    private void onReload() {
        vm.load();
    }
}
