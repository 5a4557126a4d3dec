package org.townshipledger.cadre;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.Sex;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.ui.Exchange;
import org.townshipledger.ui.ExportViewModel;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.ui.SheetExchange;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * State of the 干部 screen: the filtered list with each cadre's current postings, the add/edit form with its field
 * errors, and the selected cadre's posting history with its actions (新增任职, 结束任职, 更换). Database work goes
 * through the {@link TaskExecutor}; replies to an outdated filter are dropped.
 */
public final class CadresViewModel {

    /** What the posting panel under the history is doing. */
    public enum PostingAction { NONE, ADD, END, REPLACE }

    /**
     * A line of the list.
     *
     * @param age      on the day the list was loaded, or -1 when the birth date is unknown
     * @param postings the current postings, e.g. "大石村 驻村第一书记；龙泉村 包村干部"
     */
    public record Row(Cadre cadre, int age, String postings) {
    }

    private final CadreService service;
    private final VillageService villageService;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    // ---- the list and its filters ----
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Unit> unitFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Rank> rankFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Role> roleFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Village> villageFilter = new SimpleObjectProperty<>();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObservableList<Role> roles = FXCollections.observableArrayList();
    /** Every cadre, for choosing who takes over a post. */
    private final ObservableList<Cadre> allCadres = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long listRequest;

    // ---- the form ----
    private final ObjectProperty<Cadre> editing = new SimpleObjectProperty<>(blank());
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>();
    private final StringProperty idNumber = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<Rank> rank = new SimpleObjectProperty<>();
    private final BooleanProperty partyMember = new SimpleBooleanProperty();
    private final StringProperty note = new SimpleStringProperty("");
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final StringProperty formError = new SimpleStringProperty("");

    // ---- the history and its actions ----
    private final ObservableList<Assignment> history = FXCollections.observableArrayList();
    private final ObjectProperty<Assignment> selectedPosting = new SimpleObjectProperty<>();
    private final ObjectProperty<PostingAction> action = new SimpleObjectProperty<>(PostingAction.NONE);
    private final ObjectProperty<Village> actionVillage = new SimpleObjectProperty<>();
    private final ObjectProperty<Role> actionRole = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> actionDate = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> actionUnit = new SimpleObjectProperty<>();
    private final ObjectProperty<Cadre> actionCadre = new SimpleObjectProperty<>();
    private final StringProperty actionReason = new SimpleStringProperty("");
    private final StringProperty actionError = new SimpleStringProperty("");
    private final BooleanBinding selectedIsOpen;

    public CadresViewModel(CadreService service, VillageService villageService, TaskExecutor executor,
                           StatusBarModel status, Clock clock) {
        this.service = service;
        this.villageService = villageService;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        for (String f : List.of(CadreRules.FIELD_NAME, CadreRules.FIELD_SEX, CadreRules.FIELD_BIRTH,
                CadreRules.FIELD_ID, CadreRules.FIELD_PHONE, CadreRules.FIELD_NOTE)) {
            errors.put(f, new SimpleStringProperty(""));
        }
        search.addListener((obs, old, text) -> reloadList());
        unitFilter.addListener((obs, old, u) -> reloadList());
        rankFilter.addListener((obs, old, r) -> reloadList());
        roleFilter.addListener((obs, old, r) -> reloadList());
        villageFilter.addListener((obs, old, v) -> reloadList());
        // A valid ID number says the sex and the birth date: fill them in as it is typed.
        idNumber.addListener((obs, old, text) -> {
            String id = IdNumber.normalize(text);
            if (id.length() == IdNumber.LENGTH && IdNumber.isValid(id)) {
                sex.set(IdNumber.sex(id));
                birthDate.set(IdNumber.birthDate(id));
                errors.get(CadreRules.FIELD_ID).set("");
                errors.get(CadreRules.FIELD_SEX).set("");
                errors.get(CadreRules.FIELD_BIRTH).set("");
            }
        });
        selectedIsOpen = Bindings.createBooleanBinding(
                () -> selectedPosting.get() != null && selectedPosting.get().endDate() == null, selectedPosting);
    }

    private static Cadre blank() {
        return new Cadre(null, "", null, null, null, null, null, null, null, false, null, 0, null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- loading ----

    private record Choices(List<Unit> units, List<Village> villages, List<Role> roles, List<Cadre> cadres) {
    }

    /** Loads the choices (units, villages, roles), the list, and the history of the cadre in the form. */
    public void load() {
        busy.set(true);
        executor.execute(() -> new Choices(service.units(), villageService.villages(), service.roles(),
                service.cadres(null, null, null)), c -> {
            busy.set(false);
            units.setAll(c.units());
            villages.setAll(c.villages());
            roles.setAll(c.roles());
            allCadres.setAll(c.cadres());
            reloadList();
            Cadre current = editing.get();
            if (current.id() != null) {
                c.cadres().stream().filter(k -> k.id().equals(current.id())).findFirst()
                        .ifPresentOrElse(this::edit, this::newCadre);
            }
        }, this::failed);
    }

    /** Reloads the list for the filters as they are now; a reply to older filters is dropped. */
    public void reloadList() {
        long request = ++listRequest;
        String text = search.get();
        UUID unitId = unitFilter.get() == null ? null : unitFilter.get().id();
        Rank r = rankFilter.get();
        String role = roleFilter.get() == null ? null : roleFilter.get().code();
        UUID villageId = villageFilter.get() == null ? null : villageFilter.get().id();
        LocalDate on = today();
        Map<String, String> labels = roleLabels();
        executor.execute(() -> service.listCadres(text, unitId, r, role, villageId, on).stream()
                .map(l -> new Row(l.cadre(), l.cadre().ageOn(on), l.current().stream()
                        .map(a -> a.villageName() + " " + labels.getOrDefault(a.role(), a.role()))
                        .collect(Collectors.joining("；"))))
                .toList(), list -> {
            if (request == listRequest) {
                rows.setAll(list);
            }
        }, this::failed);
    }

    private Map<String, String> roleLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        roles.forEach(role -> labels.put(role.code(), role.label()));
        return labels;
    }

    /** The label of a role code, from the roles loaded with the screen. */
    public String roleLabel(String code) {
        return roles.stream().filter(r -> r.code().equals(code)).map(Role::label).findFirst().orElse(code);
    }

    // ---- the form ----

    public void newCadre() {
        edit(blank());
    }

    /** Puts {@code k} into the form and loads its posting history. */
    public void edit(Cadre k) {
        editing.set(k);
        name.set(k.name());
        sex.set(k.sex());
        birthDate.set(k.birthDate());
        idNumber.set(k.idNumber() == null ? "" : k.idNumber());
        phone.set(nz(k.phone()));
        unit.set(k.unitId() == null ? null : units.stream().filter(u -> u.id().equals(k.unitId())).findFirst()
                .orElse(null));
        rank.set(k.rank());
        partyMember.set(k.partyMember());
        note.set(nz(k.note()));
        errors.values().forEach(e -> e.set(""));
        formError.set("");
        cancelAction();
        loadHistory();
    }

    private void loadHistory() {
        Cadre k = editing.get();
        if (k.id() == null) {
            history.clear();
            selectedPosting.set(null);
            return;
        }
        UUID id = k.id();
        executor.execute(() -> service.assignments(id, null, null), list -> {
            if (Objects.equals(editing.get().id(), id)) {
                history.setAll(sortedHistory(list));
                Assignment selected = selectedPosting.get();
                selectedPosting.set(selected == null ? null : list.stream()
                        .filter(a -> a.id().equals(selected.id())).findFirst().orElse(null));
            }
        }, this::failed);
    }

    /** Newest posting first, as a timeline reads from the top. */
    private static List<Assignment> sortedHistory(List<Assignment> list) {
        List<Assignment> sorted = new ArrayList<>(list);
        sorted.sort((a, b) -> b.startDate().compareTo(a.startDate()));
        return sorted;
    }

    /** The form as a cadre to save. */
    Cadre draft() {
        Cadre k = editing.get();
        Unit u = unit.get();
        return new Cadre(k.id(), name.get(), sex.get(), birthDate.get(), idNumber.get(), phone.get(),
                u == null ? null : u.id(), u == null ? null : u.name(), rank.get(), partyMember.get(), note.get(),
                k.version(), null);
    }

    public boolean isDirty() {
        Cadre d = CadreRules.normalized(draft());
        Cadre k = editing.get();
        return !(d.name().equals(k.name()) && d.sex() == k.sex() && Objects.equals(d.birthDate(), k.birthDate())
                && Objects.equals(d.idNumber(), k.idNumber()) && Objects.equals(d.phone(), k.phone())
                && Objects.equals(d.unitId(), k.unitId()) && d.rank() == k.rank()
                && d.partyMember() == k.partyMember() && Objects.equals(d.note(), k.note()));
    }

    /** Checks one field as the clerk leaves it; the message shows under the field. */
    public void validate(String field) {
        List<Problem> problems = CadreRules.validate(draft());
        errors.get(field).set(problems.stream().filter(p -> p.field().equals(field)).map(Problem::message)
                .findFirst().orElse(""));
    }

    private boolean validateAll() {
        List<Problem> problems = CadreRules.validate(draft());
        errors.forEach((field, error) -> error.set(problems.stream().filter(p -> p.field().equals(field))
                .map(Problem::message).findFirst().orElse("")));
        return problems.isEmpty();
    }

    /**
     * Saves the form. On success the list reloads and the status bar says when; on failure the form keeps what
     * was typed and shows why.
     *
     * @return false when the form has errors (nothing sent to the database)
     */
    public boolean save() {
        formError.set("");
        if (!validateAll()) {
            return false;
        }
        Cadre draft = draft();
        busy.set(true);
        executor.execute(() -> service.saveCadre(draft), saved -> {
            busy.set(false);
            editing.set(saved);
            status.saved(LocalTime.now(clock));
            load();
        }, this::failed);
        return true;
    }

    /** Moves the cadre in the form to the recycle bin (with their postings and pairings); the status offers 撤销. */
    public void moveToBin() {
        Cadre k = editing.get();
        if (k == null || k.id() == null) {
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            service.moveCadreToBin(k);
            return k;
        }, deleted -> {
            busy.set(false);
            newCadre();
            status.offerUndo(Messages.get("cadre.status.deleted", deleted.name()), () -> restore(deleted.id()));
            load();
        }, this::failed);
    }

    private void restore(java.util.UUID id) {
        busy.set(true);
        executor.execute(() -> service.restoreCadre(id), restored -> {
            busy.set(false);
            status.show(Messages.get("recycleBin.status.restored", Messages.get("recycleBin.register.cadre"),
                    restored.name()));
            load();
        }, this::failed);
    }

    /** Moves the selected posting (entered by mistake) to the recycle bin; the status offers 撤销. */
    public void removePosting() {
        Assignment a = selectedPosting.get();
        if (a == null) {
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            service.moveAssignmentToBin(a);
            return a;
        }, removed -> {
            busy.set(false);
            status.offerUndo(Messages.get("posting.status.deleted", removed.cadreName(), roleLabel(removed.role())),
                    () -> executor.execute(() -> service.restoreAssignment(removed.id()), back -> loadHistory(),
                            this::failed));
            loadHistory();
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        formError.set(message(e));
        status.show(Messages.get("status.notSaved"));
    }

    private static String message(Exception e) {
        if (e instanceof InvalidInputException invalid) {
            return String.join("\n", invalid.problems().stream().map(Problem::message).toList());
        }
        if (e instanceof StaleRecordException) {
            return e.getMessage();
        }
        return Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
    }

    // ---- posting actions ----

    /** Opens the panel for a new posting of the cadre in the form: today, no village chosen yet. */
    public void startAdd() {
        actionVillage.set(null);
        actionRole.set(null);
        actionDate.set(today());
        actionUnit.set(unit.get());
        actionReason.set("");
        actionError.set("");
        action.set(PostingAction.ADD);
    }

    /** Opens the panel to end the selected posting today. */
    public void startEnd() {
        actionDate.set(today());
        actionReason.set("");
        actionError.set("");
        action.set(PostingAction.END);
    }

    /** Opens the panel to hand the selected posting to another cadre from today. */
    public void startReplace() {
        actionCadre.set(null);
        actionDate.set(today());
        actionUnit.set(null);
        actionReason.set("");
        actionError.set("");
        action.set(PostingAction.REPLACE);
    }

    public void cancelAction() {
        action.set(PostingAction.NONE);
        actionError.set("");
    }

    /**
     * Does what the panel says. A refusal by the service (an overlapping full-time posting names the other one)
     * stays in the panel; on success the history and the list reload.
     *
     * @return false when something required is missing (nothing sent)
     */
    public boolean applyAction() {
        actionError.set("");
        Cadre k = editing.get();
        Assignment selected = selectedPosting.get();
        LocalDate date = actionDate.get();
        String reason = actionReason.get();
        Optional<String> missing = missing(k, selected);
        if (missing.isPresent()) {
            actionError.set(missing.get());
            return false;
        }
        PostingAction what = action.get();
        busy.set(true);
        executor.execute(() -> switch (what) {
            case ADD -> {
                service.assign(Assignment.start(k.id(), actionVillage.get().id(), actionRole.get().code(), date,
                        actionUnit.get() == null ? null : actionUnit.get().id()));
                yield Messages.get("posting.status.added", k.name(), actionVillage.get().name(),
                        actionRole.get().label());
            }
            case END -> {
                service.end(selected, date, reason);
                yield Messages.get("posting.status.ended", k.name(), selected.villageName(),
                        roleLabel(selected.role()));
            }
            case REPLACE -> {
                Cadre next = actionCadre.get();
                service.replace(selected, next.id(), date, reason, actionUnit.get() == null ? null
                        : actionUnit.get().id());
                yield Messages.get("posting.status.replaced", selected.villageName(), roleLabel(selected.role()),
                        k.name(), next.name());
            }
            case NONE -> throw new IllegalStateException("no action");
        }, done -> {
            busy.set(false);
            action.set(PostingAction.NONE);
            status.show(done);
            loadHistory();
            reloadList();
        }, e -> {
            busy.set(false);
            actionError.set(message(e));
        });
        return true;
    }

    private Optional<String> missing(Cadre k, Assignment selected) {
        if (k.id() == null) {
            return Optional.of(Messages.get("posting.error.saveFirst"));
        }
        if (actionDate.get() == null) {
            return Optional.of(Messages.get("posting.error.date"));
        }
        switch (action.get()) {
            case ADD -> {
                if (actionVillage.get() == null) {
                    return Optional.of(Messages.get("posting.error.village"));
                }
                if (actionRole.get() == null) {
                    return Optional.of(Messages.get("posting.error.role"));
                }
            }
            case END -> {
                if (selected == null || selected.endDate() != null) {
                    return Optional.of(Messages.get("posting.error.selectOpen"));
                }
            }
            case REPLACE -> {
                if (selected == null || selected.endDate() != null) {
                    return Optional.of(Messages.get("posting.error.selectOpen"));
                }
                if (actionCadre.get() == null) {
                    return Optional.of(Messages.get("posting.error.cadre"));
                }
                if (actionCadre.get().id().equals(k.id())) {
                    return Optional.of(Messages.get("posting.error.sameCadre"));
                }
            }
            case NONE -> {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }

    // ---- import and export ----

    /** State of the import dialog for the cadres sheet; the screen reloads after an import. */
    public ImportViewModel cadreImporter() {
        return new ImportViewModel(cadreExchange(), executor, status, this::load);
    }

    /** State of the export dialog for all cadres (ID numbers masked unless asked). */
    public ExportViewModel cadreExporter() {
        return new ExportViewModel(cadreExchange(), executor, status);
    }

    /** State of the import dialog for the postings sheet (任职记录). */
    public ImportViewModel assignmentImporter() {
        return new ImportViewModel(assignmentExchange(), executor, status, this::load);
    }

    /** The postings of the village the list is filtered by (all when none). */
    public ExportViewModel assignmentExporter() {
        return new ExportViewModel(assignmentExchange(), executor, status);
    }

    Exchange cadreExchange() {
        return new SheetExchange(Messages.get("cadre.exchange.name"), Messages.get("cadre.exchange.scope"),
                Messages.get("cadre.exchange.fileName"), true,
                service::checkCadresImport,
                file -> done(service.importCadres(file)),
                service::writeCadresErrorReport,
                c -> Messages.get("cadre.exchange.describe", c.added(), c.updated()),
                (file, fullId) -> Messages.get("cadre.exchange.exported", service.exportCadres(file, fullId), file));
    }

    Exchange assignmentExchange() {
        Village v = villageFilter.get();
        return new SheetExchange(Messages.get("assignment.exchange.name"),
                v == null ? Messages.get("assignment.exchange.scopeAll")
                        : Messages.get("assignment.exchange.scopeVillage", v.name()),
                v == null ? Messages.get("assignment.exchange.fileName")
                        : Messages.get("assignment.exchange.fileNameVillage", v.name()),
                false,
                service::checkAssignmentsImport,
                file -> done(service.importAssignments(file)),
                service::writeAssignmentsErrorReport,
                c -> Messages.get("assignment.exchange.describe", c.added(), c.updated()),
                (file, fullId) -> Messages.get("assignment.exchange.exported",
                        service.exportAssignments(file, v == null ? null : v.id()), file));
    }

    /** What an import wrote, as the dialog shows it. */
    static ImportCheck done(ImportCount count) {
        return new ImportCheck(count.added(), count.updated(), count.added() + count.updated(), List.of(), List.of());
    }

    // ---- properties ----

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Unit> unitFilterProperty() {
        return unitFilter;
    }

    public ObjectProperty<Rank> rankFilterProperty() {
        return rankFilter;
    }

    public ObjectProperty<Role> roleFilterProperty() {
        return roleFilter;
    }

    public ObjectProperty<Village> villageFilterProperty() {
        return villageFilter;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObservableList<Village> villages() {
        return villages;
    }

    public ObservableList<Role> roles() {
        return roles;
    }

    public ObservableList<Cadre> allCadres() {
        return allCadres;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<Cadre> editingProperty() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public ObjectProperty<LocalDate> birthDateProperty() {
        return birthDate;
    }

    public StringProperty idNumberProperty() {
        return idNumber;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<Unit> unitProperty() {
        return unit;
    }

    public ObjectProperty<Rank> rankProperty() {
        return rank;
    }

    public BooleanProperty partyMemberProperty() {
        return partyMember;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty errorProperty(String field) {
        return errors.get(field);
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    public ObservableList<Assignment> history() {
        return history;
    }

    public ObjectProperty<Assignment> selectedPostingProperty() {
        return selectedPosting;
    }

    /** True when a posting that is still running is selected (it can be ended or handed over). */
    public BooleanBinding selectedIsOpenBinding() {
        return selectedIsOpen;
    }

    public ReadOnlyObjectProperty<PostingAction> actionProperty() {
        return action;
    }

    public ObjectProperty<Village> actionVillageProperty() {
        return actionVillage;
    }

    public ObjectProperty<Role> actionRoleProperty() {
        return actionRole;
    }

    public ObjectProperty<LocalDate> actionDateProperty() {
        return actionDate;
    }

    public ObjectProperty<Unit> actionUnitProperty() {
        return actionUnit;
    }

    public ObjectProperty<Cadre> actionCadreProperty() {
        return actionCadre;
    }

    public StringProperty actionReasonProperty() {
        return actionReason;
    }

    public StringProperty actionErrorProperty() {
        return actionError;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
