package org.townshipledger.grading;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the 星级评定 screen: a member (五星党员) or a secretary (五星书记), the village, the name and the stars,
 * as chosen and typed; what is wrong with the line; the record it was read from (id null for a new line) and whether
 * anything changed since.
 */
public final class StarRow {

    private StarRating record;
    private final ObjectProperty<StarSubject> subject = new SimpleObjectProperty<>();
    private final ObjectProperty<StarCandidate> village = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Integer> stars = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty changed = new SimpleBooleanProperty();
    private boolean loading;

    StarRow(StarRating record) {
        read(record);
        subject.addListener((obs, old, v) -> markChanged());
        village.addListener((obs, old, v) -> markChanged());
        name.addListener((obs, old, v) -> markChanged());
        stars.addListener((obs, old, v) -> markChanged());
    }

    /** Takes the record's values (on loading, and after a save) and forgets the changes. */
    void read(StarRating r) {
        loading = true;
        try {
            record = r;
            subject.set(r.subject());
            village.set(r.villageId() == null ? null : new StarCandidate(null, null, r.villageId(), r.villageName()));
            name.set(r.personName() == null ? "" : r.personName());
            stars.set(r.stars() == 0 ? null : r.stars());
            error.set("");
        } finally {
            loading = false;
        }
        changed.set(record.id() == null);
    }

    StarRating record() {
        return record;
    }

    /** Whether the line shows a saved rating (which can be deleted). */
    public boolean saved() {
        return record.id() != null;
    }

    private void markChanged() {
        if (loading) {
            return;
        }
        StarCandidate v = village.get();
        boolean differs = record.id() == null || subject.get() != record.subject()
                || !Objects.equals(v == null ? null : v.villageId(), record.villageId())
                || !name.get().strip().equals(record.personName() == null ? "" : record.personName())
                || !Objects.equals(stars.get(), record.stars() == 0 ? null : record.stars());
        changed.set(differs);
    }

    public ObjectProperty<StarSubject> subjectProperty() {
        return subject;
    }

    /** The village (a {@link StarCandidate} without a cadre). */
    public ObjectProperty<StarCandidate> villageProperty() {
        return village;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** 1–5, or null while not chosen. */
    public ObjectProperty<Integer> starsProperty() {
        return stars;
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
