package org.townshipledger.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.townshipledger.common.Messages;

/** What the status bar says: the last save, an error, or an action that can be undone. */
public final class StatusBarModel {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Runnable> undo = new SimpleObjectProperty<>();

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The undo action on offer, or null. */
    public ReadOnlyObjectProperty<Runnable> undoProperty() {
        return undo;
    }

    /** "已保存 14:05". */
    public void saved(LocalTime at) {
        show(Messages.get("status.saved", HH_MM.format(at)));
    }

    public void show(String text) {
        undo.set(null);
        message.set(text);
    }

    /** Shows {@code text} with an 撤销 link that runs {@code action} once. */
    public void offerUndo(String text, Runnable action) {
        message.set(text);
        undo.set(action);
    }

    public void undo() {
        Runnable action = undo.get();
        undo.set(null);
        if (action != null) {
            action.run();
        }
    }
}
