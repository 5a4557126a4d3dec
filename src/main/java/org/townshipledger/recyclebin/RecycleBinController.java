package org.townshipledger.recyclebin;

import java.time.format.DateTimeFormatter;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds RecycleBinView.fxml to {@link RecycleBinViewModel}. */
public final class RecycleBinController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RecycleBinViewModel vm;

    @FXML private TableView<BinItem> table;
    @FXML private TableColumn<BinItem, String> registerColumn;
    @FXML private TableColumn<BinItem, String> nameColumn;
    @FXML private TableColumn<BinItem, String> detailsColumn;
    @FXML private TableColumn<BinItem, String> deletedColumn;
    @FXML private Button restoreButton;

    public RecycleBinController(RecycleBinViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        table.setItems(vm.items());
        registerColumn.setCellValueFactory(c -> new SimpleStringProperty(RecycleBinViewModel.registerLabel(c.getValue().register())));
        nameColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        detailsColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().details()));
        deletedColumn.setCellValueFactory(c -> new SimpleStringProperty(
                WHEN.format(c.getValue().deletedAt().atZoneSameInstant(java.time.ZoneId.systemDefault()))));
        restoreButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
    }

    @FXML
    private void onRestore() {
        BinItem item = table.getSelectionModel().getSelectedItem();
        if (item != null) {
            vm.restore(item);
        }
    }
}
