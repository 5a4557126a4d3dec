package org.townshipledger.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;

/**
 * A simple autocompletion popup under a text field: it lists {@code items} (kept up to date by the view model as the
 * text changes) while the field has the focus. Down goes into the list, Enter picks the selected entry (or the first
 * one when the list is open and nothing is selected), Escape closes it; a click picks too.
 */
public final class SuggestField<T> {

    private final TextField field;
    private final ObservableList<T> items;
    private final Consumer<T> onPick;
    private final Popup popup = new Popup();
    private final ListView<T> list = new ListView<>();

    private SuggestField(TextField field, ObservableList<T> items, Function<T, String> label, Consumer<T> onPick) {
        this.field = field;
        this.items = items;
        this.onPick = onPick;
        list.setItems(items);
        list.getStyleClass().add("suggest-list");
        list.setPrefWidth(340);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label.apply(item));
            }
        });
        list.setOnMouseClicked(e -> pick(list.getSelectionModel().getSelectedItem()));
        popup.getContent().add(list);
        popup.setAutoHide(true);
        items.addListener((ListChangeListener<T>) c -> refresh());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                popup.hide();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    /** Attaches the popup to {@code field}; {@code onPick} gets the entry chosen. */
    public static <T> SuggestField<T> attach(TextField field, ObservableList<T> items, Function<T, String> label,
                                             Consumer<T> onPick) {
        return new SuggestField<>(field, items, label, onPick);
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    private void refresh() {
        if (items.isEmpty() || !field.isFocused() || field.getScene() == null || field.getScene().getWindow() == null) {
            popup.hide();
            return;
        }
        list.setPrefHeight(Math.min(items.size(), 8) * 26 + 4);
        list.setPrefWidth(Math.max(340, field.getWidth()));
        list.getSelectionModel().clearSelection();
        if (!popup.isShowing()) {
            Bounds b = field.localToScreen(field.getBoundsInLocal());
            if (b == null) {
                return;
            }
            popup.show(field, b.getMinX(), b.getMaxY());
        }
    }

    private void key(KeyEvent e) {
        if (!popup.isShowing() || items.isEmpty()) {
            return;
        }
        int i = list.getSelectionModel().getSelectedIndex();
        switch (e.getCode()) {
            case DOWN -> {
                list.getSelectionModel().select(Math.min(items.size() - 1, i + 1));
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
                e.consume();
            }
            case UP -> {
                list.getSelectionModel().select(Math.max(0, i - 1));
                e.consume();
            }
            case ENTER -> {
                if (!e.isShortcutDown()) {
                    pick(items.get(Math.max(0, i)));
                    e.consume();
                }
            }
            case ESCAPE -> {
                popup.hide();
                e.consume();
            }
            default -> {
                // typing goes on into the field
            }
        }
    }

    private void pick(T item) {
        if (item == null) {
            return;
        }
        popup.hide();
        onPick.accept(item);
    }

    /** Whether Enter in the field was taken by the popup (so the form should not move on). */
    public static boolean isEnter(KeyEvent e) {
        return e.getCode() == KeyCode.ENTER;
    }
}
