package org.townshipledger.ui;

import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.townshipledger.common.Messages;

/**
 * Shows a {@link StaleConflict}: every field with 我填写的 beside 已保存的 (rows that differ marked), and lets the
 * clerk copy theirs to the clipboard (the dialog stays open), load the saved version into the form, or close and
 * keep the form as typed.
 */
public final class StaleConflictDialog {

    /** What the clerk chose. */
    public enum Choice { RELOAD, KEEP }

    /** The dialog's style class, for screen tests to find it. */
    public static final String STYLE_CLASS = "stale-conflict";

    private StaleConflictDialog() {
    }

    public static Optional<Choice> show(Window owner, StaleConflict conflict) {
        Alert alert = build(conflict);
        alert.initOwner(owner);
        return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? Choice.RELOAD
                : Choice.KEEP);
    }

    static Alert build(StaleConflict conflict) {
        ButtonType copy = new ButtonType(Messages.get("stale.copy"), ButtonBar.ButtonData.LEFT);
        ButtonType reload = new ButtonType(Messages.get("stale.reload"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Messages.get("stale.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", copy, reload, keep);
        alert.setTitle(Messages.get("stale.title"));
        alert.setHeaderText(conflict.explanation());
        alert.getDialogPane().getStyleClass().add(STYLE_CLASS);
        java.net.URL css = StaleConflictDialog.class.getResource("/org/townshipledger/app/app.css");
        if (css != null) {
            alert.getDialogPane().getStylesheets().add(css.toExternalForm());
        }

        TableView<StaleConflict.Field> table = new TableView<>();
        table.getItems().setAll(conflict.fields());
        TableColumn<StaleConflict.Field, String> label = new TableColumn<>(Messages.get("stale.column.field"));
        label.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().label()));
        label.setPrefWidth(110);
        TableColumn<StaleConflict.Field, String> yours = new TableColumn<>(Messages.get("stale.column.yours"));
        yours.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().yours()));
        yours.setPrefWidth(220);
        TableColumn<StaleConflict.Field, String> saved = new TableColumn<>(conflict.savedGone()
                ? Messages.get("stale.column.savedGone") : Messages.get("stale.column.saved"));
        saved.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().saved()));
        saved.setPrefWidth(220);
        table.getColumns().add(label);
        table.getColumns().add(yours);
        table.getColumns().add(saved);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StaleConflict.Field item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("stale-differs");
                if (!empty && item != null && item.differs()) {
                    getStyleClass().add("stale-differs");
                }
            }
        });
        table.setPrefHeight(Math.min(420, 32 + 28 * (conflict.fields().size() + 1)));
        table.setPrefWidth(580);
        Label copied = new Label();
        copied.getStyleClass().add("text-muted");
        VBox content = new VBox(8, table, copied);
        alert.getDialogPane().setContent(content);
        alert.setResizable(true);

        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(conflict.yoursAsText());
            Clipboard.getSystemClipboard().setContent(text);
            copied.setText(Messages.get("stale.copied"));
            e.consume(); // stays open: the clerk may still reload
        });
        ((Button) alert.getDialogPane().lookupButton(reload)).setDefaultButton(true);
        return alert;
    }
}
