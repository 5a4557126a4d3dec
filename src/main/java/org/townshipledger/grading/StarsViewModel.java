package org.townshipledger.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
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
 * State of the 星级评定 screen for a chosen year: the star ratings of party members (五星党员) and secretaries
 * (五星书记), one {@link StarRow} each, edited like a spreadsheet; {@link #add} starts a new line, {@link #save}
 * writes every changed line as its own record, {@link #delete} moves a saved one to the recycle bin with 撤销. The
 * summary gives each subject's five-star share against the target from the settings (the organisations' share is on
 * the 格次评定 and 格次统计 screens). Years before the working year are read-only.
 */
public final class StarsViewModel {

    /** The subjects this screen rates. */
    public static final List<StarSubject> SUBJECTS = List.of(StarSubject.MEMBER, StarSubject.SECRETARY);

    private final GradingService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;

    private final IntegerProperty year = new SimpleIntegerProperty();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ObservableList<StarRow> rows = FXCollections.observableArrayList();
    private final ObservableList<StarCandidate> villages = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private int target = GradingRules.defaults().fiveStarTarget();
    private boolean yearSet;

    public StarsViewModel(GradingService service, TaskExecutor executor, StatusBarModel status) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        year.addListener((obs, old, y) -> {
            if (yearSet && old.intValue() != y.intValue()) {
                load();
            }
        });
    }

    private record Loaded(int workingYear, int year, int target, List<StarCandidate> villages,
                          List<StarRating> ratings) {
    }

    /** Loads the working year (the first time), the villages and the year's ratings. */
    public void load() {
        busy.set(true);
        boolean first = !yearSet;
        int asked = year.get();
        executor.execute(() -> {
            int working = service.workingYear();
            int y = first ? working : asked;
            return new Loaded(working, y, service.rules().fiveStarTarget(), service.villageChoices(y),
                    service.stars(y));
        }, this::show, this::failed);
    }

    /** Each time the screen is shown: reads the year again, unless lines have changes not yet saved. */
    public void shown() {
        if (!hasChanges()) {
            load();
        }
    }

    private void show(Loaded loaded) {
        if (!yearSet) {
            year.set(loaded.year());
            yearSet = true;
        }
        if (loaded.year() != year.get()) {
            busy.set(false);
            return; // the year changed meanwhile: its own load follows
        }
        target = loaded.target();
        readOnly.set(loaded.year() < loaded.workingYear());
        villages.setAll(loaded.villages());
        List<StarRow> list = new ArrayList<>();
        for (StarRating r : loaded.ratings()) {
            list.add(watch(new StarRow(r)));
        }
        rows.setAll(list);
        message.set("");
        updateSummary();
        busy.set(false);
    }

    private StarRow watch(StarRow row) {
        row.starsProperty().addListener((obs, old, v) -> updateSummary());
        row.subjectProperty().addListener((obs, old, v) -> updateSummary());
        return row;
    }

    /**
     * A new line under the chosen one (at the end when none is chosen): a member unless the chosen line is a
     * secretary, in the chosen line's village.
     *
     * @return the new line (the screen starts editing its name)
     */
    public StarRow add(StarRow like) {
        if (readOnly.get()) {
            return null;
        }
        StarSubject subject = like == null ? StarSubject.MEMBER : like.subjectProperty().get();
        StarCandidate village = like == null ? null : like.villageProperty().get();
        StarRow row = watch(new StarRow(new StarRating(null, year.get(), subject,
                village == null ? null : village.villageId(), village == null ? null : village.villageName(), null,
                "", 0, 0)));
        int after = like == null ? -1 : rows.indexOf(like);
        rows.add(after < 0 ? rows.size() : after + 1, row);
        updateSummary();
        return row;
    }

    /** The line's own problems, before anything is sent. */
    private static String check(StarRow row) {
        List<String> problems = new ArrayList<>();
        if (row.subjectProperty().get() == null) {
            problems.add(Messages.get("grading.error.subject"));
        }
        if (row.villageProperty().get() == null) {
            problems.add(Messages.get("grading.error.village"));
        }
        String name = row.nameProperty().get().strip();
        if (name.isEmpty() || name.length() > GradingService.NAME_MAX) {
            problems.add(Messages.get("grading.error.person"));
        }
        if (row.starsProperty().get() == null) {
            problems.add(Messages.get("starScreen.error.stars"));
        }
        return String.join("；", problems);
    }

    private StarRating draft(StarRow row) {
        StarRating r = row.record();
        StarCandidate v = row.villageProperty().get();
        return new StarRating(r.id(), r.year(), row.subjectProperty().get(), v.villageId(), v.villageName(),
                r.cadreId(), row.nameProperty().get().strip(), row.starsProperty().get(), r.version());
    }

    /**
     * Saves every changed line, each as its own record (Ctrl+S). A line with a problem says so and is not sent; a
     * line the service refuses or finds stale keeps what was typed and shows why.
     */
    public void save() {
        if (readOnly.get() || busy.get()) {
            return;
        }
        List<StarRow> changed = rows.stream().filter(StarRow::isChanged).toList();
        if (changed.isEmpty()) {
            message.set(Messages.get("gradingScreen.nothingToSave"));
            return;
        }
        List<StarRow> ready = new ArrayList<>();
        for (StarRow r : changed) {
            r.error(check(r));
            if (r.errorProperty().get().isEmpty()) {
                ready.add(r);
            }
        }
        int held = changed.size() - ready.size();
        List<StarRating> drafts = ready.stream().map(this::draft).toList();
        busy.set(true);
        executor.execute(() -> LineSaves.saveEach(ready, drafts, service::saveStar), outcomes -> {
            message.set(LineSaves.apply(outcomes, held, StarRow::read, StarRow::error));
            status.show(message.get());
            updateSummary();
            busy.set(false);
        }, this::failed);
    }

    /**
     * Deletes a line: a new one is just dropped; a saved one goes to the recycle bin and the status bar offers 撤销.
     */
    public void delete(StarRow row) {
        if (row == null || readOnly.get() || busy.get()) {
            return;
        }
        if (!row.saved()) {
            rows.remove(row);
            updateSummary();
            return;
        }
        StarRating s = row.record();
        busy.set(true);
        executor.execute(() -> {
            service.removeStar(s);
            return s;
        }, removed -> {
            rows.remove(row);
            updateSummary();
            message.set("");
            busy.set(false);
            status.offerUndo(Messages.get("starScreen.status.deleted", StarBin.name(removed)),
                    () -> restore(removed.id()));
        }, e -> {
            busy.set(false);
            message.set(e.getMessage());
            status.show(e.getMessage());
        });
    }

    /** Brings a deleted rating back (the 撤销 of {@link #delete}); its line comes back when its year is shown. */
    public void restore(UUID id) {
        busy.set(true);
        executor.execute(() -> service.restoreStar(id), restored -> {
            if (restored.year() == year.get() && rows.stream().noneMatch(r -> id.equals(r.record().id()))) {
                rows.add(watch(new StarRow(restored)));
                updateSummary();
            }
            busy.set(false);
            status.show(Messages.get("starScreen.status.restored", StarBin.name(restored)));
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
        });
    }

    /** "五星党员 15/75（20.0%）  五星书记 7/24（29.2%）  目标 50%". */
    private void updateSummary() {
        List<String> parts = new ArrayList<>();
        for (StarSubject s : SUBJECTS) {
            long rated = rows.stream().filter(r -> r.subjectProperty().get() == s && r.starsProperty().get() != null)
                    .count();
            long five = rows.stream().filter(r -> r.subjectProperty().get() == s
                    && Objects.equals(r.starsProperty().get(), 5)).count();
            String share = rated == 0 ? "0.0" : java.math.BigDecimal.valueOf(five * 100)
                    .divide(java.math.BigDecimal.valueOf(rated), 1, java.math.RoundingMode.HALF_UP).toPlainString();
            parts.add(Messages.get("starScreen.share", s.label(), five, rated, share));
        }
        summary.set(Messages.get("starScreen.summary", String.join("  ", parts), target));
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

    public ObservableList<StarRow> rows() {
        return rows;
    }

    /** The villages in use, for the village column's choice. */
    public ObservableList<StarCandidate> villages() {
        return villages;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public boolean hasChanges() {
        return rows.stream().anyMatch(StarRow::isChanged);
    }
}
