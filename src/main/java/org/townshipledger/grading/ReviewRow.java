package org.townshipledger.grading;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One secretary's line on the 述职考核 screen: the four part scores as typed, the total and result worked out as they
 * are typed (with the weights of the secretary's kind from the settings), a note, and what is wrong with the line.
 */
public final class ReviewRow {

    private SecretaryReview record;
    private final List<StringProperty> parts = List.of(new SimpleStringProperty(""), new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""));
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty total = new SimpleStringProperty("");
    private final ObjectProperty<ReviewResult> result = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty changed = new SimpleBooleanProperty();
    private boolean loading;

    ReviewRow(SecretaryReview record) {
        read(record);
    }

    void read(SecretaryReview r) {
        loading = true;
        try {
            record = r;
            for (int i = 0; i < 4; i++) {
                parts.get(i).set(i < r.parts().size() ? GradeRow.text(r.parts().get(i)) : "");
            }
            note.set(r.note() == null ? "" : r.note());
            error.set("");
        } finally {
            loading = false;
        }
        changed.set(false);
    }

    boolean loading() {
        return loading;
    }

    SecretaryReview record() {
        return record;
    }

    public ReviewKind kind() {
        return record.kind();
    }

    public String name() {
        return record.cadreName();
    }

    public String village() {
        return record.villageName() == null ? "" : record.villageName();
    }

    public boolean saved() {
        return record.id() != null;
    }

    /** Notes whether the line now differs from the record it was read from. */
    void markChanged() {
        if (!loading) {
            boolean differs = !GradeRow.same(note.get(), record.note() == null ? "" : record.note());
            for (int i = 0; i < 4; i++) {
                differs |= !GradeRow.same(parts.get(i).get(),
                        i < record.parts().size() ? GradeRow.text(record.parts().get(i)) : "");
            }
            changed.set(differs);
        }
    }

    /** Part {@code i} (0–3) as typed. */
    public StringProperty partProperty(int i) {
        return parts.get(i);
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The weighted total, "86.4"; empty while a part is missing or bad. */
    public ReadOnlyStringProperty totalProperty() {
        return total;
    }

    void total(String text) {
        total.set(text);
    }

    public ReadOnlyObjectProperty<ReviewResult> resultProperty() {
        return result;
    }

    void result(ReviewResult r) {
        result.set(r);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    void error(String text) {
        error.set(text == null ? "" : text);
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed;
    }

    public boolean isChanged() {
        return changed.get();
    }
}
