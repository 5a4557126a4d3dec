package org.townshipledger.village;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Pinyin;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.ui.Exchange;
import org.townshipledger.ui.ExportViewModel;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.ui.SheetExchange;
import org.townshipledger.ui.StaleConflict;
import org.townshipledger.ui.StatusBarModel;

/**
 * State of the villages screen: the list with its filter, and the add/edit form with its field errors.
 * Database work goes through the {@link TaskExecutor}; the view only binds to these properties.
 */
public final class VillagesViewModel {

    private final VillageService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final FilteredList<Village> shown = new FilteredList<>(villages);
    private final StringProperty filter = new SimpleStringProperty("");
    private final IntegerProperty workingYear = new SimpleIntegerProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final ObjectProperty<Village> editing = new SimpleObjectProperty<>(Village.blank());
    private final ObjectProperty<StaleConflict> conflict = new SimpleObjectProperty<>();
    /** The saved version behind {@link #conflict} (null when it was deleted). */
    private Village conflictSaved;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty statsCode = new SimpleStringProperty("");
    private final ObjectProperty<VillageKind> kind = new SimpleObjectProperty<>(VillageKind.VILLAGE);
    private final BooleanProperty povertyVillage = new SimpleBooleanProperty();
    private final StringProperty exitYear = new SimpleStringProperty("");
    private final BooleanProperty weakThisYear = new SimpleBooleanProperty();
    private final StringProperty householdCount = new SimpleStringProperty("");
    private final StringProperty population = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<VillageGroup> groups = FXCollections.observableArrayList();
    private final StringProperty formError = new SimpleStringProperty("");
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final BooleanBinding hasErrors;

    public VillagesViewModel(VillageService service, TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        for (String f : List.of(VillageRules.FIELD_NAME, VillageRules.FIELD_CODE, VillageRules.FIELD_EXIT_YEAR,
                VillageRules.FIELD_HOUSEHOLDS, VillageRules.FIELD_POPULATION, VillageRules.FIELD_GROUPS,
                VillageRules.FIELD_NOTE)) {
            errors.put(f, new SimpleStringProperty(""));
        }
        hasErrors = Bindings.createBooleanBinding(
                () -> errors.values().stream().anyMatch(e -> !e.get().isEmpty()),
                errors.values().toArray(new StringProperty[0]));
        filter.addListener((obs, old, text) -> shown.setPredicate(v -> Pinyin.matches(v.name(), v.nameInitials(), text)));
    }

    // ---- the list ----

    /** Loads the villages; keeps the one being edited selected by id. */
    public void load() {
        busy.set(true);
        executor.execute(() -> new Loaded(service.villages(), service.workingYear()), loaded -> {
            busy.set(false);
            workingYear.set(loaded.year());
            villages.setAll(loaded.villages());
            if (!editing.get().isNew()) {
                villages.stream().filter(v -> v.id().equals(editing.get().id())).findFirst()
                        .ifPresentOrElse(this::edit, this::newVillage);
            } else {
                fillForm(editing.get());
            }
        }, this::failed);
    }

    private record Loaded(List<Village> villages, int year) {
    }

    // ---- import and export ----

    /** State of the import dialog for the villages sheet; the list reloads after an import. */
    public ImportViewModel importer() {
        return new ImportViewModel(exchange(), executor, status, this::load);
    }

    public ExportViewModel exporter() {
        return new ExportViewModel(exchange(), executor, status);
    }

    Exchange exchange() {
        return new SheetExchange(Messages.get("village.exchange.name"), Messages.get("village.exchange.scope"),
                Messages.get("village.exchange.fileName"), false,
                service::checkVillagesImport,
                file -> {
                    VillageImport.Result r = service.importVillages(file);
                    return new ImportCheck(r.added(), r.updated(), r.added() + r.updated(), List.of(), List.of());
                },
                service::writeErrorReport,
                c -> Messages.get("village.exchange.describe", c.added(), c.updated()),
                (file, fullId) -> Messages.get("village.exchange.exported", service.exportVillages(file), file));
    }

    public ObservableList<Village> shownVillages() {
        return shown;
    }

    public int villageCount() {
        return villages.size();
    }

    public ObservableList<Village> allVillages() {
        return villages;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyIntegerProperty workingYearProperty() {
        return workingYear;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    // ---- the form ----

    public ReadOnlyObjectProperty<Village> editingProperty() {
        return editing;
    }

    public void newVillage() {
        edit(Village.blank());
    }

    /** Puts {@code v} into the form. */
    public void edit(Village v) {
        editing.set(v);
        fillForm(v);
    }

    private void fillForm(Village v) {
        name.set(v.name());
        statsCode.set(nz(v.statsCode()));
        kind.set(v.kind());
        povertyVillage.set(v.povertyVillage());
        exitYear.set(v.exitYear() == null ? "" : v.exitYear().toString());
        weakThisYear.set(v.weakIn(workingYear.get()));
        householdCount.set(v.householdCount() == null ? "" : v.householdCount().toString());
        population.set(v.population() == null ? "" : v.population().toString());
        note.set(nz(v.note()));
        groups.setAll(v.groups());
        errors.values().forEach(e -> e.set(""));
        formError.set("");
    }

    /** True when the form holds changes not yet saved. */
    public boolean isDirty() {
        try {
            return !VillageService.normalize(draft()).sameEntryAs(editing.get());
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Checks one field, as the clerk leaves it; the message shows under the field. */
    public void validate(String field) {
        List<Problem> problems = problemsOfForm();
        errors.get(field).set(problems.stream().filter(p -> p.field().equals(field)).map(Problem::message)
                .findFirst().orElse(""));
    }

    private boolean validateAll() {
        List<Problem> problems = problemsOfForm();
        errors.forEach((field, error) -> error.set(problems.stream().filter(p -> p.field().equals(field))
                .map(Problem::message).findFirst().orElse("")));
        return problems.isEmpty();
    }

    private List<Problem> problemsOfForm() {
        List<Problem> problems = new ArrayList<>();
        Integer year = parse(exitYear.get(), VillageRules.FIELD_EXIT_YEAR, problems);
        Integer households = parse(householdCount.get(), VillageRules.FIELD_HOUSEHOLDS, problems);
        Integer people = parse(population.get(), VillageRules.FIELD_POPULATION, problems);
        UUID self = editing.get().id();
        Village v = new Village(self, name.get(), null, statsCode.get(), kind.get(), povertyVillage.get(), year,
                households, people, note.get(), Set.of(), groups, 0, null, null);
        Set<String> taken = villages.stream().filter(o -> !o.id().equals(self)).map(Village::name)
                .collect(Collectors.toSet());
        Set<String> failed = problems.stream().map(Problem::field).collect(Collectors.toSet());
        VillageRules.validate(v, taken::contains).stream().filter(p -> !failed.contains(p.field())).forEach(problems::add);
        return problems;
    }

    private static Integer parse(String text, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.onField(field, Messages.get("validation.integer")));
            return null;
        }
    }

    /** The form as a village to save. */
    Village draft() {
        Village original = editing.get();
        Set<Integer> weak = new HashSet<>(original.weakYears());
        if (weakThisYear.get()) {
            weak.add(workingYear.get());
        } else {
            weak.remove(workingYear.get());
        }
        return new Village(original.id(), name.get(), null, statsCode.get(), kind.get(), povertyVillage.get(),
                intOrNull(exitYear.get()), intOrNull(householdCount.get()), intOrNull(population.get()), note.get(),
                weak, List.copyOf(groups), original.version(), original.updatedAt(), null);
    }

    private static Integer intOrNull(String s) {
        return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
    }

    /**
     * Saves the form. On success the list is reloaded and the status bar says "已保存 hh:mm"; on failure
     * the form keeps what was typed and shows why.
     *
     * @return false when the form has errors (nothing sent to the database)
     */
    public boolean save() {
        formError.set("");
        if (!validateAll()) {
            return false;
        }
        Village draft = draft();
        busy.set(true);
        executor.execute(() -> service.save(draft), saved -> {
            busy.set(false);
            editing.set(saved);
            status.saved(LocalTime.now(clock));
            load();
        }, e -> {
            failed(e);
            if (e instanceof StaleRecordException && draft.id() != null) {
                staleSave(draft);
            }
        });
        return true;
    }

    /** Moves the village to the recycle bin; the status bar offers 撤销. */
    public void moveToBin(Village v) {
        busy.set(true);
        executor.execute(() -> {
            service.moveToBin(v);
            return v;
        }, deleted -> {
            busy.set(false);
            if (Objects.equals(editing.get().id(), deleted.id())) {
                newVillage();
            }
            status.offerUndo(Messages.get("village.status.deleted", deleted.name()), () -> restore(deleted.id()));
            load();
        }, this::failed);
    }

    /** Brings a village back from the recycle bin (the undo of {@link #moveToBin}). */
    public void restore(UUID id) {
        busy.set(true);
        executor.execute(() -> service.restore(id), restored -> {
            busy.set(false);
            status.show(Messages.get("village.status.restored", restored.name()));
            editing.set(restored);
            load();
        }, this::failed);
    }

    /**
     * A save refused because someone saved or deleted the village meanwhile: the form keeps what was typed, and
     * {@link #conflictProperty()} gets both versions field by field (the screen shows them).
     */
    private void staleSave(Village draft) {
        executor.execute(() -> service.find(draft.id()), saved -> {
            Village s = saved.filter(v -> v.deletedAt() == null).orElse(null);
            conflictSaved = s;
            conflict.set(conflictOf(draft, s));
        }, e -> formError.set(e.getMessage()));
    }

    static StaleConflict conflictOf(Village mine, Village saved) {
        Village s = saved == null ? Village.blank() : saved;
        return StaleConflict.builder(mine.name(), saved == null)
                .field(Messages.get("village.field.name"), mine.name(), s.name())
                .field(Messages.get("village.field.statsCode"), mine.statsCode(), s.statsCode())
                .field(Messages.get("village.field.kind"), mine.kind() == null ? null : mine.kind().label(),
                        s.kind() == null ? null : s.kind().label())
                .field(Messages.get("village.field.poverty"), mine.povertyVillage(), s.povertyVillage())
                .field(Messages.get("village.field.exitYear"), mine.exitYear(), s.exitYear())
                .field(Messages.get("village.field.householdCount"), mine.householdCount(), s.householdCount())
                .field(Messages.get("village.field.population"), mine.population(), s.population())
                .field(Messages.get("village.field.weak"), years(mine), years(s))
                .field(Messages.get("village.field.groups"), groupNames(mine), groupNames(s))
                .field(Messages.get("village.field.note"), mine.note(), s.note())
                .build();
    }

    private static String years(Village v) {
        return v.weakYears().stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"));
    }

    private static String groupNames(Village v) {
        return v.groups().stream().map(VillageGroup::name).collect(java.util.stream.Collectors.joining("、"));
    }

    /** The two versions of a refused save, or null. */
    public ReadOnlyObjectProperty<StaleConflict> conflictProperty() {
        return conflict;
    }

    /** Puts the saved version into the form (what the clerk typed is dropped; they may have copied it). */
    public void reloadSaved() {
        Village saved = conflictSaved;
        conflict.set(null);
        conflictSaved = null;
        formError.set("");
        if (saved == null) {
            newVillage();
        } else {
            edit(saved);
        }
        load();
    }

    /** Closes the comparison; the form keeps what was typed (saving it is refused until reloaded). */
    public void keepMine() {
        conflict.set(null);
    }

    private void failed(Exception e) {
        busy.set(false);
        if (e instanceof InvalidInputException invalid) {
            for (Problem p : invalid.problems()) {
                Optional.ofNullable(errors.get(p.field())).ifPresentOrElse(
                        prop -> prop.set(p.message()), () -> formError.set(p.message()));
            }
        } else if (e instanceof StaleRecordException) {
            formError.set(e.getMessage());
        } else {
            formError.set(Messages.get("error.unexpected", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
        status.show(Messages.get("status.notSaved"));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty statsCodeProperty() {
        return statsCode;
    }

    public ObjectProperty<VillageKind> kindProperty() {
        return kind;
    }

    public BooleanProperty povertyVillageProperty() {
        return povertyVillage;
    }

    public StringProperty exitYearProperty() {
        return exitYear;
    }

    public BooleanProperty weakThisYearProperty() {
        return weakThisYear;
    }

    public StringProperty householdCountProperty() {
        return householdCount;
    }

    public StringProperty populationProperty() {
        return population;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableList<VillageGroup> groups() {
        return groups;
    }

    public StringProperty errorProperty(String field) {
        return errors.get(field);
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    public BooleanBinding hasErrorsBinding() {
        return hasErrors;
    }

    /** Earlier 软弱涣散 years of the village being edited, for the form's hint (e.g. "2023、2024"). */
    public String earlierWeakYears() {
        return editing.get().weakYears().stream().filter(y -> y != workingYear.get()).sorted()
                .map(String::valueOf).collect(Collectors.joining("、"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
