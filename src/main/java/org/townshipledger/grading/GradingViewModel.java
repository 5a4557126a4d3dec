package org.townshipledger.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;

/**
 * State of the 格次评定 screen (三评三定) for a chosen year: one {@link GradeRow} per village, edited like a
 * spreadsheet. As scores are typed the line's proposal (and its grade, while the user has not chosen another) is
 * worked out with the thresholds from the settings; a bad number is refused in the line. {@link #save} writes every
 * changed line as its own record: a line the service refuses, or one somebody changed meanwhile, keeps what was
 * typed and says why. Years before the working year are shown read-only.
 */
public final class GradingViewModel {

    private final GradingService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;

    private final IntegerProperty year = new SimpleIntegerProperty();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ObservableList<GradeRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private GradingRules rules = GradingRules.defaults();
    private int workingYear;
    private boolean yearSet;

    public GradingViewModel(GradingService service, TaskExecutor executor, StatusBarModel status) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        year.addListener((obs, old, y) -> {
            if (yearSet && old.intValue() != y.intValue()) {
                reload();
            }
        });
    }

    private record Loaded(int workingYear, int year, GradingRules rules, List<VillageGrade> sheet) {
    }

    /** Loads the working year (the first time), the rules and the year's sheet. */
    public void load() {
        busy.set(true);
        boolean first = !yearSet;
        int asked = year.get();
        executor.execute(() -> {
            int working = service.workingYear();
            int y = first ? working : asked;
            return new Loaded(working, y, service.rules(), service.gradeSheet(y));
        }, this::show, this::failed);
    }

    /** Each time the screen is shown: reads the sheet again, unless lines have changes not yet saved. */
    public void shown() {
        if (!hasChanges()) {
            load();
        }
    }

    /** Reads the chosen year's sheet again (unsaved changes are dropped). */
    public void reload() {
        load();
    }

    private void show(Loaded loaded) {
        busy.set(false);
        workingYear = loaded.workingYear();
        rules = loaded.rules();
        if (!yearSet) {
            year.set(loaded.year());
            yearSet = true;
        }
        if (loaded.year() != year.get()) {
            return; // the year changed meanwhile: its own load follows
        }
        readOnly.set(loaded.year() < workingYear);
        List<GradeRow> list = new ArrayList<>();
        for (VillageGrade g : loaded.sheet()) {
            GradeRow row = new GradeRow(g);
            watch(row);
            recompute(row, true);
            list.add(row);
        }
        rows.setAll(list);
        message.set("");
        updateSummary();
    }

    private void watch(GradeRow row) {
        for (StringProperty p : List.of(row.memberProperty(), row.publicScoreProperty(), row.branchProperty(),
                row.satisfactionProperty())) {
            p.addListener((obs, old, v) -> {
                if (!row.loading()) {
                    recompute(row, false);
                    row.markChanged();
                }
            });
        }
        row.reasonProperty().addListener((obs, old, v) -> {
            if (!row.loading()) {
                validate(row);
                row.markChanged();
            }
        });
        row.starsProperty().addListener((obs, old, v) -> row.markChanged());
        row.rewardPenaltyProperty().addListener((obs, old, v) -> row.markChanged());
        row.helpMeasuresProperty().addListener((obs, old, v) -> row.markChanged());
        row.gradeProperty().addListener((obs, old, v) -> {
            if (!row.loading()) {
                row.markChanged();
                updateSummary();
            }
        });
    }

    /** Works the proposal out from the scores as typed; the grade follows it unless the user chose another. */
    private void recompute(GradeRow row, boolean initial) {
        List<String> problems = new ArrayList<>();
        BigDecimal m = score(row.memberProperty().get(), "grading.field.memberScore", problems);
        BigDecimal p = score(row.publicScoreProperty().get(), "grading.field.publicScore", problems);
        BigDecimal b = score(row.branchProperty().get(), "grading.field.branchScore", problems);
        score(row.satisfactionProperty().get(), "grading.field.satisfaction", problems);
        GradeScores scores = new GradeScores(m, p, b);
        BigDecimal composite = problems.isEmpty() ? rules.composite(scores) : null;
        Grade proposal = composite == null ? null : rules.gradeFor(composite);
        row.composite(composite == null ? "" : composite.stripTrailingZeros().toPlainString());
        row.proposedWritable().set(proposal);
        if (!initial && !row.gradeChosen() && proposal != null) {
            row.gradeProperty().set(proposal);
        }
        if (row.gradeChosen() && row.gradeProperty().get() == proposal) {
            row.gradeChosen(false);
        }
        row.error(String.join("；", problems));
        if (problems.isEmpty()) {
            validate(row);
        }
    }

    /** The line's own problems: a bad number (set by recompute) or an override without a reason. */
    private void validate(GradeRow row) {
        Grade g = row.gradeProperty().get();
        Grade proposal = row.proposedProperty().get();
        if (!row.errorProperty().get().isEmpty() && !isReasonError(row)) {
            return;
        }
        if (g != null && proposal != null && g != proposal && row.reasonProperty().get().isBlank()) {
            row.error(Messages.get("grading.error.reason", g.label(), proposal.label()));
        } else {
            row.error("");
        }
    }

    private static boolean isReasonError(GradeRow row) {
        Grade g = row.gradeProperty().get();
        Grade proposal = row.proposedProperty().get();
        return g != null && proposal != null
                && row.errorProperty().get().equals(Messages.get("grading.error.reason", g.label(), proposal.label()));
    }

    /** A score or percentage as typed: blank is none; otherwise 0–100 with at most two decimals. */
    private static BigDecimal score(String text, String fieldKey, List<String> problems) {
        String v = text == null ? "" : text.strip().replace("%", "").replace("％", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0 || d.stripTrailingZeros().scale() > 2) {
                problems.add(Messages.get("gradingScreen.error.field", Messages.get(fieldKey),
                        Messages.get("grading.error.score")));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(Messages.get("gradingScreen.error.number", Messages.get(fieldKey), text.strip()));
            return null;
        }
    }

    /** Whether setting {@code g} on the line is an override of its proposal, for which the screen asks a reason. */
    public boolean needsReason(GradeRow row, Grade g) {
        Grade proposal = row.proposedProperty().get();
        return g != null && proposal != null && g != proposal;
    }

    /**
     * Sets the line's grade: back to the proposal (the reason is dropped and the grade follows the scores again),
     * or another grade with the reason given.
     */
    public void chooseGrade(GradeRow row, Grade g, String reason) {
        if (readOnly.get()) {
            return;
        }
        boolean override = needsReason(row, g);
        row.gradeChosen(override || (g != null && row.proposedProperty().get() == null));
        row.gradeProperty().set(g);
        row.reasonProperty().set(override ? Objects.requireNonNullElse(reason, "").strip() : "");
        validate(row);
        row.markChanged();
    }

    /** The draft a line would save. */
    private static VillageGrade draft(GradeRow row) {
        VillageGrade r = row.record();
        GradeScores scores = new GradeScores(parse(row.memberProperty().get()), parse(row.publicScoreProperty().get()),
                parse(row.branchProperty().get()));
        return new VillageGrade(r.id(), r.villageId(), r.villageName(), r.year(), scores,
                parse(row.satisfactionProperty().get()), null, row.gradeProperty().get(),
                row.reasonProperty().get(), row.rewardPenaltyProperty().get(), row.helpMeasuresProperty().get(),
                row.starsProperty().get(), r.version());
    }

    private static BigDecimal parse(String text) {
        String v = text == null ? "" : text.strip().replace("%", "").replace("％", "");
        return v.isEmpty() ? null : new BigDecimal(v);
    }

    /**
     * Saves every changed line, each as its own record (Ctrl+S). Lines with a problem shown are not sent; a line the
     * service refuses or finds stale keeps what was typed and shows why; the others take the saved record.
     */
    public void save() {
        if (readOnly.get() || busy.get()) {
            return;
        }
        List<GradeRow> changed = rows.stream().filter(GradeRow::isChanged).toList();
        List<GradeRow> ready = changed.stream().filter(r -> r.errorProperty().get().isEmpty()).toList();
        int held = changed.size() - ready.size();
        if (changed.isEmpty()) {
            message.set(Messages.get("gradingScreen.nothingToSave"));
            return;
        }
        List<VillageGrade> drafts = ready.stream().map(GradingViewModel::draft).toList();
        busy.set(true);
        executor.execute(() -> LineSaves.saveEach(ready, drafts, service::save), outcomes -> {
            message.set(LineSaves.apply(outcomes, held, (row, g) -> {
                row.read(g);
                recompute(row, true);
            }, GradeRow::error));
            status.show(message.get());
            updateSummary();
            busy.set(false);
        }, this::failed);
    }

    /**
     * Moves the line's saved record to the recycle bin (the line goes back to blank for its village); the status bar
     * offers 撤销. A line never saved has nothing to delete; past years are read-only.
     */
    public void delete(GradeRow row) {
        if (row == null || readOnly.get() || busy.get()) {
            return;
        }
        if (!row.saved()) {
            message.set(Messages.get("gradingScreen.nothingToDelete", row.village()));
            return;
        }
        VillageGrade g = row.record();
        busy.set(true);
        executor.execute(() -> {
            service.remove(g);
            return g;
        }, removed -> {
            row.read(new VillageGrade(null, removed.villageId(), removed.villageName(), removed.year(),
                    GradeScores.NONE, null, null, null, null, null, null, null, 0));
            recompute(row, true);
            updateSummary();
            message.set("");
            busy.set(false); // last: the 删除 button reads the line's state when busy changes
            status.offerUndo(Messages.get("gradingScreen.status.deleted", removed.villageName(), removed.year()),
                    () -> restore(removed.id()));
        }, e -> {
            busy.set(false);
            message.set(e.getMessage());
            status.show(e.getMessage());
        });
    }

    /** Brings a deleted grade back (the 撤销 of {@link #delete}); its line shows it again when its year is shown. */
    public void restore(java.util.UUID id) {
        busy.set(true);
        executor.execute(() -> service.restoreGrade(id), restored -> {
            if (restored.year() == year.get()) {
                rows.stream().filter(r -> r.record().villageId().equals(restored.villageId())).findFirst()
                        .ifPresent(r -> {
                            r.read(restored);
                            recompute(r, true);
                        });
                updateSummary();
            }
            busy.set(false);
            status.show(Messages.get("gradingScreen.status.restored", restored.villageName(), restored.year()));
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
        });
    }

    private void updateSummary() {
        long graded = rows.stream().filter(r -> r.gradeProperty().get() != null).count();
        StringBuilder counts = new StringBuilder();
        for (Grade g : Grade.values()) {
            long n = rows.stream().filter(r -> r.gradeProperty().get() == g).count();
            if (counts.length() > 0) {
                counts.append("  ");
            }
            counts.append(Messages.get("gradingScreen.gradeCount", g.label(), n));
        }
        summary.set(Messages.get("gradingScreen.summary", rows.size(), graded, counts.toString()));
    }

    private void failed(Exception e) {
        busy.set(false);
        message.set(Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName())));
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ObservableList<GradeRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** "共 12 村，已定格次 10 村：好 3、较好 4 …". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The outcome of the last save or load problem; empty when none. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Whether a line has changes not yet saved. */
    public boolean hasChanges() {
        return rows.stream().anyMatch(GradeRow::isChanged);
    }

    public int workingYear() {
        return workingYear;
    }
}
