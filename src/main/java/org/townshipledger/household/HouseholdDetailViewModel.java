package org.townshipledger.household;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StaleConflict;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;

/**
 * State of one household's detail: the household form with its members, the errors and warnings of
 * {@link HouseholdService#check} as the form changes, the 两不愁三保障 check and the income by year, and moving a
 * member to another household. Database work goes through the {@link TaskExecutor}.
 */
public final class HouseholdDetailViewModel {

    /** 精准扶贫 records start in 2014: the year lists go back to it. */
    static final int FIRST_YEAR = 2014;
    /** Households offered when choosing where a member moves to. */
    static final int MOVE_CANDIDATES = 30;

    private final HouseholdService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;
    private final Runnable onChanged;
    private final Consumer<Household> onDeleted;

    private final ObjectProperty<Household> editing = new SimpleObjectProperty<>(blank(null, null));
    private final ObjectProperty<StaleConflict> conflict = new SimpleObjectProperty<>();
    /** The saved version behind {@link #conflict} (null when it was deleted). */
    private Household conflictSaved;
    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObjectProperty<Village> village = new SimpleObjectProperty<>();
    private final ObservableList<VillageGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<VillageGroup> group = new SimpleObjectProperty<>();
    private final StringProperty householdNo = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ObjectProperty<HouseholdCategory> category = new SimpleObjectProperty<>();
    private final ObjectProperty<PovertyCause> mainCause = new SimpleObjectProperty<>();
    private final ObjectProperty<PovertyStatus> povertyStatus = new SimpleObjectProperty<>();
    private final StringProperty exitYear = new SimpleStringProperty("");
    private final ObjectProperty<MonitoringType> monitoringType = new SimpleObjectProperty<>();
    private final ObjectProperty<RiskType> riskType = new SimpleObjectProperty<>();
    private final BooleanProperty riskEliminated = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> riskEliminatedOn = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<Member> members = FXCollections.observableArrayList();

    private final ObservableList<HouseholdIssue> issues = FXCollections.observableArrayList();
    private final BooleanBinding hasErrors = Bindings.createBooleanBinding(
            () -> issues.stream().anyMatch(i -> !i.warning()), issues);
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty gone = new SimpleBooleanProperty();
    private final AtomicLong latestCheck = new AtomicLong();
    private final AtomicLong latestMoveSearch = new AtomicLong();
    private Household pristine;
    private String pristineExitYear = "";
    private boolean filling;

    private final IntegerProperty workingYear = new SimpleIntegerProperty();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObservableList<HouseholdCheck> checks = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> checkYear = new SimpleObjectProperty<>();
    private final BooleanProperty foodAndClothing = new SimpleBooleanProperty();
    private final BooleanProperty compulsoryEducation = new SimpleBooleanProperty();
    private final BooleanProperty basicMedical = new SimpleBooleanProperty();
    private final BooleanProperty housingSafety = new SimpleBooleanProperty();
    private final BooleanProperty drinkingWater = new SimpleBooleanProperty();
    private final StringProperty checkNote = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> verifiedOn = new SimpleObjectProperty<>();
    private final ObservableList<Income> incomes = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> incomeYear = new SimpleObjectProperty<>();
    private final StringProperty incomeAmount = new SimpleStringProperty("");
    private final StringProperty incomeError = new SimpleStringProperty("");
    private final ObservableList<HouseholdRow> moveCandidates = FXCollections.observableArrayList();

    HouseholdDetailViewModel(HouseholdService service, TaskExecutor executor, StatusBarModel status, Clock clock,
                             Runnable onChanged, Consumer<Household> onDeleted) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        this.onChanged = onChanged;
        this.onDeleted = onDeleted;
        village.addListener((obs, old, v) -> {
            groups.setAll(v == null ? List.of() : v.groups());
            VillageGroup g = group.get();
            if (!filling && g != null && (v == null || !v.groups().contains(g))) {
                group.set(null);
            }
        });
        Observable[] form = {village, group, householdNo, phone, category, mainCause, povertyStatus, exitYear,
            monitoringType, riskType, riskEliminated, riskEliminatedOn, note, members};
        for (Observable o : form) {
            o.addListener(x -> revalidate());
        }
        riskEliminated.addListener((obs, was, is) -> {
            if (!is && !filling) {
                riskEliminatedOn.set(null);
            }
        });
        povertyStatus.addListener((obs, old, s) -> {
            // Only a household out of poverty has a 脱贫年度.
            if (!filling && s != PovertyStatus.OUT) {
                exitYear.set("");
            }
        });
        checkYear.addListener((obs, old, year) -> showCheck(year));
        incomeYear.addListener((obs, old, year) -> showIncome(year));
    }

    private static Household blank(UUID villageId, UUID groupId) {
        return new Household(null, null, villageId, null, groupId, null, null, null, null, null, null, null, null,
                false, null, null, List.of(), 0, null, null);
    }

    // ---- opening ----

    private record Opened(List<Village> villages, int year, Household household, List<HouseholdCheck> checks,
                          List<Income> incomes) {
    }

    /** Reads the household {@code id} with its checks and incomes, and fills the form. */
    public void open(UUID id) {
        busy.set(true);
        executor.execute(() -> {
            Household h = service.household(id).orElseThrow(() ->
                    new InvalidInputException(Messages.get("household.error.gone")));
            return new Opened(service.villages(), service.workingYear(), h, service.checks(id), service.incomes(id));
        }, this::opened, this::failed);
    }

    /** A blank form for a new household in the given village and group (either may be null). */
    public void openNew(UUID villageId, UUID groupId) {
        busy.set(true);
        executor.execute(() -> new Opened(service.villages(), service.workingYear(), blank(villageId, groupId),
                List.of(), List.of()), this::opened, this::failed);
    }

    private void opened(Opened o) {
        busy.set(false);
        villages.setAll(o.villages());
        workingYear.set(o.year());
        editing.set(o.household());
        fillForm(o.household());
        checks.setAll(o.checks());
        incomes.setAll(o.incomes());
        refreshYears();
        checkYear.set(null);
        checkYear.set(o.year());
        incomeYear.set(null);
        incomeYear.set(o.year());
        loaded.set(true);
    }

    private void fillForm(Household h) {
        filling = true;
        try {
            Village v = villages.stream().filter(x -> x.id().equals(h.villageId())).findFirst().orElse(null);
            village.set(v);
            groups.setAll(v == null ? List.of() : v.groups());
            group.set(v == null ? null : v.groups().stream().filter(g -> Objects.equals(g.id(), h.groupId()))
                    .findFirst().orElse(null));
            householdNo.set(nz(h.householdNo()));
            phone.set(nz(h.phone()));
            category.set(h.category());
            mainCause.set(h.mainCause());
            povertyStatus.set(h.status());
            exitYear.set(h.exitYear() == null ? "" : h.exitYear().toString());
            monitoringType.set(h.monitoringType());
            riskType.set(h.riskType());
            riskEliminated.set(h.riskEliminated());
            riskEliminatedOn.set(h.riskEliminatedOn());
            note.set(nz(h.note()));
            members.setAll(h.members());
            formError.set("");
        } finally {
            filling = false;
        }
        pristine = draft();
        pristineExitYear = exitYear.get();
        revalidate();
    }

    // ---- the form ----

    /** The form as a household to check or save. */
    Household draft() {
        Household o = editing.get();
        Village v = village.get();
        VillageGroup g = group.get();
        return new Household(o.id(), householdNo.get(), v == null ? null : v.id(), v == null ? null : v.name(),
                g == null ? null : g.id(), g == null ? null : g.name(), phone.get(), category.get(), mainCause.get(),
                povertyStatus.get(), parseYear(exitYear.get()).orElse(null), monitoringType.get(), riskType.get(),
                riskEliminated.get(), riskEliminated.get() ? riskEliminatedOn.get() : null, note.get(),
                List.copyOf(members), o.version(), o.updatedAt(), null);
    }

    /** True when the form holds changes not yet saved. */
    public boolean isDirty() {
        return pristine != null && (!draft().equals(pristine) || !exitYear.get().equals(pristineExitYear));
    }

    /** Empty for a blank year; the year; or null-wrapped failure reported by {@link #localIssues}. */
    private static Optional<Integer> parseYear(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || !t.matches("\\d{1,4}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.valueOf(t));
    }

    private List<HouseholdIssue> localIssues() {
        String t = exitYear.get() == null ? "" : exitYear.get().strip();
        if (!t.isEmpty() && parseYear(t).isEmpty()) {
            return List.of(new HouseholdIssue(-1, HouseholdRules.FIELD_EXIT_YEAR,
                    Messages.get("household.error.exitYearInteger", t), false));
        }
        return List.of();
    }

    /**
     * Asks {@link HouseholdService#check} about the form as it is now; the list under the form shows the answer.
     * Called on every change; an answer to an older state of the form is dropped.
     */
    public void revalidate() {
        if (filling || pristine == null) {
            return;
        }
        long ask = latestCheck.incrementAndGet();
        Household draft = draft();
        List<HouseholdIssue> local = localIssues();
        executor.execute(() -> ask == latestCheck.get() ? service.check(draft) : null, found -> {
            if (ask != latestCheck.get() || found == null) {
                return;
            }
            List<HouseholdIssue> all = new ArrayList<>(local);
            all.addAll(found);
            issues.setAll(all);
        }, e -> {
            if (ask == latestCheck.get()) {
                formError.set(unexpected(e));
            }
        });
    }

    /**
     * Saves the household with its members. On success the list behind reloads and the status bar says when; on
     * failure the form keeps what was typed and says why (a stale edit says that someone else changed it).
     *
     * @return false when the form has errors (nothing sent to the database)
     */
    public boolean save() {
        formError.set("");
        List<HouseholdIssue> local = localIssues();
        if (!local.isEmpty()) {
            issues.setAll(local);
            return false;
        }
        if (hasErrors.get()) {
            return false;
        }
        Household draft = draft();
        busy.set(true);
        executor.execute(() -> service.save(draft), saved -> {
            busy.set(false);
            editing.set(saved.household());
            fillForm(saved.household());
            status.saved(LocalTime.now(clock));
            onChanged.run();
        }, e -> {
            busy.set(false);
            if (e instanceof InvalidInputException || e instanceof StaleRecordException) {
                formError.set(e.getMessage());
            } else {
                formError.set(unexpected(e));
            }
            status.show(Messages.get("status.notSaved"));
            revalidate();
            if (e instanceof StaleRecordException && !draft.isNew()) {
                staleSave(draft);
            }
        });
        return true;
    }

    // ---- a save refused because someone else saved meanwhile ----

    /** Reads the saved version and puts both into {@link #conflictProperty()}; the form keeps what was typed. */
    private void staleSave(Household draft) {
        executor.execute(() -> service.household(draft.id()), saved -> {
            Household s = saved.filter(h -> h.deletedAt() == null).orElse(null);
            conflictSaved = s;
            conflict.set(conflictOf(draft, s));
        }, e -> formError.set(unexpected(e)));
    }

    private StaleConflict conflictOf(Household mine, Household saved) {
        Household s = saved == null ? blank(null, null) : saved;
        String head = mine.head().map(Member::name).orElse("");
        return StaleConflict.builder(Messages.get("recycleBin.householdName", head), saved == null)
                .field(Messages.get("household.field.householdNo"), mine.householdNo(), s.householdNo())
                .field(Messages.get("household.field.village"), villageName(mine.villageId()),
                        villageName(s.villageId()))
                .field(Messages.get("household.field.group"), groupName(mine), groupName(s))
                .field(Messages.get("household.field.phone"), mine.phone(), s.phone())
                .field(Messages.get("household.field.category"), mine.category() == null ? null : mine.category().label(), s.category() == null ? null : s.category().label())
                .field(Messages.get("household.field.cause"), mine.mainCause() == null ? null : mine.mainCause().label(), s.mainCause() == null ? null : s.mainCause().label())
                .field(Messages.get("household.field.status"), mine.status() == null ? null : mine.status().label(), s.status() == null ? null : s.status().label())
                .field(Messages.get("household.field.exitYear"), mine.exitYear(), s.exitYear())
                .field(Messages.get("household.field.monitoring"), mine.monitoringType() == null ? null : mine.monitoringType().label(),
                        s.monitoringType() == null ? null : s.monitoringType().label())
                .field(Messages.get("household.field.risk"), mine.riskType() == null ? null : mine.riskType().label(), s.riskType() == null ? null : s.riskType().label())
                .field(Messages.get("household.field.riskEliminated"), mine.riskEliminated(), s.riskEliminated())
                .field(Messages.get("household.field.riskEliminatedOn"), mine.riskEliminatedOn(),
                        s.riskEliminatedOn())
                .field(Messages.get("household.field.note"), mine.note(), s.note())
                .field(Messages.get("household.members"), members(mine), members(s))
                .build();
    }

    private String villageName(java.util.UUID id) {
        return id == null ? "" : villages.stream().filter(v -> v.id().equals(id)).map(Village::name).findFirst()
                .orElse("");
    }

    private String groupName(Household h) {
        return h.groupId() == null ? "" : villages.stream().flatMap(v -> v.groups().stream())
                .filter(g -> h.groupId().equals(g.id())).map(org.townshipledger.village.VillageGroup::name)
                .findFirst().orElse(nz(h.groupName()));
    }

    private static String members(Household h) {
        return h.members().stream().map(m -> m.name() + "（" + (m.relation() == null ? "" : m.relation().label())
                + (m.idNumber() == null ? "" : "，" + org.townshipledger.common.Masking.idNumber(m.idNumber()))
                + "）").collect(java.util.stream.Collectors.joining("、"));
    }

    /** The two versions of a refused save, or null. */
    public ReadOnlyObjectProperty<StaleConflict> conflictProperty() {
        return conflict;
    }

    /** Puts the saved version into the form (what was typed is dropped; the clerk may have copied it). */
    public void reloadSaved() {
        Household saved = conflictSaved;
        conflict.set(null);
        conflictSaved = null;
        formError.set("");
        if (saved == null) {
            gone.set(true);
            return;
        }
        editing.set(saved);
        fillForm(saved);
        revalidate();
        onChanged.run();
    }

    /** Closes the comparison; the form keeps what was typed (saving it is refused until reloaded). */
    public void keepMine() {
        conflict.set(null);
    }

    /** Moves the household to the recycle bin; the main window's status bar offers 撤销. */
    public void moveToBin() {
        Household h = editing.get();
        if (h.isNew()) {
            gone.set(true);
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            service.moveToBin(h);
            return h;
        }, deleted -> {
            busy.set(false);
            gone.set(true);
            onDeleted.accept(deleted);
            onChanged.run();
        }, this::failed);
    }

    // ---- members ----

    /** The form for member {@code index}, or for a new member when {@code index} is negative. */
    public MemberFormViewModel memberForm(int index) {
        if (index >= 0 && index < members.size()) {
            return new MemberFormViewModel(members.get(index), false);
        }
        return new MemberFormViewModel(null, members.stream().noneMatch(Member::isHead));
    }

    /** Puts the member from the form into the household (saved with it): replaces {@code index}, or adds. */
    public void applyMember(int index, Member m) {
        if (index >= 0 && index < members.size()) {
            members.set(index, m);
        } else {
            members.add(m);
        }
    }

    /** Takes a member off the list; on saving, a member who was saved before goes to the recycle bin. */
    public void removeMember(int index) {
        if (index >= 0 && index < members.size()) {
            members.remove(index);
        }
    }

    /** Households to move a member to, found as the list's search box finds them (this one left out). */
    public void findMoveTargets(String text) {
        long ask = latestMoveSearch.incrementAndGet();
        UUID self = editing.get().id();
        HouseholdQuery q = HouseholdQuery.all().withText(text == null || text.isBlank() ? null : text.strip());
        executor.execute(() -> ask == latestMoveSearch.get() ? service.search(q, 0, MOVE_CANDIDATES + 1) : null,
                page -> {
                    if (ask == latestMoveSearch.get() && page != null) {
                        moveCandidates.setAll(page.rows().stream().filter(r -> !r.id().equals(self))
                                .limit(MOVE_CANDIDATES).toList());
                    }
                }, this::failed);
    }

    /**
     * Moves member {@code index} into the household of {@code target}, both saved at once. Asks for unsaved
     * changes to be saved first, and for a new member to be saved with this household first.
     *
     * @return false when the move was refused before asking the database (the reason is in the form's message)
     */
    public boolean moveMember(int index, HouseholdRow target) {
        formError.set("");
        if (index < 0 || index >= members.size() || target == null) {
            return false;
        }
        Member m = members.get(index);
        if (m.id() == null || editing.get().isNew()) {
            formError.set(Messages.get("household.error.moveUnsavedMember", m.name()));
            return false;
        }
        if (isDirty()) {
            formError.set(Messages.get("household.error.saveBeforeMove"));
            return false;
        }
        Household from = editing.get();
        busy.set(true);
        executor.execute(() -> {
            Household to = service.household(target.id()).orElseThrow(() ->
                    new InvalidInputException(Messages.get("household.error.gone")));
            service.moveMember(from, m.id(), to);
            return service.household(from.id()).orElseThrow();
        }, fresh -> {
            busy.set(false);
            editing.set(fresh);
            fillForm(fresh);
            status.show(Messages.get("household.status.moved", m.name(), target.headName()));
            onChanged.run();
        }, this::failed);
        return true;
    }

    // ---- the yearly check and income ----

    private void refreshYears() {
        TreeSet<Integer> all = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (int y = Math.max(workingYear.get(), FIRST_YEAR); y >= FIRST_YEAR; y--) {
            all.add(y);
        }
        checks.forEach(c -> all.add(c.year()));
        incomes.forEach(i -> all.add(i.year()));
        years.setAll(all);
    }

    private void showCheck(Integer year) {
        HouseholdCheck c = year == null ? null
                : checks.stream().filter(x -> x.year() == year).findFirst().orElse(null);
        foodAndClothing.set(c != null && c.foodAndClothing());
        compulsoryEducation.set(c != null && c.compulsoryEducation());
        basicMedical.set(c != null && c.basicMedical());
        housingSafety.set(c != null && c.housingSafety());
        drinkingWater.set(c != null && c.drinkingWater());
        checkNote.set(c == null ? "" : nz(c.note()));
        verifiedOn.set(c == null ? null : c.verifiedOn());
    }

    private void showIncome(Integer year) {
        incomeError.set("");
        Income i = year == null ? null : incomes.stream().filter(x -> x.year() == year).findFirst().orElse(null);
        incomeAmount.set(i == null ? "" : i.perCapita().toPlainString());
    }

    /** Saves the check of the chosen year (the working year unless another is chosen). */
    public void saveCheck() {
        UUID id = editing.get().id();
        Integer year = checkYear.get();
        if (id == null || year == null) {
            return;
        }
        HouseholdCheck c = new HouseholdCheck(year, foodAndClothing.get(), compulsoryEducation.get(),
                basicMedical.get(), housingSafety.get(), drinkingWater.get(),
                checkNote.get() == null || checkNote.get().isBlank() ? null : checkNote.get().strip(), verifiedOn.get());
        busy.set(true);
        executor.execute(() -> {
            service.saveCheck(id, c);
            return service.checks(id);
        }, list -> {
            busy.set(false);
            checks.setAll(list);
            status.show(Messages.get("household.check.saved", year));
        }, this::failed);
    }

    /**
     * Saves the per-capita income of the chosen year, in yuan with at most two decimals.
     *
     * @return false when the amount cannot be read (said under the field)
     */
    public boolean saveIncome() {
        UUID id = editing.get().id();
        Integer year = incomeYear.get();
        Optional<BigDecimal> amount = parseYuan(incomeAmount.get());
        if (amount.isEmpty()) {
            incomeError.set(Messages.get("household.income.error.amount"));
            return false;
        }
        incomeError.set("");
        if (id == null || year == null) {
            return false;
        }
        busy.set(true);
        executor.execute(() -> {
            service.saveIncome(id, new Income(year, amount.get()));
            return service.incomes(id);
        }, list -> {
            busy.set(false);
            incomes.setAll(list);
            showIncome(year);
            status.show(Messages.get("household.income.saved", year));
        }, this::failed);
        return true;
    }

    /** "8,650.5", "８６５０.５０" or "8650.50 元" as yuan; empty for text that is not a sum of at most two decimals. */
    static Optional<BigDecimal> parseYuan(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
            } else if (c == '．') {
                digits.append('.');
            } else if (c != ',' && c != '，' && c != ' ' && c != '元' && c != '¥' && c != '￥') {
                digits.append(c);
            }
        }
        String t = digits.toString();
        if (!t.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t).setScale(2));
    }

    // ---- failures ----

    private void failed(Exception e) {
        busy.set(false);
        formError.set(e instanceof InvalidInputException || e instanceof StaleRecordException
                ? e.getMessage() : unexpected(e));
    }

    private static String unexpected(Exception e) {
        return Messages.get("error.unexpected", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    // ---- what the view shows ----

    /** "新增农户", or "张大山户 · 大石村 一组". */
    public StringBinding titleBinding() {
        return Bindings.createStringBinding(() -> {
            Household h = editing.get();
            if (h.isNew()) {
                return Messages.get("household.form.new");
            }
            String head = h.head().map(Member::name).orElse("");
            String place = (nz(h.villageName()) + " " + nz(h.groupName())).strip();
            return Messages.get("household.form.edit", head, place);
        }, editing);
    }

    /** "错误：…" / "提醒：…" for the list under the form. */
    public static String describe(HouseholdIssue issue) {
        return Messages.get(issue.warning() ? "household.issue.warning" : "household.issue.error", issue.message());
    }

    /** True when member {@code index} has an error (its row is marked). */
    public boolean memberHasError(int index) {
        return issues.stream().anyMatch(i -> i.member() == index && !i.warning());
    }

    /** True when the household field {@code field} (a FIELD_ key of {@link HouseholdRules}) has an error. */
    public boolean fieldHasError(String field) {
        return issues.stream().anyMatch(i -> i.member() < 0 && field.equals(i.field()) && !i.warning());
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Household> editingProperty() {
        return editing;
    }

    public ObservableList<Village> villages() {
        return villages;
    }

    public ObjectProperty<Village> villageProperty() {
        return village;
    }

    public ObservableList<VillageGroup> groups() {
        return groups;
    }

    public ObjectProperty<VillageGroup> groupProperty() {
        return group;
    }

    public StringProperty householdNoProperty() {
        return householdNo;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<HouseholdCategory> categoryProperty() {
        return category;
    }

    public ObjectProperty<PovertyCause> mainCauseProperty() {
        return mainCause;
    }

    public ObjectProperty<PovertyStatus> povertyStatusProperty() {
        return povertyStatus;
    }

    public StringProperty exitYearProperty() {
        return exitYear;
    }

    public ObjectProperty<MonitoringType> monitoringTypeProperty() {
        return monitoringType;
    }

    public ObjectProperty<RiskType> riskTypeProperty() {
        return riskType;
    }

    public BooleanProperty riskEliminatedProperty() {
        return riskEliminated;
    }

    public ObjectProperty<LocalDate> riskEliminatedOnProperty() {
        return riskEliminatedOn;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableList<Member> members() {
        return members;
    }

    public ObservableList<HouseholdIssue> issues() {
        return issues;
    }

    public BooleanBinding hasErrorsBinding() {
        return hasErrors;
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True once the household has been read (the form is filled). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    /** True once the household went to the recycle bin: the view closes. */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone;
    }

    public IntegerProperty workingYearProperty() {
        return workingYear;
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObservableList<HouseholdCheck> checks() {
        return checks;
    }

    public ObjectProperty<Integer> checkYearProperty() {
        return checkYear;
    }

    public BooleanProperty foodAndClothingProperty() {
        return foodAndClothing;
    }

    public BooleanProperty compulsoryEducationProperty() {
        return compulsoryEducation;
    }

    public BooleanProperty basicMedicalProperty() {
        return basicMedical;
    }

    public BooleanProperty housingSafetyProperty() {
        return housingSafety;
    }

    public BooleanProperty drinkingWaterProperty() {
        return drinkingWater;
    }

    public StringProperty checkNoteProperty() {
        return checkNote;
    }

    public ObjectProperty<LocalDate> verifiedOnProperty() {
        return verifiedOn;
    }

    public ObservableList<Income> incomes() {
        return incomes;
    }

    public ObjectProperty<Integer> incomeYearProperty() {
        return incomeYear;
    }

    public StringProperty incomeAmountProperty() {
        return incomeAmount;
    }

    public StringProperty incomeErrorProperty() {
        return incomeError;
    }

    public ObservableList<HouseholdRow> moveCandidates() {
        return moveCandidates;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
