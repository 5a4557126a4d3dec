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
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Pinyin;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/**
 * State of the 走访录入 (quick entry) screen. The cadre is picked once and stays; each visit then needs a target (a
 * household found by name, pinyin initials or ID tail, or a village, or a unit), a date (today unless changed), a
 * kind (入户走访 unless changed), what was seen and done, on a household visit the 两不愁三保障 + 饮水 check, and
 * the problems raised. {@link #save} writes the visit and its problems together; on success the form is cleared for
 * the next visit (cadre, kind and date kept), on a refusal every reason is shown next to its field and nothing typed
 * is lost. The same view model edits a saved visit ({@link #edit}).
 */
public final class VisitEntryViewModel {

    public static final String F_CADRE = "cadre";
    public static final String F_TARGET = "target";
    public static final String F_DATE = "date";
    public static final String F_KIND = "kind";
    public static final String F_SEEN = "seen";
    public static final String F_DONE = "done";
    public static final String F_CHECK = "check";
    public static final String F_PROBLEMS = "problems";
    static final List<String> FIELDS = List.of(F_CADRE, F_TARGET, F_DATE, F_KIND, F_SEEN, F_DONE, F_CHECK, F_PROBLEMS);
    /** Households offered while typing. */
    static final int SUGGESTIONS = 12;

    /** A problem raised on the visit, as typed into the inline list. */
    public record ProblemLine(ProblemKind kind, DisputeKind subKind, String description) {
        /** "矛盾纠纷·邻里：宅基地边界争议". */
        public String label() {
            String k = subKind == null ? kind.label() : kind.label() + "·" + subKind.label();
            return description == null || description.isBlank() ? k : k + "：" + description;
        }
    }

    private final VisitService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    private final ObservableList<Cadre> cadres = FXCollections.observableArrayList();
    private final Map<UUID, String> cadreInitials = new HashMap<>();
    private final StringProperty cadreQuery = new SimpleStringProperty("");
    private final ObservableList<Cadre> cadreSuggestions = FXCollections.observableArrayList();
    private final ObjectProperty<Cadre> cadre = new SimpleObjectProperty<>();

    private final ObservableList<VisitKind> kinds = FXCollections.observableArrayList();
    private final ObjectProperty<VisitKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<VisitTarget> target = new SimpleObjectProperty<>(VisitTarget.HOUSEHOLD);

    private final StringProperty householdQuery = new SimpleStringProperty("");
    private final ObservableList<HouseholdPick> suggestions = FXCollections.observableArrayList();
    private final ObjectProperty<HouseholdPick> household = new SimpleObjectProperty<>();
    private final ObservableList<HouseholdPick> recent = FXCollections.observableArrayList();
    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObjectProperty<Village> village = new SimpleObjectProperty<>();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty seen = new SimpleStringProperty("");
    private final StringProperty done = new SimpleStringProperty("");

    private final BooleanProperty checkMade = new SimpleBooleanProperty(true);
    private final BooleanProperty food = new SimpleBooleanProperty(true);
    private final BooleanProperty education = new SimpleBooleanProperty(true);
    private final BooleanProperty medical = new SimpleBooleanProperty(true);
    private final BooleanProperty housing = new SimpleBooleanProperty(true);
    private final BooleanProperty water = new SimpleBooleanProperty(true);
    private final StringProperty checkNote = new SimpleStringProperty("");
    private final BooleanBinding householdVisit = Bindings.equal(target, VisitTarget.HOUSEHOLD);

    private final ObservableList<ProblemLine> problems = FXCollections.observableArrayList();
    private final ObjectProperty<ProblemKind> problemKind = new SimpleObjectProperty<>();
    private final ObjectProperty<DisputeKind> problemSubKind = new SimpleObjectProperty<>();
    private final StringProperty problemText = new SimpleStringProperty("");

    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Visit> editing = new SimpleObjectProperty<>();
    private final javafx.beans.property.IntegerProperty saves = new javafx.beans.property.SimpleIntegerProperty();
    private final AtomicLong latestSearch = new AtomicLong();
    private boolean quiet;
    private Runnable afterSave = () -> { };

    public VisitEntryViewModel(VisitService service, TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        FIELDS.forEach(f -> errors.put(f, new SimpleStringProperty("")));
        date.set(LocalDate.now(clock));
        cadreQuery.addListener((obs, old, q) -> {
            if (!quiet) {
                if (cadre.get() != null && !cadre.get().name().equals(q)) {
                    cadre.set(null);
                }
                filterCadres();
            }
        });
        cadre.addListener((obs, old, k) -> {
            if (!sameCadre(old, k)) {
                loadRecent();
            }
            if (k != null) {
                errors.get(F_CADRE).set("");
            }
        });
        householdQuery.addListener((obs, old, q) -> {
            if (!quiet && household.get() != null && !pickLabel(household.get()).equals(q)) {
                household.set(null);
            }
        });
        household.addListener((obs, old, h) -> clearError(F_TARGET, h != null));
        village.addListener((obs, old, v) -> clearError(F_TARGET, v != null));
        unit.addListener((obs, old, u) -> clearError(F_TARGET, u != null));
        target.addListener((obs, old, t) -> errors.get(F_TARGET).set(""));
        problemKind.addListener((obs, old, k) -> {
            if (k != ProblemKind.DISPUTE) {
                problemSubKind.set(null);
            }
        });
    }

    private void clearError(String field, boolean chosen) {
        if (chosen) {
            errors.get(field).set("");
        }
    }

    private static boolean sameCadre(Cadre a, Cadre b) {
        return a == null ? b == null : b != null && a.id().equals(b.id());
    }

    /** What {@link #load} reads. */
    private record Lists(List<Cadre> cadres, List<VisitKind> kinds, List<Village> villages, List<Unit> units) {
    }

    /** Reads the cadres, kinds, villages and units (each time the screen is shown); the choices made stay. */
    public void load() {
        busy.set(true);
        executor.execute(() -> new Lists(service.cadres(), service.kinds(), service.villages(), service.units()),
                lists -> {
                    busy.set(false);
                    cadreInitials.clear();
                    lists.cadres().forEach(k -> cadreInitials.put(k.id(), Pinyin.initials(k.name())));
                    cadres.setAll(lists.cadres());
                    kinds.setAll(lists.kinds());
                    villages.setAll(lists.villages());
                    units.setAll(lists.units());
                    VisitKind k = kind.get();
                    kind.set(lists.kinds().stream().filter(x -> k == null ? VisitKind.HOME_VISIT.equals(x.code())
                            : x.code().equals(k.code())).findFirst().orElse(null));
                    Village v = village.get();
                    village.set(v == null ? null : lists.villages().stream().filter(x -> x.id().equals(v.id()))
                            .findFirst().orElse(null));
                    Cadre c = cadre.get();
                    if (c != null) {
                        Cadre fresh = lists.cadres().stream().filter(x -> x.id().equals(c.id())).findFirst()
                                .orElse(null);
                        quietly(() -> {
                            cadre.set(fresh);
                            cadreQuery.set(fresh == null ? "" : fresh.name());
                        });
                    }
                    if (cadre.get() == null) {
                        filterCadres();   // what was typed before the cadres arrived
                    }
                    loadRecent();
                }, this::failed);
    }

    // ---- the cadre ----

    private void filterCadres() {
        String q = cadreQuery.get();
        if (q == null || q.isBlank()) {
            cadreSuggestions.clear();
            return;
        }
        String lower = q.strip().toLowerCase(java.util.Locale.ROOT);
        // Those whose name or initials start with what is typed first, then the rest, in the register's order.
        cadreSuggestions.setAll(cadres.stream().filter(k -> Pinyin.matches(k.name(), cadreInitials.get(k.id()), q))
                .sorted(java.util.Comparator.comparing((Cadre k) -> !(k.name().startsWith(q.strip())
                        || cadreInitials.get(k.id()).startsWith(lower))))
                .limit(SUGGESTIONS).toList());
    }

    /** Takes {@code k} as the cadre of the session's visits. */
    public void pickCadre(Cadre k) {
        quietly(() -> {
            cadre.set(k);
            cadreQuery.set(k == null ? "" : k.name());
        });
        cadreSuggestions.clear();
    }

    /** "张三 · 县农业局". */
    public static String cadreLabel(Cadre k) {
        return k.unitName() == null ? k.name() : k.name() + " · " + k.unitName();
    }

    private void loadRecent() {
        Cadre k = cadre.get();
        if (k == null) {
            recent.clear();
            return;
        }
        UUID id = k.id();
        executor.execute(() -> service.recentPicks(id), list -> {
            if (cadre.get() != null && cadre.get().id().equals(id)) {
                recent.setAll(list);
            }
        }, this::failed);
    }

    // ---- the household ----

    /** Asks for the households matching what is typed (the controller calls it after a pause); older replies are dropped. */
    public void searchHouseholds() {
        String q = householdQuery.get() == null ? "" : householdQuery.get().strip();
        long ask = latestSearch.incrementAndGet();
        if (q.isEmpty() || household.get() != null) {
            suggestions.clear();
            return;
        }
        executor.execute(() -> ask == latestSearch.get() ? service.householdPicks(q, SUGGESTIONS) : null, list -> {
            if (list != null && ask == latestSearch.get()) {
                suggestions.setAll(list);
            }
        }, this::failed);
    }

    /** Takes {@code h} as the visit's household. */
    public void pickHousehold(HouseholdPick h) {
        latestSearch.incrementAndGet();
        quietly(() -> {
            target.set(VisitTarget.HOUSEHOLD);
            household.set(h);
            householdQuery.set(h == null ? "" : pickLabel(h));
        });
        suggestions.clear();
    }

    /** Takes the {@code n}-th (from 1) of the cadre's recent households; false when there is none. */
    public boolean pickRecent(int n) {
        if (n < 1 || n > recent.size()) {
            return false;
        }
        pickHousehold(recent.get(n - 1));
        return true;
    }

    /** "王大山（大石村）". */
    public static String pickLabel(HouseholdPick h) {
        return h.villageName() == null ? h.headName() : Messages.get("visit.entry.pick", h.headName(), h.villageName());
    }

    /** How a suggestion reads: "王大山（大石村） 430599********1234". */
    public static String suggestionLabel(HouseholdPick h) {
        return h.idNumber() == null ? pickLabel(h) : pickLabel(h) + "  " + h.idNumber();
    }

    /** How a recent household reads: "1  王大山（大石村） 06-12". */
    public static String recentLabel(int n, HouseholdPick h) {
        return Messages.get("visit.entry.recentLine", n, pickLabel(h),
                h.lastVisit() == null ? "" : h.lastVisit().toString());
    }

    // ---- problems raised ----

    /** Adds the problem typed in the inline fields to the list; false (and a reason) when its kind is missing. */
    public boolean addProblem() {
        if (problemKind.get() == null) {
            errors.get(F_PROBLEMS).set(Messages.get("problem.error.kind"));
            return false;
        }
        String text = problemText.get() == null ? "" : problemText.get().strip();
        problems.add(new ProblemLine(problemKind.get(), problemSubKind.get(), text.isEmpty() ? null : text));
        errors.get(F_PROBLEMS).set("");
        problemKind.set(null);
        problemSubKind.set(null);
        problemText.set("");
        return true;
    }

    public void removeProblem(ProblemLine line) {
        problems.remove(line);
    }

    // ---- saving ----

    /** Sets the function run after each save (the visit list reloads). */
    public void setAfterSave(Runnable action) {
        afterSave = action == null ? () -> { } : action;
    }

    /**
     * Saves the visit (and its problems). Missing cadre or target are reported at once; the service reports the rest.
     *
     * @return false when nothing was sent
     */
    public boolean save() {
        errors.values().forEach(e -> e.set(""));
        formError.set("");
        boolean ok = true;
        if (cadre.get() == null) {
            errors.get(F_CADRE).set(Messages.get("visit.error.noCadres"));
            ok = false;
        }
        if (target.get() == VisitTarget.HOUSEHOLD && household.get() == null) {
            errors.get(F_TARGET).set(Messages.get(householdQuery.get() == null || householdQuery.get().isBlank()
                    ? "visit.entry.error.noHousehold" : "visit.entry.error.pickHousehold"));
            ok = false;
        } else if (target.get() == VisitTarget.VILLAGE && village.get() == null) {
            errors.get(F_TARGET).set(Messages.get("visit.entry.error.noVillage"));
            ok = false;
        } else if (target.get() == VisitTarget.UNIT && unit.get() == null) {
            errors.get(F_TARGET).set(Messages.get("visit.entry.error.noUnit"));
            ok = false;
        }
        if (!(problemText.get() == null || problemText.get().isBlank()) || problemKind.get() != null) {
            // A problem typed but not added is added now rather than lost.
            if (!addProblem()) {
                ok = false;
            }
        }
        if (!ok) {
            return false;
        }
        Visit draft = draft();
        List<Problem> raised = problems.stream().map(this::toProblem).toList();
        boolean isEdit = editing.get() != null;
        busy.set(true);
        executor.execute(() -> isEdit ? service.update(draft) : service.record(draft, raised), visit -> {
            busy.set(false);
            status.saved(LocalTime.now(clock));
            saves.set(saves.get() + 1);
            if (isEdit) {
                editing.set(visit);
            } else {
                clearForNext();
                loadRecent();
            }
            afterSave.run();
        }, this::refused);
        return true;
    }

    private Problem toProblem(ProblemLine line) {
        return new Problem(null, line.kind(), line.subKind(), null, null, null, null, null, null,
                line.description(), ProblemStatus.FOUND, null, null, null, null, 0);
    }

    /** The visit as the form stands. */
    Visit draft() {
        Visit base = editing.get();
        List<UUID> cadreIds = new ArrayList<>();
        cadreIds.add(cadre.get().id());
        if (base != null) {
            base.cadreIds().stream().skip(1).filter(id -> !id.equals(cadre.get().id())).forEach(cadreIds::add);
        }
        VisitTarget t = target.get();
        VisitCheck check = t == VisitTarget.HOUSEHOLD && checkMade.get()
                ? new VisitCheck(food.get(), education.get(), medical.get(), housing.get(), water.get(),
                blankToNull(checkNote.get())) : null;
        return new Visit(base == null ? null : base.id(), t,
                t == VisitTarget.HOUSEHOLD ? household.get().householdId() : null,
                t == VisitTarget.VILLAGE ? village.get().id() : null,
                t == VisitTarget.UNIT ? unit.get().id() : null, null, null, date.get(),
                kind.get() == null ? null : kind.get().code(), cadreIds, null, blankToNull(seen.get()),
                blankToNull(done.get()), check, base == null ? 0 : base.version());
    }

    private void refused(Exception e) {
        busy.set(false);
        if (e instanceof InvalidInputException invalid) {
            Map<String, String> byLabel = fieldLabels();
            List<String> elsewhere = new ArrayList<>();
            for (org.townshipledger.common.Problem p : invalid.problems()) {
                String field = byLabel.get(p.field());
                if (field == null) {
                    elsewhere.add(p.describe());
                } else {
                    StringProperty error = errors.get(field);
                    String text = field.equals(F_PROBLEMS) ? p.describe() : p.message();
                    error.set(error.get().isEmpty() ? text : error.get() + "\n" + text);
                }
            }
            formError.set(String.join("\n", elsewhere));
        } else if (e instanceof StaleRecordException) {
            formError.set(Messages.get("visit.entry.error.stale"));
        } else {
            failed(e);
        }
    }

    /** The service's field labels mapped to this form's fields; the problems' fields all go to the problem list. */
    private static Map<String, String> fieldLabels() {
        Map<String, String> m = new HashMap<>();
        m.put(Messages.get("visit.field.cadres"), F_CADRE);
        m.put(Messages.get("visit.field.target"), F_TARGET);
        m.put(Messages.get("visit.field.date"), F_DATE);
        m.put(Messages.get("visit.field.kind"), F_KIND);
        m.put(Messages.get("visit.field.seen"), F_SEEN);
        m.put(Messages.get("visit.field.done"), F_DONE);
        m.put(Messages.get("visit.field.check"), F_CHECK);
        for (String k : List.of("problem.field.kind", "problem.field.subKind", "problem.field.raisedBy",
                "problem.field.village", "problem.field.raisedOn", "problem.field.description",
                "problem.field.visit")) {
            m.putIfAbsent(Messages.get(k), F_PROBLEMS);
        }
        return m;
    }

    private void failed(Exception e) {
        busy.set(false);
        String message = Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName()));
        formError.set(message);
        status.show(message);
    }

    /** Empties the form for the next visit: the cadre, the kind and the date stay. */
    public void clearForNext() {
        pickHousehold(null);
        village.set(null);
        unit.set(null);
        target.set(VisitTarget.HOUSEHOLD);
        seen.set("");
        done.set("");
        resetCheck(null);
        problems.clear();
        problemKind.set(null);
        problemSubKind.set(null);
        problemText.set("");
        errors.values().forEach(e -> e.set(""));
        formError.set("");
    }

    private void resetCheck(VisitCheck c) {
        checkMade.set(c != null || editing.get() == null);
        VisitCheck k = c == null ? VisitCheck.allAssured() : c;
        food.set(k.foodAndClothing());
        education.set(k.compulsoryEducation());
        medical.set(k.basicMedical());
        housing.set(k.housingSafety());
        water.set(k.drinkingWater());
        checkNote.set(k.note() == null ? "" : k.note());
    }

    // ---- editing a saved visit ----

    /** Reads the visit and fills the form with it; saving then updates it. */
    public void edit(UUID visitId) {
        busy.set(true);
        executor.execute(() -> service.visit(visitId).orElseThrow(() ->
                new InvalidInputException(Messages.get("visit.error.gone"))), v -> {
            busy.set(false);
            editing.set(v);
            Cadre main = cadres.stream().filter(k -> k.id().equals(v.mainCadreId())).findFirst()
                    .orElseGet(() -> service.cadres().stream().filter(k -> k.id().equals(v.mainCadreId()))
                            .findFirst().orElse(null));
            pickCadre(main);
            target.set(v.target());
            if (v.target() == VisitTarget.HOUSEHOLD) {
                pickHousehold(new HouseholdPick(v.householdId(), v.targetName(), v.villageName(), null, null));
            } else if (v.target() == VisitTarget.VILLAGE) {
                village.set(villages.stream().filter(x -> x.id().equals(v.villageId())).findFirst().orElse(null));
            } else {
                unit.set(units.stream().filter(x -> x.id().equals(v.unitId())).findFirst().orElse(null));
            }
            date.set(v.date());
            kind.set(kinds.stream().filter(k -> k.code().equals(v.kind())).findFirst()
                    .orElse(new VisitKind(v.kind(), service.kindLabel(v.kind()))));
            seen.set(v.seen() == null ? "" : v.seen());
            done.set(v.done() == null ? "" : v.done());
            resetCheck(v.check());
        }, this::failed);
    }

    /** "修改走访记录：王大山 2026-05-10" while editing; "走访录入" otherwise. */
    public String title() {
        Visit v = editing.get();
        return v == null ? Messages.get("nav.visitEntry")
                : Messages.get("visit.edit.title", Objects.requireNonNullElse(v.targetName(), ""), v.date());
    }

    private void quietly(Runnable change) {
        boolean was = quiet;
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = was;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- properties ----

    public ObservableList<Cadre> cadres() {
        return cadres;
    }

    public StringProperty cadreQueryProperty() {
        return cadreQuery;
    }

    public ObservableList<Cadre> cadreSuggestions() {
        return cadreSuggestions;
    }

    public ReadOnlyObjectProperty<Cadre> cadreProperty() {
        return cadre;
    }

    public ObservableList<VisitKind> kinds() {
        return kinds;
    }

    public ObjectProperty<VisitKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<VisitTarget> targetProperty() {
        return target;
    }

    public StringProperty householdQueryProperty() {
        return householdQuery;
    }

    public ObservableList<HouseholdPick> suggestions() {
        return suggestions;
    }

    public ReadOnlyObjectProperty<HouseholdPick> householdProperty() {
        return household;
    }

    public ObservableList<HouseholdPick> recent() {
        return recent;
    }

    public ObservableList<Village> villages() {
        return villages;
    }

    public ObjectProperty<Village> villageProperty() {
        return village;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObjectProperty<Unit> unitProperty() {
        return unit;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty seenProperty() {
        return seen;
    }

    public StringProperty doneProperty() {
        return done;
    }

    public BooleanProperty checkMadeProperty() {
        return checkMade;
    }

    public BooleanProperty foodProperty() {
        return food;
    }

    public BooleanProperty educationProperty() {
        return education;
    }

    public BooleanProperty medicalProperty() {
        return medical;
    }

    public BooleanProperty housingProperty() {
        return housing;
    }

    public BooleanProperty waterProperty() {
        return water;
    }

    public StringProperty checkNoteProperty() {
        return checkNote;
    }

    /** True for a household visit: only then is the check recorded. */
    public BooleanBinding householdVisitBinding() {
        return householdVisit;
    }

    public ObservableList<ProblemLine> problems() {
        return problems;
    }

    public ObjectProperty<ProblemKind> problemKindProperty() {
        return problemKind;
    }

    public ObjectProperty<DisputeKind> problemSubKindProperty() {
        return problemSubKind;
    }

    public StringProperty problemTextProperty() {
        return problemText;
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

    /** The visit being edited, or null for a new one. */
    public ReadOnlyObjectProperty<Visit> editingProperty() {
        return editing;
    }

    /** Counts the successful saves. */
    public javafx.beans.property.ReadOnlyIntegerProperty savesProperty() {
        return saves;
    }
}
