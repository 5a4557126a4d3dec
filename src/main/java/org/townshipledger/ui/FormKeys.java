package org.townshipledger.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Enter moves to the next field, as on a paper form (not in a multi-line note, nor while a list is open). */
public final class FormKeys {

    private FormKeys() {
    }

    /** Enter in each node of {@code order} moves the focus to the next one that can take it. */
    public static void enterMovesFocus(Node... order) {
        List<Node> fields = List.of(order);
        for (int i = 0; i < fields.size(); i++) {
            Node field = fields.get(i);
            if (field instanceof TextArea) {
                continue;
            }
            int from = i;
            field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                // Consumed: another filter of the field took the Enter (an autocompletion popup picking an entry).
                if (e.getCode() != KeyCode.ENTER || e.isConsumed() || e.isShortcutDown() || e.isAltDown()
                        || e.isShiftDown()) {
                    return;
                }
                if (field instanceof ComboBoxBase<?> box && box.isShowing()) {
                    return;
                }
                if (field instanceof DatePicker picker) {
                    commit(picker);
                }
                for (int j = from + 1; j < fields.size(); j++) {
                    Node next = fields.get(j);
                    if (!next.isDisabled() && next.isVisible() && next.isFocusTraversable()) {
                        next.requestFocus();
                        e.consume();
                        return;
                    }
                }
            });
        }
    }

    /** A date typed into the picker's text box is taken (it is otherwise taken only when the box loses focus). */
    private static void commit(DatePicker picker) {
        try {
            picker.setValue(picker.getConverter().fromString(picker.getEditor().getText()));
        } catch (RuntimeException unreadable) {
            picker.getEditor().setText(picker.getConverter().toString(picker.getValue()));
        }
    }
}
