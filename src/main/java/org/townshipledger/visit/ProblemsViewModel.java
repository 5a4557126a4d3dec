package org.townshipledger.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/**
 * State of the 诉求与矛盾 screen: the problems raised in a year (filtered by village and status), the resolution
 * rate of the village (or all villages) in that year above the list, and the form of the selected or a new problem:
 * kind and dispute kind, who raised it, village, date, status step (排查 → 调处中 → 已化解, or 上报乡镇/上报县), resolved
 * date, how and at which level.
 */
public final class ProblemsViewModel {

    public static final String F_KIND = "kind";
    public static final String F_SUB_KIND = "subKind";
    public static final String F_RAISED_BY = "raisedBy";
    public static final String F_VILLAGE = "village";
    public static final String F_RAISED_ON = "raisedOn";
    public static final String F_DESCRIPTION = "description";
    public static final String F_STATUS = "status";
    public static final String F_RESOLVED_ON = "resolvedOn";
    public static final String F_RESOLUTION = "resolution";
    public static final String F_LEVEL = "level";
    static final List<String> FIELDS = List.of(F_KIND, F_SUB_KIND, F_RAISED_BY, F_VILLAGE, F_RAISED_ON,
            F_DESCRIPTION, F_STATUS, F_RESOLVED_ON, F_RESOLUTION, F_LEVEL);

    private final VisitService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObjectProperty<Village> village = new SimpleObjectProperty<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObjectProperty<ProblemStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObservableList<Problem> rows = FXCollections.observableArrayList();
    private final StringProperty rateText = new SimpleStringProperty("");
    private final ObjectProperty<ProblemTally.Line> rate = new SimpleObjectProperty<>();

    private final ObjectProperty<Problem> editing = new SimpleObjectProperty<>();
    private final ObjectProperty<ProblemKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<DisputeKind> subKind = new SimpleObjectProperty<>();
    private final StringProperty raisedBy = new SimpleStringProperty("");
    private final ObjectProperty<Village> formVillage = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> raisedOn = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<ProblemStatus> problemStatus = new SimpleObjectProperty<>(ProblemStatus.FOUND);
    private final ObjectProperty<LocalDate> resolvedOn = new SimpleObjectProperty<>();
    private final StringProperty resolution = new SimpleStringProperty("");
    private final ObjectProperty<SettledLevel> level = new SimpleObjectProperty<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final StringProperty formError = new SimpleStringProperty("");

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final AtomicLong latest = new AtomicLong();

    public ProblemsViewModel(VisitService service, TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        FIELDS.forEach(f -> errors.put(f, new SimpleStringProperty("")));
        // Opens on the ledger's working year (the office's year, which may lag the calendar), not today's year.
        int working = service.workingYear();
        int newest = Math.max(LocalDate.now(clock).getYear(), working);
        years.setAll(VisitsViewModel.yearChoices(newest));
        year.set(working);
        kind.addListener((obs, old, k) -> {
            if (k != ProblemKind.DISPUTE) {
                subKind.set(null);
            }
        });
        problemStatus.addListener((obs, old, s) -> {
            if (s == ProblemStatus.RESOLVED && resolvedOn.get() == null) {
                resolvedOn.set(LocalDate.now(clock));
            }
        });
        village.addListener((obs, old, v) -> reload());
        year.addListener((obs, old, y) -> reload());
        statusFilter.addListener((obs, old, s) -> reload());
        startNew();
    }

    /** Reads the villages, then the list and the rate. */
    public void load() {
        executor.execute(service::villages, list -> {
            villages.setAll(list);
            if (village.get() != null) {
                village.set(list.stream().filter(v -> v.id().equals(village.get().id())).findFirst().orElse(null));
            }
            reload();
        }, this::failed);
    }

    private record Listing(List<Problem> rows, ProblemTally.Line rate) {
    }

    /** Reads the list and the rate for the filters again; an older reply is dropped. */
    public void reload() {
        long ask = latest.incrementAndGet();
        Village v = village.get();
        Integer y = year.get();
        ProblemFilter f = new ProblemFilter(v == null ? null : v.id(), y, statusFilter.get(), null);
        busy.set(true);
        executor.execute(() -> new Listing(service.problems(f),
                y == null ? null : service.problemTally(y, v == null ? null : v.id()).total()), listing -> {
            if (ask != latest.get()) {
                return;
            }
            busy.set(false);
            error.set("");
            rows.setAll(listing.rows());
            rate.set(listing.rate());
            rateText.set(rateText(listing.rate(), v, y));
        }, e -> {
            if (ask == latest.get()) {
                failed(e);
            }
        });
    }

    /** "大石村 2026 年：发现 35 件，化解 30 件，化解率 85.71%". */
    static String rateText(ProblemTally.Line line, Village v, Integer y) {
        if (line == null || y == null) {
            return "";
        }
        String where = v == null ? Messages.get("problems.rate.allVillages") : v.name();
        return line.rate() == null ? Messages.get("problems.rate.none", where, y)
                : Messages.get("problems.rate", where, y, line.found(), line.resolved(), line.rate().toPlainString());
    }

    // ---- import and export ----

    /** State of the import dialog for a problems sheet; the list reloads after an import. */
    public org.townshipledger.ui.ImportViewModel importer() {
        return new org.townshipledger.ui.ImportViewModel(exchange(), executor, status, this::reload);
    }

    /** State of the export dialog: the problems the filters show (ID numbers masked unless asked). */
    public org.townshipledger.ui.ExportViewModel exporter() {
        return new org.townshipledger.ui.ExportViewModel(exchange(), executor, status);
    }

    LogExchange exchange() {
        Village v = village.get();
        Integer y = year.get();
        ProblemStatus st = statusFilter.get();
        ProblemFilter f = new ProblemFilter(v == null ? null : v.id(), y, st, null);
        return LogExchange.filtered(LogExchange.Register.PROBLEMS, service, "problem.exchange.scopeAll",
                "problem.exchange.scope", java.util.Arrays.asList(v == null ? null : v.name(),
                        y == null ? null : Messages.get("exchange.year", y), st == null ? null : st.label()),
                (file, fullId) -> service.exportProblems(file, f, fullId));
    }

    // ---- the form ----

    /** An empty form for a new problem: today, 排查, the village of the list's filter. */
    public void startNew() {
        editing.set(null);
        kind.set(null);
        subKind.set(null);
        raisedBy.set("");
        formVillage.set(village.get());
        raisedOn.set(LocalDate.now(clock));
        description.set("");
        problemStatus.set(ProblemStatus.FOUND);
        resolvedOn.set(null);
        resolution.set("");
        level.set(null);
        clearErrors();
    }

    /** Fills the form with a problem of the list. */
    public void select(Problem p) {
        if (p == null) {
            return;
        }
        editing.set(p);
        kind.set(p.kind());
        subKind.set(p.subKind());
        raisedBy.set(p.raisedBy() == null ? Objects.requireNonNullElse(p.householdName(), "") : p.raisedBy());
        formVillage.set(villages.stream().filter(v -> v.id().equals(p.villageId())).findFirst().orElse(null));
        raisedOn.set(p.raisedOn());
        description.set(Objects.requireNonNullElse(p.description(), ""));
        resolvedOn.set(p.resolvedOn());
        problemStatus.set(p.status());
        resolution.set(Objects.requireNonNullElse(p.resolution(), ""));
        level.set(p.level());
        clearErrors();
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        formError.set("");
    }

    /** The problem as the form stands. */
    Problem draft() {
        Problem base = editing.get();
        String who = raisedBy.get() == null || raisedBy.get().isBlank() ? null : raisedBy.get().strip();
        boolean sameHousehold = base != null && base.householdId() != null
                && (who == null || who.equals(base.householdName()));
        return new Problem(base == null ? null : base.id(), kind.get(), subKind.get(),
                sameHousehold && base.raisedBy() == null ? null : who,
                sameHousehold ? base.householdId() : null, null,
                formVillage.get() == null ? null : formVillage.get().id(), null, raisedOn.get(), description.get(),
                problemStatus.get(), resolvedOn.get(), resolution.get(), level.get(),
                base == null ? null : base.visitId(), base == null ? 0 : base.version());
    }

    /** Saves the form: a new problem is raised, a selected one updated. Reasons go next to the fields. */
    public void save() {
        clearErrors();
        Problem d = draft();
        boolean isNew = d.id() == null;
        busy.set(true);
        executor.execute(() -> isNew ? service.raise(d) : service.updateProblem(d), p -> {
            busy.set(false);
            status.saved(LocalTime.now(clock));
            reload();
            if (isNew) {
                startNew();
            } else {
                select(p);
            }
        }, this::refused);
    }

    /** Moves the selected problem out of the list (to the recycle bin); the status bar offers 撤销. */
    public void delete() {
        Problem p = editing.get();
        if (p == null) {
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            service.removeProblem(p);
            return p;
        }, removed -> {
            busy.set(false);
            status.offerUndo(Messages.get("problems.status.deleted", describe(removed)),
                    () -> restore(removed.id()));
            startNew();
            reload();
        }, this::refused);
    }

    /** Brings a problem back from the recycle bin (the undo of a delete). */
    public void restore(UUID id) {
        busy.set(true);
        executor.execute(() -> service.restoreProblem(id), restored -> {
            busy.set(false);
            status.show(Messages.get("problems.status.restored", describe(restored)));
            reload();
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
        });
    }

    private void refused(Exception e) {
        busy.set(false);
        if (e instanceof InvalidInputException invalid) {
            Map<String, String> byLabel = new HashMap<>();
            Map<String, String> keys = Map.of(F_KIND, "problem.field.kind", F_SUB_KIND, "problem.field.subKind",
                    F_RAISED_BY, "problem.field.raisedBy", F_VILLAGE, "problem.field.village",
                    F_RAISED_ON, "problem.field.raisedOn", F_DESCRIPTION, "problem.field.description",
                    F_RESOLVED_ON, "problem.field.resolvedOn", F_RESOLUTION, "problem.field.resolution",
                    F_LEVEL, "problem.field.level");
            keys.forEach((field, key) -> byLabel.put(Messages.get(key), field));
            List<String> elsewhere = new ArrayList<>();
            for (org.townshipledger.common.Problem p : invalid.problems()) {
                String field = byLabel.get(p.field());
                if (F_SUB_KIND.equals(field)) {
                    field = F_KIND; // shown on the kind's line, next to both boxes
                }
                if (field == null) {
                    elsewhere.add(p.describe());
                } else {
                    errors.get(field).set(p.message());
                }
            }
            formError.set(String.join("\n", elsewhere));
        } else if (e instanceof StaleRecordException) {
            formError.set(Messages.get("visit.entry.error.stale"));
        } else {
            failed(e);
        }
    }

    private void failed(Exception e) {
        busy.set(false);
        String message = Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName()));
        error.set(message);
        status.show(message);
    }

    // ---- what the columns show ----

    static String describe(Problem p) {
        return Objects.requireNonNullElse(p.raisedBy() == null ? p.householdName() : p.raisedBy(), "") + " "
                + p.raisedOn();
    }

    public static String kindText(Problem p) {
        return p.subKind() == null ? p.kind().label() : p.kind().label() + "·" + p.subKind().label();
    }

    public static String raisedByText(Problem p) {
        return p.raisedBy() != null ? p.raisedBy() : Objects.requireNonNullElse(p.householdName(), "");
    }

    public static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    // ---- properties ----

    public ObservableList<Village> villages() {
        return villages;
    }

    public ObjectProperty<Village> villageProperty() {
        return village;
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObjectProperty<ProblemStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObservableList<Problem> rows() {
        return rows;
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText;
    }

    /** The figures of the rate line (found, resolved, rate), or null. */
    public ReadOnlyObjectProperty<ProblemTally.Line> rateProperty() {
        return rate;
    }

    public ReadOnlyObjectProperty<Problem> editingProperty() {
        return editing;
    }

    public ObjectProperty<ProblemKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<DisputeKind> subKindProperty() {
        return subKind;
    }

    public StringProperty raisedByProperty() {
        return raisedBy;
    }

    public ObjectProperty<Village> formVillageProperty() {
        return formVillage;
    }

    public ObjectProperty<LocalDate> raisedOnProperty() {
        return raisedOn;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<ProblemStatus> problemStatusProperty() {
        return problemStatus;
    }

    public ObjectProperty<LocalDate> resolvedOnProperty() {
        return resolvedOn;
    }

    public StringProperty resolutionProperty() {
        return resolution;
    }

    public ObjectProperty<SettledLevel> levelProperty() {
        return level;
    }

    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field);
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return error;
    }
}
