package org.townshipledger.recyclebin;

import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.Messages;

/** Binds RecycleBinView.fxml to {@link RecycleBinViewModel}; asks before anything is deleted for good. */
public final class RecycleBinController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RecycleBinViewModel vm;

    @FXML private TableView<BinItem> table;
    @FXML private TableColumn<BinItem, String> registerColumn;
    @FXML private TableColumn<BinItem, String> nameColumn;
    @FXML private TableColumn<BinItem, String> detailsColumn;
    @FXML private TableColumn<BinItem, String> deletedColumn;
    @FXML private Button restoreButton;
    @FXML private Button purgeButton;
    @FXML private Button emptyButton;

    public RecycleBinController(RecycleBinViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        table.setItems(vm.items());
        // The columns share the width (the details, e.g. of a visit with its cadres, are the longest).
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        registerColumn.setCellValueFactory(c -> new SimpleStringProperty(RecycleBinViewModel.registerLabel(c.getValue().register())));
        nameColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        detailsColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().details()));
        deletedColumn.setCellValueFactory(c -> new SimpleStringProperty(
                WHEN.format(c.getValue().deletedAt().atZoneSameInstant(java.time.ZoneId.systemDefault()))));
        restoreButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        purgeButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        emptyButton.disableProperty().bind(Bindings.isEmpty(vm.items()).or(vm.busyProperty()));
    }

    @FXML
    private void onRestore() {
        BinItem item = table.getSelectionModel().getSelectedItem();
        if (item != null) {
            vm.restore(item);
        }
    }

    @FXML
    private void onPurge() {
        BinItem item = table.getSelectionModel().getSelectedItem();
        if (item != null && confirm(RecycleBinViewModel.purgeQuestion(item), "recycleBin.purge")) {
            vm.purge(item);
        }
    }

    @FXML
    private void onEmpty() {
        if (!vm.items().isEmpty() && confirm(vm.emptyQuestion(), "recycleBin.emptyBin")) {
            vm.emptyBin();
        }
    }

    /** A warning with the destructive button named as the action and 取消 as the default. */
    private boolean confirm(String question, String actionKey) {
        ButtonType delete = new ButtonType(Messages.get(actionKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, question, delete, cancel);
        alert.initOwner(table.getScene().getWindow());
        alert.setTitle(Messages.get("recycleBin.title"));
        alert.setHeaderText(Messages.get("recycleBin.confirm.header"));
        ((Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert.showAndWait().filter(delete::equals).isPresent();
    }
}
