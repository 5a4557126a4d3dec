package org.townshipledger.grading;

import java.math.BigDecimal;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.townshipledger.common.Messages;

/**
 * One village's line on the 格次评定 screen, as typed: the scores and 满意率 as text (a bad number stays as typed and
 * the line says what is wrong), the grade proposed from them (worked out as the user types), the grade set (it
 * follows the proposal until the user chooses another), the reason for an override, the stars and the two texts.
 * The line remembers the record it was read from (id and version) and whether anything changed since.
 */
public final class GradeRow {

    private VillageGrade record;
    private final StringProperty member = new SimpleStringProperty("");
    private final StringProperty publicScore = new SimpleStringProperty("");
    private final StringProperty branch = new SimpleStringProperty("");
    private final StringProperty satisfaction = new SimpleStringProperty("");
    private final ObjectProperty<Grade> proposed = new SimpleObjectProperty<>();
    private final ObjectProperty<Grade> grade = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<Integer> stars = new SimpleObjectProperty<>();
    private final StringProperty rewardPenalty = new SimpleStringProperty("");
    private final StringProperty helpMeasures = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty composite = new SimpleStringProperty("");
    private final BooleanProperty changed = new SimpleBooleanProperty();
    /** The user chose a grade other than the proposal: it no longer follows the scores. */
    private boolean gradeChosen;
    private boolean loading;

    GradeRow(VillageGrade record) {
        read(record);
    }

    /** Takes the record's values (on loading, and after a save) and forgets the changes. */
    void read(VillageGrade g) {
        loading = true;
        try {
            record = g;
            member.set(text(g.scores().memberScore()));
            publicScore.set(text(g.scores().publicScore()));
            branch.set(text(g.scores().branchScore()));
            satisfaction.set(text(g.satisfaction()));
            proposed.set(g.proposed());
            grade.set(g.grade());
            reason.set(nz(g.overrideReason()));
            stars.set(g.stars());
            rewardPenalty.set(nz(g.rewardPenalty()));
            helpMeasures.set(nz(g.helpMeasures()));
            error.set("");
            gradeChosen = g.grade() != null && g.grade() != g.proposed();
        } finally {
            loading = false;
        }
        changed.set(false);
    }

    boolean loading() {
        return loading;
    }

    VillageGrade record() {
        return record;
    }

    public String village() {
        return record.villageName();
    }

    /** Whether the line shows a saved record (which can be deleted). */
    public boolean saved() {
        return record.id() != null;
    }

    boolean gradeChosen() {
        return gradeChosen;
    }

    void gradeChosen(boolean chosen) {
        gradeChosen = chosen;
    }

    /** Notes whether the line now differs from the record it was read from (typing back the old value undoes it). */
    void markChanged() {
        if (!loading) {
            changed.set(differs());
        }
    }

    private boolean differs() {
        VillageGrade r = record;
        return !same(member.get(), text(r.scores().memberScore()))
                || !same(publicScore.get(), text(r.scores().publicScore()))
                || !same(branch.get(), text(r.scores().branchScore()))
                || !same(satisfaction.get(), text(r.satisfaction()))
                || grade.get() != r.grade()
                || !same(reason.get(), nz(r.overrideReason()))
                || !Objects.equals(stars.get(), r.stars())
                || !same(rewardPenalty.get(), nz(r.rewardPenalty()))
                || !same(helpMeasures.get(), nz(r.helpMeasures()));
    }

    /** Equal as typed text, or as the same number ("90" and "90.0"). */
    static boolean same(String typed, String stored) {
        String a = typed == null ? "" : typed.strip();
        if (a.equals(stored)) {
            return true;
        }
        try {
            return !a.isEmpty() && !stored.isEmpty() && new BigDecimal(a).compareTo(new BigDecimal(stored)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String text(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** "★★★" for three stars, empty when none. */
    public static String starText(Integer n) {
        return n == null ? "" : "★".repeat(n);
    }

    /** The grade's label, with the proposal noted when the grade differs from it. */
    public String gradeText() {
        Grade g = grade.get();
        if (g == null) {
            return "";
        }
        return proposed.get() != null && proposed.get() != g ? Messages.get("gradingScreen.overridden", g.label())
                : g.label();
    }

    public StringProperty memberProperty() {
        return member;
    }

    public StringProperty publicScoreProperty() {
        return publicScore;
    }

    public StringProperty branchProperty() {
        return branch;
    }

    public StringProperty satisfactionProperty() {
        return satisfaction;
    }

    public ReadOnlyObjectProperty<Grade> proposedProperty() {
        return proposed;
    }

    ObjectProperty<Grade> proposedWritable() {
        return proposed;
    }

    public ObjectProperty<Grade> gradeProperty() {
        return grade;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObjectProperty<Integer> starsProperty() {
        return stars;
    }

    public StringProperty rewardPenaltyProperty() {
        return rewardPenalty;
    }

    public StringProperty helpMeasuresProperty() {
        return helpMeasures;
    }

    /** What is wrong with the line, in the user's language; empty when nothing. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    void error(String text) {
        error.set(Objects.requireNonNullElse(text, ""));
    }

    /** The weighted score the proposal reads, "85.33"; empty while a score is missing or bad. */
    public ReadOnlyStringProperty compositeProperty() {
        return composite;
    }

    void composite(String text) {
        composite.set(text);
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed;
    }

    public boolean isChanged() {
        return changed.get();
    }
}
