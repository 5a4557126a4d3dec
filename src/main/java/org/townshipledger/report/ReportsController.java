package org.townshipledger.report;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.townshipledger.common.Messages;
import org.townshipledger.village.Village;

/** Binds ReportsView.fxml to {@link ReportsViewModel}; file choosers are the only thing it does itself. */
public final class ReportsController {

    private final ReportsViewModel vm;

    @FXML private ProgressBar progressBar;
    @FXML private Button cancelButton;
    @FXML private Label messageLabel;
    @FXML private ListView<ReportSheet> sheetList;
    @FXML private Spinner<Integer> yearSpinner;
    @FXML private Label villageLabel;
    @FXML private ComboBox<Village> villageBox;
    @FXML private CheckBox fullIdBox;
    @FXML private Button previewButton;
    @FXML private Button printButton;
    @FXML private Button pdfButton;
    @FXML private Button xlsxButton;
    @FXML private ScrollPane scroll;
    @FXML private StackPane pageHolder;
    @FXML private ImageView pageView;
    @FXML private Label emptyLabel;
    @FXML private Button previousButton;
    @FXML private Label pageLabel;
    @FXML private Button nextButton;
    @FXML private Button zoomOutButton;
    @FXML private Label zoomLabel;
    @FXML private Button zoomInButton;

    public ReportsController(ReportsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        sheetList.setItems(vm.sheets());
        sheetList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ReportSheet s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.title());
            }
        });
        sheetList.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> vm.sheetProperty().set(s));
        vm.sheetProperty().addListener((o, a, s) -> {
            if (s != null && sheetList.getSelectionModel().getSelectedItem() != s) {
                sheetList.getSelectionModel().select(s);
            }
        });

        SpinnerValueFactory.IntegerSpinnerValueFactory years = new SpinnerValueFactory.IntegerSpinnerValueFactory(2000, 2100);
        yearSpinner.setValueFactory(years);
        vm.yearProperty().addListener((o, a, y) -> {
            if (y.intValue() >= 2000) {
                years.setValue(y.intValue());
            }
        });
        years.valueProperty().addListener((o, a, y) -> vm.yearProperty().set(y));

        villageBox.setItems(vm.villages());
        villageBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Village v) {
                return v == null ? Messages.get("report.screen.allVillages") : v.name();
            }

            @Override
            public Village fromString(String s) {
                return null;
            }
        });
        villageBox.valueProperty().bindBidirectional(vm.villageProperty());
        villageBox.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.sheetProperty().get() == null || !vm.sheetProperty().get().byVillage(), vm.sheetProperty()));
        villageLabel.disableProperty().bind(villageBox.disableProperty());
        fullIdBox.selectedProperty().bindBidirectional(vm.fullIdProperty());

        previewButton.disableProperty().bind(vm.busyProperty().or(vm.sheetProperty().isNull()));
        pdfButton.disableProperty().bind(previewButton.disableProperty());
        xlsxButton.disableProperty().bind(previewButton.disableProperty());
        printButton.disableProperty().bind(vm.busyProperty().or(vm.pageCountProperty().isEqualTo(0)));
        progressBar.progressProperty().bind(vm.progressProperty());
        progressBar.visibleProperty().bind(vm.busyProperty());
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(vm.busyProperty());
        messageLabel.textProperty().bind(vm.messageProperty());

        pageView.imageProperty().bind(vm.pageImageProperty());
        // The page sits in the middle of the grey area until it is larger than the area.
        pageHolder.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getWidth(), scroll.viewportBoundsProperty()));
        pageHolder.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
        emptyLabel.visibleProperty().bind(vm.pageImageProperty().isNull());
        pageLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.pageCountProperty().get() == 0 ? ""
                        : Messages.get("report.screen.page", vm.pageProperty().get() + 1, vm.pageCountProperty().get()),
                vm.pageProperty(), vm.pageCountProperty()));
        zoomLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(vm.zoomProperty().get() * 100) + "%", vm.zoomProperty()));
        previousButton.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        nextButton.disableProperty().bind(vm.pageProperty().add(1).greaterThanOrEqualTo(vm.pageCountProperty()));
        zoomInButton.disableProperty().bind(vm.pageCountProperty().isEqualTo(0));
        zoomOutButton.disableProperty().bind(vm.pageCountProperty().isEqualTo(0));
    }

    @FXML
    private void onPreview() {
        vm.preview();
    }

    @FXML
    private void onPrint() {
        vm.print();
    }

    @FXML
    private void onSavePdf() {
        choose(ReportFormat.PDF);
    }

    @FXML
    private void onSaveXlsx() {
        choose(ReportFormat.XLSX);
    }

    private void choose(ReportFormat format) {
        FileChooser chooser = new FileChooser();
        ReportSheet s = vm.sheetProperty().get();
        chooser.setInitialFileName((s == null ? "report" : s.title()) + vm.yearProperty().get() + "." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format == ReportFormat.PDF
                ? "PDF" : "Excel", "*." + format.extension()));
        File file = chooser.showSaveDialog(sheetList.getScene().getWindow());
        if (file != null) {
            vm.save(format, file.toPath());
        }
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onPrevious() {
        vm.previousPage();
    }

    @FXML
    private void onNext() {
        vm.nextPage();
    }

    @FXML
    private void onZoomIn() {
        vm.zoomIn();
    }

    @FXML
    private void onZoomOut() {
        vm.zoomOut();
    }
}
