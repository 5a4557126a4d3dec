package org.townshipledger.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Page;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.exchange.ErrorReport;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdCheck;
import org.townshipledger.household.HouseholdQuery;
import org.townshipledger.household.HouseholdRow;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * Visits (走访记录), problems raised (诉求 / 矛盾纠纷) and help given (帮扶措施): what may be saved, the paged list,
 * the tallies the office reports, and the look-ups quick entry needs.
 */
public final class VisitService {

    /** Rows on a page of the visit list. */
    public static final int PAGE_SIZE = 50;
    static final int TEXT_MAX = 2000;
    static final int NOTE_MAX = 1000;
    static final int NAME_MAX = 100;

    private final Database database;
    private final VisitRepository visits;
    private final ProblemRepository problems;
    private final HelpRepository help;
    private final CadreService cadres;
    private final HouseholdService households;
    private final VillageService villages;
    private final SettingsStore settings;
    private final Clock clock;

    public VisitService(Database database, CadreService cadres, HouseholdService households, VillageService villages,
                        SettingsStore settings, Clock clock) {
        this.database = database;
        this.visits = new VisitRepository(database.dsl());
        this.problems = new ProblemRepository(database.dsl());
        this.help = new HelpRepository(database.dsl());
        this.cadres = cadres;
        this.households = households;
        this.villages = villages;
        this.settings = settings;
        this.clock = clock;
    }

    public int workingYear() {
        return settings.workingYear();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- kinds ----

    /** The built-in visit kinds and those the office added in the settings ({@link VisitKind#CUSTOM_KINDS}). */
    public List<VisitKind> kinds() {
        List<VisitKind> kinds = new ArrayList<>(VisitKind.BUILT_IN.stream().map(VisitKind::builtIn).toList());
        settings.get(VisitKind.CUSTOM_KINDS).ifPresent(lines -> lines.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).distinct().forEach(l -> kinds.add(VisitKind.custom(l))));
        return kinds;
    }

    /** The kind with this code or label (Chinese or English), as typed on the command line or in a sheet. */
    public Optional<VisitKind> kind(String text) {
        return kinds().stream().filter(k -> k.matches(text)).findFirst();
    }

    /** The label of a kind code (the code itself when the office removed the kind from the settings). */
    public String kindLabel(String code) {
        return kinds().stream().filter(k -> k.code().equals(code)).map(VisitKind::label).findFirst().orElse(code);
    }

    /** Saves the office's own kinds (one label a line), after the built-in ones. */
    public void saveCustomKinds(List<String> labels) {
        settings.put(VisitKind.CUSTOM_KINDS, labels.stream().map(String::strip).filter(s -> !s.isEmpty())
                .distinct().collect(Collectors.joining("\n")));
    }

    // ---- visits ----

    public int count() {
        return visits.count();
    }

    public Optional<Visit> visit(UUID id) {
        return visits.visit(id);
    }

    /** Page {@code page} (from 0) of the visits matching the filter, newest first, {@value #PAGE_SIZE} a page. */
    public Page<Visit> page(VisitFilter filter, int page) {
        return visits.page(filter, Math.max(0, page) * PAGE_SIZE, PAGE_SIZE);
    }

    /** Any slice of the list (exports, the CLI's --limit). */
    public Page<Visit> slice(VisitFilter filter, int offset, int limit) {
        return visits.page(filter, offset, limit);
    }

    /**
     * Records a visit. Refused, with the reason: no cadre, or a cadre not in the ledger; no target or one not in
     * the ledger; no date or a date after today; a kind the ledger does not know; a check on a visit that is not to
     * a household; texts too long. A household visit's check becomes the household's verified status for the
     * visit's year, unless a later visit already verified that year.
     */
    public Visit record(Visit draft) {
        Visit v = checked(draft);
        Visit created = v.withId(UUID.randomUUID());
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> visits.with(tx.dsl()).insert(List.of(created), now));
        writeCheck(created);
        return visits.visit(created.id()).orElseThrow();
    }

    /**
     * Records a visit and the problems raised on it, all or nothing: every reason the visit or any problem is
     * refused is reported together and nothing is written. Each problem is tied to the visit; with no village or
     * raiser of its own it takes the visit's household (and its village) or the visited village.
     */
    public Visit record(Visit draft, List<Problem> raised) {
        if (raised == null || raised.isEmpty()) {
            return record(draft);
        }
        List<org.townshipledger.common.Problem> found = new ArrayList<>();
        Visit v = null;
        try {
            v = checked(draft);
        } catch (InvalidInputException e) {
            found.addAll(e.problems());
        }
        List<Problem> checkedProblems = new ArrayList<>();
        for (Problem p : raised) {
            Problem d = p.withVisit(null);
            if (d.householdId() == null && blank(d.raisedBy()) == null && draft.target() == VisitTarget.HOUSEHOLD) {
                d = d.withHousehold(draft.householdId());
            }
            if (d.villageId() == null && v != null && v.villageId() != null) {
                d = d.withVillage(v.villageId());
            }
            if (d.raisedOn() == null) {
                d = new Problem(d.id(), d.kind(), d.subKind(), d.raisedBy(), d.householdId(), d.householdName(),
                        d.villageId(), d.villageName(), draft.date(), d.description(), d.status(), d.resolvedOn(),
                        d.resolution(), d.level(), null, d.version());
            }
            try {
                checkedProblems.add(checkedProblem(d));
            } catch (InvalidInputException e) {
                found.addAll(e.problems());
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidInputException(found.stream().distinct().toList());
        }
        Visit created = v.withId(UUID.randomUUID());
        List<Problem> toInsert = checkedProblems.stream().map(p -> p.withVisit(created.id())
                .withId(UUID.randomUUID())).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            visits.with(tx.dsl()).insert(List.of(created), now);
            problems.with(tx.dsl()).insert(toInsert, now);
        });
        writeCheck(created);
        return visits.visit(created.id()).orElseThrow();
    }

    /** Saves an edited visit (same checks as {@link #record}), if nobody changed it since it was read. */
    public Visit update(Visit draft) {
        if (draft.id() == null) {
            throw new IllegalArgumentException("update needs a saved visit");
        }
        Visit v = checked(draft);
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            if (!visits.with(tx.dsl()).update(v, now)) {
                throw new StaleRecordException(describe(v));
            }
        });
        writeCheck(v);
        return visits.visit(v.id()).orElseThrow();
    }

    /** Moves a visit to the recycle bin (a household's check it recorded stays: it was verified). */
    public void remove(Visit v) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            if (!visits.with(tx.dsl()).remove(v.id(), v.version(), now)) {
                throw new StaleRecordException(describe(v));
            }
        });
    }

    /**
     * Brings a visit back from the recycle bin with its cadres and the problems raised on it (a problem removed on
     * its own before stays in the bin). Refused while its household or village is in the bin: restore that first.
     */
    public Visit restore(UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            VisitRepository r = visits.with(tx.dsl());
            Optional<VisitInBin> inBin = r.visitInBin(id);
            if (inBin.isPresent()) {
                Visit v = inBin.get().visit();
                refuseWhileParentInBin(r.hidden(), v.householdId(), v.villageId());
                r.restore(id, now);
            }
        });
        return visits.visit(id).orElseThrow(() -> new InvalidInputException(Messages.get("visit.error.gone")));
    }

    /** Visits in the recycle bin (removed on their own), latest removed first. */
    public List<Visit> visitsInBin() {
        return visits.visitsInBin();
    }

    /** {@link #visitsInBin} with the time each was removed (the 回收站 screen). */
    public List<VisitInBin> visitsInBinWithTimes() {
        return visits.visitsInBinWithTimes();
    }

    /**
     * Deletes a visit in the recycle bin for good, with its cadres' rows and the problems raised on it, in one
     * transaction.
     *
     * @throws InvalidInputException when it is not in the bin
     */
    public void purge(UUID id) {
        database.dsl().transaction(tx -> {
            if (!visits.with(tx.dsl()).purge(id)) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
        });
    }

    /**
     * Refuses to bring a record back while its household or village is in the recycle bin: it would come back
     * hidden with them. The message names what to restore first.
     */
    private void refuseWhileParentInBin(VisitRepository.Hidden hidden, UUID householdId, UUID villageId) {
        if (householdId != null && hidden.households().contains(householdId)) {
            String head = households.household(householdId).flatMap(Household::head)
                    .map(org.townshipledger.household.Member::name).orElse("");
            throw new InvalidInputException(Messages.get("recycleBin.error.householdInBin", head));
        }
        if (villageId != null && hidden.villages().contains(villageId)) {
            String name = villages.find(villageId).map(Village::name).orElse("");
            throw new InvalidInputException(Messages.get("recycleBin.error.villageInBin", name));
        }
    }

    private static String describe(Visit v) {
        return (v.targetName() == null ? "" : v.targetName() + " ") + (v.date() == null ? "" : v.date());
    }

    /** The draft checked against the ledger and completed (its village), or an exception with every reason. */
    Visit checked(Visit d) {
        return checked(d, oneByOne());
    }

    private Visit checked(Visit d, Lookup look) {
        List<org.townshipledger.common.Problem> found = new ArrayList<>();
        List<UUID> cadreIds = d.cadreIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (cadreIds.isEmpty()) {
            found.add(problem("visit.field.cadres", "visit.error.noCadres"));
        }
        for (UUID id : cadreIds) {
            if (!look.cadreInUse(id)) {
                found.add(problem("visit.field.cadres", "assignment.error.noCadre"));
            }
        }
        UUID village = null;
        if (d.target() == null) {
            found.add(problem("visit.field.target", "visit.error.target"));
        } else {
            switch (d.target()) {
                case HOUSEHOLD -> {
                    village = d.householdId() == null ? null : look.householdVillage(d.householdId());
                    if (village == null) {
                        found.add(problem("visit.field.target", "pairing.error.noHousehold"));
                    }
                }
                case VILLAGE -> {
                    if (d.villageId() == null || !look.villageInUse(d.villageId())) {
                        found.add(problem("visit.field.target", "household.error.villageGone"));
                    }
                    village = d.villageId();
                }
                case UNIT -> {
                    if (d.unitId() == null || !look.unitInUse(d.unitId())) {
                        found.add(problem("visit.field.target", "pairing.error.noUnit"));
                    }
                }
            }
            if (d.check() != null && d.target() != VisitTarget.HOUSEHOLD) {
                found.add(problem("visit.field.check", "visit.error.checkNotHousehold"));
            }
        }
        if (d.date() == null) {
            found.add(problem("visit.field.date", "visit.error.date"));
        } else if (d.date().isAfter(today())) {
            found.add(org.townshipledger.common.Problem.onField(Messages.get("visit.field.date"),
                    Messages.get("visit.error.future", d.date().toString())));
        }
        if (d.kind() == null || look.kinds().stream().noneMatch(k -> k.code().equals(d.kind()))) {
            found.add(org.townshipledger.common.Problem.onField(Messages.get("visit.field.kind"),
                    Messages.get("visit.error.kind", d.kind() == null ? "" : d.kind())));
        }
        String seen = blank(d.seen());
        String done = blank(d.done());
        tooLong(found, "visit.field.seen", seen, TEXT_MAX);
        tooLong(found, "visit.field.done", done, TEXT_MAX);
        VisitCheck check = d.check();
        if (check != null) {
            tooLong(found, "visit.field.check", check.note(), NOTE_MAX);
            check = new VisitCheck(check.foodAndClothing(), check.compulsoryEducation(), check.basicMedical(),
                    check.housingSafety(), check.drinkingWater(), blank(check.note()));
        }
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
        UUID villageId = d.target() == VisitTarget.UNIT ? null : village;
        return new Visit(d.id(), d.target(), d.target() == VisitTarget.HOUSEHOLD ? d.householdId() : null, villageId,
                d.target() == VisitTarget.UNIT ? d.unitId() : null, d.targetName(), d.villageName(), d.date(),
                d.kind(), cadreIds, null, seen, done, check, d.version());
    }

    /** A household visit's check becomes that year's verified status, unless a later visit verified it already. */
    private void writeCheck(Visit v) {
        if (v.target() != VisitTarget.HOUSEHOLD || v.check() == null) {
            return;
        }
        int year = v.date().getYear();
        Optional<HouseholdCheck> existing = households.checks(v.householdId()).stream()
                .filter(c -> c.year() == year).findFirst();
        if (existing.isPresent() && existing.get().verifiedOn() != null
                && existing.get().verifiedOn().isAfter(v.date())) {
            return;
        }
        VisitCheck k = v.check();
        households.saveCheck(v.householdId(), new HouseholdCheck(year, k.foodAndClothing(), k.compulsoryEducation(),
                k.basicMedical(), k.housingSafety(), k.drinkingWater(), k.note(), v.date()));
    }

    /** Inserts many visits already valid and carrying their ids and villages (demo data), one transaction. */
    public void insertAll(List<Visit> list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> visits.with(tx.dsl()).insert(list, now));
    }

    /**
     * Loads many visits already valid and carrying their ids and villages into a ledger that has none (demo data):
     * the producer hands over batches (a transaction each, best in date order with time-ordered ids); the visit
     * tables' secondary indexes and foreign keys are dropped first and built once at the end. A run killed half
     * way leaves the ledger without them.
     */
    public void bulkLoad(java.util.function.Consumer<java.util.function.Consumer<List<Visit>>> producer) {
        visits.dropIndexesForBulkLoad();
        try {
            producer.accept(this::insertAll);
        } finally {
            visits.restoreIndexesAfterBulkLoad();
        }
        database.checkpoint();
    }

    // ---- quick entry ----

    /** Households matching a name, pinyin initials or the last digits of an ID (the households list's search). */
    public List<HouseholdRow> searchHouseholds(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return households.search(HouseholdQuery.all().withText(text), 0, limit).rows();
    }

    /** The households the cadre visited last, most recent first, each once (at most 10). */
    public List<VisitRepository.RecentHousehold> recentHouseholds(UUID cadreId) {
        return cadreId == null ? List.of() : visits.recentHouseholds(cadreId, 10);
    }

    /** {@link #searchHouseholds} as quick entry shows it: head, village, masked ID. */
    public List<HouseholdPick> householdPicks(String text, int limit) {
        return searchHouseholds(text, limit).stream().map(r -> new HouseholdPick(r.id(), r.headName(),
                r.villageName(), r.headIdNumber() == null ? null : Masking.idNumber(r.headIdNumber()), null)).toList();
    }

    /** {@link #recentHouseholds} as quick entry shows them (for view models: a top-level record). */
    public List<HouseholdPick> recentPicks(UUID cadreId) {
        return recentHouseholds(cadreId).stream().map(r -> new HouseholdPick(r.householdId(), r.headName(),
                r.villageName(), null, r.lastVisit())).toList();
    }

    /** The units a visit can go to (in use), for pickers. */
    public List<Unit> units() {
        return cadres.units().stream().filter(u -> u.deletedAt() == null).toList();
    }

    /** The cadres who can go on visits (in use), for pickers. */
    public List<Cadre> cadres() {
        return cadres.cadres(null, null, null);
    }

    public List<Village> villages() {
        return villages.villages();
    }

    // ---- problems ----

    public int problemCount() {
        return problems.count();
    }

    public List<Problem> problems(ProblemFilter filter) {
        return problems.list(filter);
    }

    public Optional<Problem> problem(UUID id) {
        return problems.problem(id);
    }

    /** Records a problem raised (on a visit or directly); see {@link #checkedProblem} for what is refused. */
    public Problem raise(Problem draft) {
        Problem p = checkedProblem(draft).withId(UUID.randomUUID());
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> problems.with(tx.dsl()).insert(List.of(p), now));
        return problems.problem(p.id()).orElseThrow();
    }

    /** Saves a changed problem (its status moved on, say), if nobody changed it since it was read. */
    public Problem updateProblem(Problem draft) {
        Problem p = checkedProblem(draft);
        if (!problems.update(p, OffsetDateTime.now(clock))) {
            throw new StaleRecordException(p.raisedBy() == null ? "" : p.raisedBy());
        }
        return problems.problem(p.id()).orElseThrow();
    }

    /** Moves a problem to the recycle bin; {@link #restoreProblem} brings it back. */
    public void removeProblem(Problem p) {
        if (!problems.remove(p.id(), p.version(), OffsetDateTime.now(clock))) {
            throw new StaleRecordException(p.raisedBy() == null ? "" : p.raisedBy());
        }
    }

    /** Problems in the recycle bin (removed on their own) with the time each was removed, latest first. */
    public List<ProblemInBin> problemsInBin() {
        return problems.inBin();
    }

    /**
     * Brings a problem back from the recycle bin. Refused while the visit it was raised on, or its household or
     * village (or the visit's household), is in the bin: restore that first.
     *
     * @throws InvalidInputException when it is not in the bin, or a parent is
     */
    public Problem restoreProblem(UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            ProblemRepository r = problems.with(tx.dsl());
            VisitRepository v = visits.with(tx.dsl());
            Problem p = r.inBin(id).map(ProblemInBin::problem).orElse(null);
            if (p == null) {
                if (r.problem(id).isPresent()) {
                    return; // back already (撤销 pressed twice)
                }
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
            VisitRepository.Hidden hidden = v.hidden();
            if (p.visitId() != null) {
                Optional<VisitInBin> visitInBin = v.visitInBin(p.visitId());
                if (visitInBin.isPresent()) {
                    throw new InvalidInputException(Messages.get("recycleBin.error.visitInBin",
                            VisitBin.name(visitInBin.get().visit())));
                }
                for (Visit raisedOn : v.visits(List.of(p.visitId()))) {
                    refuseWhileParentInBin(hidden, raisedOn.householdId(), null);
                }
            }
            refuseWhileParentInBin(hidden, p.householdId(), p.villageId());
            r.restore(id, now);
        });
        return problems.problem(id).orElseThrow(() -> new InvalidInputException(Messages.get("recycleBin.error.gone")));
    }

    /**
     * Deletes a problem in the recycle bin for good.
     *
     * @throws InvalidInputException when it is not in the bin
     */
    public void purgeProblem(UUID id) {
        database.dsl().transaction(tx -> {
            if (!problems.with(tx.dsl()).purge(id)) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
        });
    }

    /**
     * The problem checked and completed, or an exception with every reason: a kind (a sub-kind only for a
     * dispute); who raised it (a name or a household); a village in the ledger (a household's village when only
     * the household is given); a date not after today; a status; a resolved one with its date (not before it was
     * raised, not after today) and the level where it was settled; texts not too long.
     */
    Problem checkedProblem(Problem d) {
        return checkedProblem(d, oneByOne());
    }

    private Problem checkedProblem(Problem d, Lookup look) {
        List<org.townshipledger.common.Problem> found = new ArrayList<>();
        if (d.kind() == null) {
            found.add(problem("problem.field.kind", "problem.error.kind"));
        } else if (d.subKind() != null && d.kind() != ProblemKind.DISPUTE) {
            found.add(problem("problem.field.subKind", "problem.error.subKind"));
        }
        String raisedBy = blank(d.raisedBy());
        UUID village = d.villageId();
        if (d.householdId() != null) {
            UUID householdVillage = look.householdVillage(d.householdId());
            if (householdVillage == null) {
                found.add(problem("problem.field.raisedBy", "pairing.error.noHousehold"));
            } else if (village == null) {
                village = householdVillage;
            }
        } else if (raisedBy == null) {
            found.add(problem("problem.field.raisedBy", "problem.error.raisedBy"));
        }
        if (village == null || !look.villageInUse(village)) {
            found.add(problem("problem.field.village", village == null ? "problem.error.village"
                    : "household.error.villageGone"));
        }
        LocalDate today = today();
        if (d.raisedOn() == null) {
            found.add(problem("problem.field.raisedOn", "visit.error.date"));
        } else if (d.raisedOn().isAfter(today)) {
            found.add(org.townshipledger.common.Problem.onField(Messages.get("problem.field.raisedOn"),
                    Messages.get("visit.error.future", d.raisedOn().toString())));
        }
        ProblemStatus status = d.status() == null ? ProblemStatus.FOUND : d.status();
        LocalDate resolvedOn = d.resolvedOn();
        SettledLevel level = d.level();
        if (status == ProblemStatus.RESOLVED) {
            if (resolvedOn == null) {
                found.add(problem("problem.field.resolvedOn", "problem.error.resolvedOn"));
            } else if (d.raisedOn() != null && resolvedOn.isBefore(d.raisedOn())) {
                found.add(problem("problem.field.resolvedOn", "problem.error.resolvedBeforeRaised"));
            } else if (resolvedOn.isAfter(today)) {
                found.add(org.townshipledger.common.Problem.onField(Messages.get("problem.field.resolvedOn"),
                        Messages.get("visit.error.future", resolvedOn.toString())));
            }
            if (level == null) {
                found.add(problem("problem.field.level", "problem.error.level"));
            }
        } else {
            resolvedOn = null;
            level = null;
        }
        String description = blank(d.description());
        String resolution = status == ProblemStatus.RESOLVED ? blank(d.resolution()) : null;
        tooLong(found, "problem.field.raisedBy", raisedBy, NAME_MAX);
        tooLong(found, "problem.field.description", description, TEXT_MAX);
        tooLong(found, "problem.field.resolution", resolution, TEXT_MAX);
        if (d.visitId() != null && !look.visitInUse(d.visitId())) {
            found.add(problem("problem.field.visit", "visit.error.gone"));
        }
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
        return new Problem(d.id(), d.kind(), d.subKind(), raisedBy, d.householdId(), d.householdName(), village,
                d.villageName(), d.raisedOn(), description, status, resolvedOn, resolution, level, d.visitId(),
                d.version());
    }

    /** Inserts many problems already valid and carrying their ids (demo data), one transaction. */
    public void insertProblems(List<Problem> list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> problems.with(tx.dsl()).insert(list, now));
    }

    /**
     * Problems found and resolved in the year (of one village, or all): by village and in total, the rate as
     * resolved ÷ found in percent, two decimals, half up (35 found, 30 resolved: 85.71).
     */
    public ProblemTally problemTally(int year, UUID villageId) {
        List<ProblemTally.Line> lines = new ArrayList<>();
        int[] sum = new int[6];
        for (ProblemRepository.Counts c : problems.counts(year, villageId)) {
            lines.add(new ProblemTally.Line(c.villageId(), c.villageName(), c.found(), c.resolved(), c.inVillage(),
                    c.inTownship(), c.inCounty(), c.escalated(), rate(c.resolved(), c.found())));
            int[] f = {c.found(), c.resolved(), c.inVillage(), c.inTownship(), c.inCounty(), c.escalated()};
            for (int i = 0; i < sum.length; i++) {
                sum[i] += f[i];
            }
        }
        ProblemTally.Line total = new ProblemTally.Line(null, Messages.get("tally.total"), sum[0], sum[1], sum[2],
                sum[3], sum[4], sum[5], rate(sum[1], sum[0]));
        return new ProblemTally(year, lines, total);
    }

    /** {@code part} ÷ {@code whole} in percent, two decimals, half up; null when {@code whole} is 0. */
    public static BigDecimal rate(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    // ---- help given ----

    public int helpCount() {
        return help.count();
    }

    public List<HelpItem> helpItems(HelpFilter filter) {
        return help.list(filter);
    }

    public Optional<HelpItem> helpItem(UUID id) {
        return help.item(id);
    }

    /** Records help given; see {@link #checkedHelp} for what is refused. */
    public HelpItem give(HelpItem draft) {
        HelpItem h = checkedHelp(draft).withId(UUID.randomUUID());
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> help.with(tx.dsl()).insert(List.of(h), now));
        return help.item(h.id()).orElseThrow();
    }

    public HelpItem updateHelp(HelpItem draft) {
        HelpItem h = checkedHelp(draft);
        if (!help.update(h, OffsetDateTime.now(clock))) {
            throw new StaleRecordException(h.description() == null ? "" : h.description());
        }
        return help.item(h.id()).orElseThrow();
    }

    /** Moves an item of help to the recycle bin; {@link #restoreHelp} brings it back. */
    public void removeHelp(HelpItem h) {
        if (!help.remove(h.id(), h.version(), OffsetDateTime.now(clock))) {
            throw new StaleRecordException(h.description() == null ? "" : h.description());
        }
    }

    /** Help items in the recycle bin (removed on their own) with the time each was removed, latest first. */
    public List<HelpInBin> helpInBin() {
        return help.inBin();
    }

    /**
     * Brings an item of help back from the recycle bin. Refused while its household or village is in the bin.
     *
     * @throws InvalidInputException when it is not in the bin, or a parent is
     */
    public HelpItem restoreHelp(UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            HelpRepository r = help.with(tx.dsl());
            HelpItem h = r.inBin(id).map(HelpInBin::item).orElse(null);
            if (h == null) {
                if (r.item(id).isPresent()) {
                    return; // back already (撤销 pressed twice)
                }
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
            refuseWhileParentInBin(visits.with(tx.dsl()).hidden(), h.householdId(), h.villageId());
            r.restore(id, now);
        });
        return help.item(id).orElseThrow(() -> new InvalidInputException(Messages.get("recycleBin.error.gone")));
    }

    /**
     * Deletes an item of help in the recycle bin for good.
     *
     * @throws InvalidInputException when it is not in the bin
     */
    public void purgeHelp(UUID id) {
        database.dsl().transaction(tx -> {
            if (!help.with(tx.dsl()).purge(id)) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
        });
    }

    /**
     * The item checked and completed (the household's village, money at two decimals), or an exception with
     * every reason: a household or a village in the ledger; a kind; money and goods not negative and with at most
     * two decimals (fen); a helper cadre or unit in the ledger when named; a date; a status.
     */
    HelpItem checkedHelp(HelpItem d) {
        return checkedHelp(d, oneByOne());
    }

    private HelpItem checkedHelp(HelpItem d, Lookup look) {
        List<org.townshipledger.common.Problem> found = new ArrayList<>();
        UUID village = d.villageId();
        if (d.target() == VisitTarget.HOUSEHOLD) {
            village = d.householdId() == null ? null : look.householdVillage(d.householdId());
            if (village == null) {
                found.add(problem("help.field.target", "pairing.error.noHousehold"));
            }
        } else if (d.target() == VisitTarget.VILLAGE) {
            if (village == null || !look.villageInUse(village)) {
                found.add(problem("help.field.target", "household.error.villageGone"));
            }
        } else {
            found.add(problem("help.field.target", "help.error.target"));
        }
        if (d.kind() == null) {
            found.add(problem("help.field.kind", "help.error.kind"));
        }
        BigDecimal money = amount(found, "help.field.money", d.money());
        BigDecimal goods = amount(found, "help.field.goods", d.goodsValue());
        if (d.cadreId() != null && !look.cadreInUse(d.cadreId())) {
            found.add(problem("help.field.helper", "assignment.error.noCadre"));
        }
        if (d.unitId() != null && !look.unitInUse(d.unitId())) {
            found.add(problem("help.field.helper", "pairing.error.noUnit"));
        }
        if (d.date() == null) {
            found.add(problem("help.field.date", "visit.error.date"));
        }
        if (d.status() == null) {
            found.add(problem("help.field.status", "help.error.status"));
        }
        String description = blank(d.description());
        tooLong(found, "help.field.description", description, TEXT_MAX);
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
        return d.normalized(village, money, goods, description);
    }

    /** An amount in yuan: none is 0; negative or finer than a fen is refused. */
    private static BigDecimal amount(List<org.townshipledger.common.Problem> found, String field, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (value.signum() < 0) {
            found.add(problem(field, "validation.notNegative"));
            return value;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            found.add(problem(field, "help.error.fen"));
            return value;
        }
        if (value.setScale(2).precision() > 14) {
            found.add(problem(field, "help.error.tooMuch"));
            return value;
        }
        return value.setScale(2);
    }

    /** Inserts many help items already valid and carrying their ids and villages (demo data), one transaction. */
    public void insertHelp(List<HelpItem> list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> help.with(tx.dsl()).insert(list, now));
    }

    /** Help given in the year: items, money and goods by kind, by village, by both, and in total (exact sums). */
    public HelpTally helpTally(int year) {
        List<HelpRepository.Sums> sums = help.sums(year);
        Map<HelpKind, HelpTally.Sum> byKind = new EnumMap<>(HelpKind.class);
        Map<UUID, HelpTally.Sum> byVillage = new LinkedHashMap<>();
        List<HelpTally.Sum> both = new ArrayList<>();
        HelpTally.Sum total = new HelpTally.Sum(null, Messages.get("tally.total"), null, 0, zero(), zero());
        for (HelpRepository.Sums s : sums) {
            HelpTally.Sum cell = new HelpTally.Sum(s.villageId(), s.villageName(), s.kind(), s.items(),
                    s.money().setScale(2), s.goods().setScale(2));
            both.add(cell);
            byKind.merge(s.kind(), new HelpTally.Sum(null, null, s.kind(), cell.items(), cell.money(), cell.goods()),
                    VisitService::add);
            byVillage.merge(s.villageId(), new HelpTally.Sum(s.villageId(), s.villageName(), null, cell.items(),
                    cell.money(), cell.goods()), VisitService::add);
            total = add(total, cell);
        }
        return new HelpTally(year, List.copyOf(byKind.values()), List.copyOf(byVillage.values()), both,
                new HelpTally.Sum(null, Messages.get("tally.total"), null, total.items(), total.money(),
                        total.goods()));
    }

    private static HelpTally.Sum add(HelpTally.Sum a, HelpTally.Sum b) {
        return new HelpTally.Sum(a.villageId(), a.villageName(), a.kind(), a.items() + b.items(),
                a.money().add(b.money()), a.goods().add(b.goods()));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    // ---- import and export ----

    private VisitExchange.Ledger exchangeLedger() {
        return new VisitExchange.Ledger(cadres.cadres(null, null, null), cadres.units(), villages.villages(),
                visits.householdKeys(), kinds());
    }

    /**
     * What the checks of a draft look up in the ledger: cadres, households, villages and units in use, the kinds.
     * A single save asks the ledger for each ({@link #oneByOne}); an import reads them all once
     * ({@link #preloaded}): asked a row at a time, loading each row's household with its members took most of a
     * 10,000-row import.
     */
    private interface Lookup {
        boolean cadreInUse(UUID id);

        /** The village of a household in use, or null when there is no such household in use. */
        UUID householdVillage(UUID id);

        boolean villageInUse(UUID id);

        boolean unitInUse(UUID id);

        List<VisitKind> kinds();

        boolean visitInUse(UUID id);
    }

    private Lookup oneByOne() {
        return new Lookup() {
            @Override
            public boolean cadreInUse(UUID id) {
                return cadres.cadre(id).filter(k -> k.deletedAt() == null).isPresent();
            }

            @Override
            public UUID householdVillage(UUID id) {
                return households.household(id).filter(x -> x.deletedAt() == null).map(Household::villageId)
                        .orElse(null);
            }

            @Override
            public boolean villageInUse(UUID id) {
                return villageIds().contains(id);
            }

            @Override
            public boolean unitInUse(UUID id) {
                return cadres.units().stream().anyMatch(u -> u.id().equals(id));
            }

            @Override
            public List<VisitKind> kinds() {
                return VisitService.this.kinds();
            }

            @Override
            public boolean visitInUse(UUID id) {
                return visits.visit(id).isPresent();
            }
        };
    }

    /** The ledger an import's rows are read against, for their checks. */
    private Lookup preloaded(VisitExchange.Ledger ledger) {
        Set<UUID> cadreIds = ledger.cadres().stream().map(Cadre::id).collect(Collectors.toSet());
        Map<UUID, UUID> householdVillages = new java.util.HashMap<>();
        ledger.households().forEach(h -> householdVillages.put(h.id(), h.villageId()));
        Set<UUID> villageIds = ledger.villages().stream().map(Village::id).collect(Collectors.toSet());
        Set<UUID> unitIds = ledger.units().stream().map(Unit::id).collect(Collectors.toSet());
        List<VisitKind> kinds = ledger.kinds();
        return new Lookup() {
            @Override
            public boolean cadreInUse(UUID id) {
                return cadreIds.contains(id);
            }

            @Override
            public UUID householdVillage(UUID id) {
                return householdVillages.get(id);
            }

            @Override
            public boolean villageInUse(UUID id) {
                return villageIds.contains(id);
            }

            @Override
            public boolean unitInUse(UUID id) {
                return unitIds.contains(id);
            }

            @Override
            public List<VisitKind> kinds() {
                return kinds;
            }

            @Override
            public boolean visitInUse(UUID id) {
                return visits.visit(id).isPresent();
            }
        };
    }

    /**
     * Imports a visits sheet (see {@link VisitExchange}) all or nothing: every row is read and checked as
     * {@link #record} would check it; any problem refuses the whole file, naming each row. A row repeating a visit
     * in use (same date, kind, target and set of cadres: {@link #visitIdentity}) is not added again: when its
     * 了解情况, 办理事项 or check differ, that visit takes them (same id, version bumped), else it is counted as
     * unchanged; see {@link ImportMatch} for two such rows in one file. Household checks of the visits added or
     * changed become the households' verified status as on a single save. So a file imported twice, or two
     * overlapping exports of a laptop, change the ledger once.
     */
    public ImportCounts importVisits(java.nio.file.Path file) {
        VisitExchange.Checked<Visit> rows = checkedVisits(file);
        refuseProblems(rows);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ImportMatch.Outcome<Visit>> done = new ArrayList<>(1);
        database.dsl().transaction(tx -> {
            VisitRepository r = visits.with(tx.dsl());
            ImportMatch.Outcome<Visit> m = matchVisits(rows, r);
            r.insert(m.added().stream().map(v -> v.withId(UUID.randomUUID())).toList(), now);
            if (!r.updateNotes(m.updated(), now)) {
                throw new StaleRecordException(Messages.get("visit.exchange.name"));
            }
            done.add(m);
        });
        ImportMatch.Outcome<Visit> m = done.get(0);
        java.util.stream.Stream.concat(m.added().stream(), m.updated().stream()).filter(v -> v.check() != null)
                .sorted(java.util.Comparator.comparing(Visit::date)).forEach(this::writeCheck);
        database.checkpoint();
        return m.counts(visitNotes(m));
    }

    /**
     * What {@link #importVisits} would do with the file, writing nothing: rows to add, to update, unchanged and
     * repeated (as warnings, one a row), and every error by row with the cell it names.
     *
     * @throws InvalidInputException when the file cannot be read or has no header row
     */
    public ImportPreview previewVisitsImport(java.nio.file.Path file) {
        VisitExchange.Checked<Visit> rows = checkedVisits(file);
        ImportMatch.Outcome<Visit> m = matchVisits(rows, visits);
        return dryRun(file, VisitExchange.VISIT_REQUIRED, rows, m.counts(visitNotes(m)));
    }

    /** Writes the bad rows of a visits sheet with a 错误原因 column. */
    public void writeVisitsErrorReport(java.nio.file.Path source, List<RowIssue> errors, java.nio.file.Path out)
            throws java.io.IOException {
        ErrorReport.write(source, VisitExchange.VISIT_REQUIRED, errors, out);
    }

    private VisitExchange.Checked<Visit> checkedVisits(java.nio.file.Path file) {
        VisitExchange.Ledger ledger = exchangeLedger();
        Lookup look = preloaded(ledger);
        return VisitExchange.checkEach(VisitExchange.parseVisits(file, ledger), d -> checked(d, look));
    }

    /** What makes two visits the same visit: date, kind, target and the set of cadres (in any order). */
    record VisitIdentity(VisitTarget target, UUID targetId, LocalDate date, String kind, Set<UUID> cadres) {
    }

    static VisitIdentity visitIdentity(Visit v) {
        UUID target = switch (v.target()) {
            case HOUSEHOLD -> v.householdId();
            case VILLAGE -> v.villageId();
            case UNIT -> v.unitId();
        };
        return new VisitIdentity(v.target(), target, v.date(), v.kind(), Set.copyOf(v.cadreIds()));
    }

    private static ImportMatch.Outcome<Visit> matchVisits(VisitExchange.Checked<Visit> rows, VisitRepository r) {
        Map<VisitIdentity, List<Visit>> existing = r.sameDayVisits(rows.rows()).stream()
                .collect(Collectors.groupingBy(VisitService::visitIdentity, LinkedHashMap::new, Collectors.toList()));
        return ImportMatch.match(rows.rows(), rows.lines(), VisitService::visitIdentity, existing,
                (a, b) -> java.util.Objects.equals(a.seen(), b.seen()) && java.util.Objects.equals(a.done(), b.done())
                        && java.util.Objects.equals(a.check(), b.check()),
                (old, row) -> old.withNotes(row.seen(), row.done()).withCheck(row.check()));
    }

    /** Refuses the whole file, naming each row, when any row has a problem. */
    private static void refuseProblems(VisitExchange.Checked<?> rows) {
        if (!rows.problems().isEmpty()) {
            throw new InvalidInputException(rows.problems());
        }
    }

    /** A dry run's result: the counts, the errors with their cells, the repeated rows and the notes as warnings. */
    private static ImportPreview dryRun(java.nio.file.Path file, List<String> required,
                                        VisitExchange.Checked<?> rows, ImportCounts counts) {
        return new ImportPreview(new ImportCheck(counts.added(), counts.updated(), counts.rows(),
                ErrorReport.issues(file, required, rows.problems()), warnings(counts)), counts);
    }

    /**
     * What an import shows beside its counts, one line a row, by line: the rows the file repeats ("与第 3 行是同一条
     * 记录…，只计一次") and the updates that take a record back ({@link ImportCounts#notes}).
     */
    public static List<RowIssue> warnings(ImportCounts counts) {
        List<RowIssue> out = new ArrayList<>();
        counts.repeats().forEach(r -> out.add(new RowIssue(r.line(), "", "",
                Messages.get("import.warning.repeat", r.firstLine()))));
        counts.notes().forEach(n -> out.add(new RowIssue(n.line(), n.column(), n.value(), n.reason())));
        out.sort(java.util.Comparator.comparingInt(RowIssue::line));
        return out;
    }

    /** Visits whose check the rows remove (an older file, exported before the check was recorded). */
    private static List<ImportCounts.Note> visitNotes(ImportMatch.Outcome<Visit> m) {
        List<ImportCounts.Note> out = new ArrayList<>();
        for (int i = 0; i < m.updated().size(); i++) {
            if (m.replaced().get(i).check() != null && m.updated().get(i).check() == null) {
                out.add(new ImportCounts.Note(m.updatedLines().get(i), VisitExchange.CHECKS[0], "",
                        Messages.get("import.note.checkRemoved")));
            }
        }
        return out;
    }

    /** Problems the rows take back: resolved ones open again, escalated ones back in the village. */
    private static List<ImportCounts.Note> problemNotes(ImportMatch.Outcome<Problem> m) {
        List<ImportCounts.Note> out = new ArrayList<>();
        for (int i = 0; i < m.updated().size(); i++) {
            ProblemStatus was = m.replaced().get(i).status();
            ProblemStatus now = m.updated().get(i).status();
            if (stage(now) < stage(was)) {
                out.add(new ImportCounts.Note(m.updatedLines().get(i), VisitExchange.P_STATUS, now.fileLabel(),
                        Messages.get("import.note.statusBack", was.label(), now.label())));
            }
        }
        return out;
    }

    private static int stage(ProblemStatus s) {
        return switch (s) {
            case FOUND -> 0;
            case MEDIATING -> 1;
            case TO_TOWNSHIP, TO_COUNTY -> 2;
            case RESOLVED -> 3;
        };
    }

    /** Help the rows take back: finished help in progress or planned again. */
    private static List<ImportCounts.Note> helpNotes(ImportMatch.Outcome<HelpItem> m) {
        List<ImportCounts.Note> out = new ArrayList<>();
        for (int i = 0; i < m.updated().size(); i++) {
            HelpStatus was = m.replaced().get(i).status();
            HelpStatus now = m.updated().get(i).status();
            if (now.ordinal() < was.ordinal()) {
                out.add(new ImportCounts.Note(m.updatedLines().get(i), VisitExchange.H_STATUS, now.fileLabel(),
                        Messages.get("import.note.statusBack", was.label(), now.label())));
            }
        }
        return out;
    }

    /**
     * Writes the visits matching the filter to .xlsx or .csv in the import layout, streamed; the heads' and
     * cadres' ID numbers masked unless {@code fullId}.
     */
    public int exportVisits(java.nio.file.Path file, VisitFilter filter, boolean fullId) throws java.io.IOException {
        int[] n = {0};
        Map<UUID, String> heads = VisitExchange.headIds(visits.householdKeys());
        List<VisitKind> kinds = kinds();
        java.util.function.Function<String, String> label = code -> kinds.stream().filter(k -> k.code().equals(code))
                .map(VisitKind::fileLabel).findFirst().orElse(code);
        VisitExchange.writeVisits(file, Messages.get("visit.export.title", settings.ledgerSettings().township()),
                sink -> visits.forEach(filter, v -> {
                    n[0]++;
                    sink.accept(v);
                }), heads, visits.cadreIdNumbers(), label, fullId);
        return n[0];
    }

    /**
     * Imports a problems sheet all or nothing, each row checked as {@link #raise} would. A row repeating a problem
     * in use (same village, 反映日期, 诉求类别, raiser — the household, or 反映人 when no household is named — and
     * 诉求内容: {@link #problemIdentity}) is not added again: the rest of the row (纠纷类别, 反映人 beside a household,
     * 状态, 化解日期, 化解方式, 化解层级) updates it when it differs, as a laptop file exported later carries the newer
     * status; the visit a problem was raised on stays.
     */
    public ImportCounts importProblems(java.nio.file.Path file) {
        VisitExchange.Checked<Problem> rows = checkedProblems(file);
        refuseProblems(rows);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ImportCounts> done = new ArrayList<>(1);
        database.dsl().transaction(tx -> {
            ProblemRepository r = problems.with(tx.dsl());
            ImportMatch.Outcome<Problem> m = matchProblems(rows, r);
            r.insert(m.added().stream().map(p -> p.withId(UUID.randomUUID())).toList(), now);
            for (Problem p : m.updated()) {
                if (!r.update(p, now)) {
                    throw new StaleRecordException(p.raisedBy() == null ? "" : p.raisedBy());
                }
            }
            done.add(m.counts(problemNotes(m)));
        });
        database.checkpoint();
        return done.get(0);
    }

    /** What {@link #importProblems} would do with the file, writing nothing (see {@link #previewVisitsImport}). */
    public ImportPreview previewProblemsImport(java.nio.file.Path file) {
        VisitExchange.Checked<Problem> rows = checkedProblems(file);
        ImportMatch.Outcome<Problem> m = matchProblems(rows, problems);
        return dryRun(file, VisitExchange.PROBLEM_REQUIRED, rows, m.counts(problemNotes(m)));
    }

    /** Writes the bad rows of a problems sheet with a 错误原因 column. */
    public void writeProblemsErrorReport(java.nio.file.Path source, List<RowIssue> errors, java.nio.file.Path out)
            throws java.io.IOException {
        ErrorReport.write(source, VisitExchange.PROBLEM_REQUIRED, errors, out);
    }

    private VisitExchange.Checked<Problem> checkedProblems(java.nio.file.Path file) {
        VisitExchange.Ledger ledger = exchangeLedger();
        Lookup look = preloaded(ledger);
        return VisitExchange.checkEach(VisitExchange.parseProblems(file, ledger), d -> checkedProblem(d, look));
    }

    /** What makes two problems the same: village, day, kind, who raised it (household, else name) and text. */
    record ProblemIdentity(UUID villageId, LocalDate raisedOn, ProblemKind kind, UUID householdId, String raisedBy,
                           String description) {
    }

    static ProblemIdentity problemIdentity(Problem p) {
        return new ProblemIdentity(p.villageId(), p.raisedOn(), p.kind(), p.householdId(),
                p.householdId() == null ? p.raisedBy() : null, p.description());
    }

    private static ImportMatch.Outcome<Problem> matchProblems(VisitExchange.Checked<Problem> rows,
                                                              ProblemRepository r) {
        Map<ProblemIdentity, List<Problem>> existing = r.sameDay(rows.rows().stream()
                        .map(p -> Map.entry(p.villageId(), p.raisedOn())).toList()).stream()
                .collect(Collectors.groupingBy(VisitService::problemIdentity, LinkedHashMap::new,
                        Collectors.toList()));
        return ImportMatch.match(rows.rows(), rows.lines(), VisitService::problemIdentity, existing,
                (a, b) -> a.subKind() == b.subKind() && java.util.Objects.equals(a.raisedBy(), b.raisedBy())
                        && a.status() == b.status() && java.util.Objects.equals(a.resolvedOn(), b.resolvedOn())
                        && java.util.Objects.equals(a.resolution(), b.resolution()) && a.level() == b.level(),
                (old, row) -> new Problem(old.id(), old.kind(), row.subKind(), row.raisedBy(), old.householdId(),
                        old.householdName(), old.villageId(), old.villageName(), old.raisedOn(), old.description(),
                        row.status(), row.resolvedOn(), row.resolution(), row.level(), old.visitId(), old.version()));
    }

    public int exportProblems(java.nio.file.Path file, ProblemFilter filter, boolean fullId)
            throws java.io.IOException {
        List<Problem> list = problems.list(filter);
        VisitExchange.writeProblems(file, Messages.get("problem.export.title", settings.ledgerSettings().township()),
                list, VisitExchange.headIds(visits.householdKeys()), fullId);
        return list.size();
    }

    /**
     * Imports a help sheet all or nothing, each row checked as {@link #give} would. A row repeating an item in use
     * (same target, 帮扶类别, 帮扶内容, 日期, 帮扶人 and 帮扶单位: {@link #helpIdentity}) is not added again: its
     * 资金, 物资折款 and 状态 update the item when they differ.
     */
    public ImportCounts importHelp(java.nio.file.Path file) {
        VisitExchange.Checked<HelpItem> rows = checkedHelp(file);
        refuseProblems(rows);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ImportCounts> done = new ArrayList<>(1);
        database.dsl().transaction(tx -> {
            HelpRepository r = help.with(tx.dsl());
            ImportMatch.Outcome<HelpItem> m = matchHelp(rows, r);
            r.insert(m.added().stream().map(h -> h.withId(UUID.randomUUID())).toList(), now);
            for (HelpItem h : m.updated()) {
                if (!r.update(h, now)) {
                    throw new StaleRecordException(h.description() == null ? "" : h.description());
                }
            }
            done.add(m.counts(helpNotes(m)));
        });
        database.checkpoint();
        return done.get(0);
    }

    /** What {@link #importHelp} would do with the file, writing nothing (see {@link #previewVisitsImport}). */
    public ImportPreview previewHelpImport(java.nio.file.Path file) {
        VisitExchange.Checked<HelpItem> rows = checkedHelp(file);
        ImportMatch.Outcome<HelpItem> m = matchHelp(rows, help);
        return dryRun(file, VisitExchange.HELP_REQUIRED, rows, m.counts(helpNotes(m)));
    }

    /** Writes the bad rows of a help sheet with a 错误原因 column. */
    public void writeHelpErrorReport(java.nio.file.Path source, List<RowIssue> errors, java.nio.file.Path out)
            throws java.io.IOException {
        ErrorReport.write(source, VisitExchange.HELP_REQUIRED, errors, out);
    }

    private VisitExchange.Checked<HelpItem> checkedHelp(java.nio.file.Path file) {
        VisitExchange.Ledger ledger = exchangeLedger();
        Lookup look = preloaded(ledger);
        return VisitExchange.checkEach(VisitExchange.parseHelp(file, ledger), d -> checkedHelp(d, look));
    }

    /** What makes two items of help the same: target, kind, text, day, helping cadre and unit. */
    record HelpIdentity(VisitTarget target, UUID householdId, UUID villageId, HelpKind kind, String description,
                        LocalDate date, UUID cadreId, UUID unitId) {
    }

    static HelpIdentity helpIdentity(HelpItem h) {
        return new HelpIdentity(h.target(), h.householdId(), h.villageId(), h.kind(), h.description(), h.date(),
                h.cadreId(), h.unitId());
    }

    private static ImportMatch.Outcome<HelpItem> matchHelp(VisitExchange.Checked<HelpItem> rows, HelpRepository r) {
        Map<HelpIdentity, List<HelpItem>> existing = r.sameDay(rows.rows().stream()
                        .map(h -> Map.entry(h.villageId(), h.date())).toList()).stream()
                .collect(Collectors.groupingBy(VisitService::helpIdentity, LinkedHashMap::new, Collectors.toList()));
        return ImportMatch.match(rows.rows(), rows.lines(), VisitService::helpIdentity, existing,
                (a, b) -> a.money().compareTo(b.money()) == 0 && a.goodsValue().compareTo(b.goodsValue()) == 0
                        && a.status() == b.status(),
                (old, row) -> new HelpItem(old.id(), old.target(), old.householdId(), old.householdName(),
                        old.villageId(), old.villageName(), old.kind(), old.description(), row.money(),
                        row.goodsValue(), old.cadreId(), old.unitId(), old.helperName(), old.date(), row.status(),
                        old.version()));
    }

    public int exportHelp(java.nio.file.Path file, HelpFilter filter, boolean fullId) throws java.io.IOException {
        List<HelpItem> list = help.list(filter);
        Map<UUID, String> units = cadres.units().stream().collect(Collectors.toMap(
                org.townshipledger.cadre.Unit::id, org.townshipledger.cadre.Unit::name, (a, b) -> a));
        VisitExchange.writeHelp(file, Messages.get("help.export.title", settings.ledgerSettings().township()), list,
                VisitExchange.headIds(visits.householdKeys()), visits.cadreIdNumbers(), units, fullId);
        return list.size();
    }

    // ---- rules and checks ----

    public VisitRules rules() {
        return VisitRules.from(settings);
    }

    public void saveRules(VisitRules rules) {
        database.dsl().transaction(tx -> rules.save(new SettingsStore(tx.dsl())));
    }

    /** The names of the visit rules, as findings carry them (the 检查 screen's rule filter). */
    public List<String> checkRules() {
        return List.of(Messages.get("check.rule.fewHelperVisits"), Messages.get("check.rule.overdueVisit"),
                Messages.get("check.rule.fewLeaderVisits"));
    }

    /** The day a year's checks look at: today for the current year, else its last day. */
    public LocalDate referenceDay(int year) {
        LocalDate today = today();
        return today.getYear() == year ? today : LocalDate.of(year, 12, 31);
    }

    /**
     * Who is behind with visits in the year, each finding naming whom to call, ordered by village then cadre:
     * <ul>
     * <li>each household paired with a cadre on the reference day, visited fewer than {@link VisitRules#helperVisits}
     * times in the year on visits that cadre went on (call the helper);</li>
     * <li>each poor or monitored household whose last visit is more than {@link VisitRules#overdueDays} days before
     * the reference day, or that was never visited (call its helpers, else nobody is named);</li>
     * <li>each contact village (a village paired with a county-level cadre) that cadre visited fewer than
     * {@link VisitRules#leaderVisits} times in the year (call the leader).</li>
     * </ul>
     * Counted in the database with grouped queries over the indexes of visit_cadre and visit.
     */
    public List<org.townshipledger.cadre.Finding> checkVisits(int year) {
        VisitRules rules = rules();
        LocalDate on = referenceDay(year);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<VisitRepository.HelperShortfall> helpers = visits.helpersBehind(from, to, on, rules.helperVisits());
        List<VisitRepository.HelperShortfall> leaders = visits.leadersBehind(from, to, on, rules.leaderVisits(),
                org.townshipledger.cadre.Rank.COUNTY_LEVEL.name());
        Map<UUID, UUID> poor = visits.poorHouseholds();
        Set<UUID> recent = visits.householdsVisited(on.minusDays(rules.overdueDays()), on);
        List<UUID> overdue = poor.keySet().stream().filter(id -> !recent.contains(id)).toList();
        Map<UUID, LocalDate> last = visits.lastVisits(overdue, on);
        Map<UUID, List<UUID>> helpersOfOverdue = visits.helpersOf(overdue, on);

        Set<UUID> householdIds = new java.util.HashSet<>(overdue);
        helpers.forEach(h -> householdIds.add(h.householdId()));
        Map<UUID, VisitRepository.HouseholdName> names = visits.householdNames(householdIds);
        Set<UUID> cadreIds = new java.util.HashSet<>();
        helpers.forEach(h -> cadreIds.add(h.cadreId()));
        leaders.forEach(h -> cadreIds.add(h.cadreId()));
        helpersOfOverdue.values().forEach(cadreIds::addAll);
        Map<UUID, VisitRepository.CadreName> cadreNames = visits.cadreNames(cadreIds);
        Map<UUID, Village> villageById = villages.villages().stream()
                .collect(Collectors.toMap(Village::id, v -> v, (a, b) -> a));

        record Sorted(String villageKey, String cadreKey, org.townshipledger.cadre.Finding finding) {
        }
        List<Sorted> out = new ArrayList<>();
        Set<UUID> villagesGone = visits.hidden().villages();
        for (VisitRepository.HelperShortfall h : helpers) {
            VisitRepository.HouseholdName hh = names.get(h.householdId());
            VisitRepository.CadreName k = cadreNames.get(h.cadreId());
            if (hh == null || k == null || villagesGone.contains(hh.villageId())) {
                continue; // (a household of a village in the recycle bin is hidden with it)
            }
            out.add(new Sorted(villageKey(villageById, hh.villageId(), hh.villageName()), k.name(),
                    new org.townshipledger.cadre.Finding(hh.villageName(), Messages.get("check.rule.fewHelperVisits"),
                            Messages.get("check.detail.fewHelperVisits", k.name(), hh.headName(), h.visits(),
                                    rules.helperVisits()), whom(k))));
        }
        String nobody = Messages.get("check.noHelper");
        for (UUID id : overdue) {
            VisitRepository.HouseholdName hh = names.get(id);
            if (hh == null) {
                continue;
            }
            LocalDate lastVisit = last.get(id);
            String detail = lastVisit == null ? Messages.get("check.detail.neverVisited", hh.headName())
                    : Messages.get("check.detail.overdueVisit", hh.headName(),
                    java.time.temporal.ChronoUnit.DAYS.between(lastVisit, on), lastVisit.toString(),
                    rules.overdueDays());
            List<String> who = helpersOfOverdue.getOrDefault(id, List.of()).stream().map(cadreNames::get)
                    .filter(java.util.Objects::nonNull).map(VisitService::whom).sorted().toList();
            out.add(new Sorted(villageKey(villageById, hh.villageId(), hh.villageName()),
                    who.isEmpty() ? "\uffff" : who.get(0),
                    new org.townshipledger.cadre.Finding(hh.villageName(), Messages.get("check.rule.overdueVisit"),
                            detail, who.isEmpty() ? nobody : String.join("、", who))));
        }
        for (VisitRepository.HelperShortfall h : leaders) {
            VisitRepository.CadreName k = cadreNames.get(h.cadreId());
            Village v = villageById.get(h.villageId());
            if (k == null || v == null) {
                continue;
            }
            out.add(new Sorted(villageKey(villageById, v.id(), v.name()), k.name(),
                    new org.townshipledger.cadre.Finding(v.name(), Messages.get("check.rule.fewLeaderVisits"),
                            Messages.get("check.detail.fewLeaderVisits", k.name(), v.name(), h.visits(),
                                    rules.leaderVisits()), whom(k))));
        }
        out.sort(java.util.Comparator.comparing(Sorted::villageKey).thenComparing(Sorted::cadreKey)
                .thenComparing(s -> s.finding().rule()).thenComparing(s -> s.finding().detail()));
        return out.stream().map(Sorted::finding).toList();
    }

    /**
     * The 走访台账 of a year (of one village, or all): visits per cadre and month (a visit counts for each cadre
     * who went), cadres by name, and the poor or monitored households with no visit in the year, by village.
     */
    public VisitLog visitLog(int year, UUID villageId) {
        Map<UUID, int[]> counts = visits.visitsByCadreAndMonth(year, villageId);
        Map<UUID, VisitRepository.CadreName> names = visits.cadreNames(counts.keySet());
        List<VisitLog.CadreMonths> cadreRows = counts.entrySet().stream()
                .map(e -> new VisitLog.CadreMonths(e.getKey(), names.containsKey(e.getKey())
                        ? names.get(e.getKey()).name() : "", e.getValue()))
                .sorted(java.util.Comparator.comparing((VisitLog.CadreMonths c) -> org.townshipledger.common.Pinyin
                        .initials(c.name())).thenComparing(VisitLog.CadreMonths::name))
                .toList();
        LocalDate on = referenceDay(year);
        Set<UUID> visited = visits.householdsVisited(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<UUID> open = visits.poorHouseholds().entrySet().stream()
                .filter(e -> villageId == null || villageId.equals(e.getValue()))
                .map(Map.Entry::getKey).filter(id -> !visited.contains(id)).toList();
        Map<UUID, VisitRepository.HouseholdName> households = visits.householdNames(open);
        Map<UUID, List<UUID>> helpers = visits.helpersOf(open, on);
        Set<UUID> helperIds = new java.util.HashSet<>();
        helpers.values().forEach(helperIds::addAll);
        Map<UUID, VisitRepository.CadreName> helperNames = visits.cadreNames(helperIds);
        Map<UUID, Village> villageById = villages.villages().stream()
                .collect(Collectors.toMap(Village::id, v -> v, (a, b) -> a));
        List<VisitLog.Unvisited> unvisited = open.stream().map(households::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing((VisitRepository.HouseholdName h) ->
                        villageKey(villageById, h.villageId(), h.villageName()))
                        .thenComparing(VisitRepository.HouseholdName::initials))
                .map(h -> new VisitLog.Unvisited(h.id(), h.villageName(), h.headName(),
                        helpers.getOrDefault(h.id(), List.of()).stream().map(helperNames::get)
                                .filter(java.util.Objects::nonNull).map(VisitRepository.CadreName::name).sorted()
                                .toList()))
                .toList();
        return new VisitLog(year, cadreRows, unvisited);
    }

    private static String villageKey(Map<UUID, Village> villages, UUID id, String name) {
        Village v = villages.get(id);
        return (v == null || v.nameInitials() == null ? "" : v.nameInitials()) + "\u0000" + (name == null ? "" : name);
    }

    private static String whom(VisitRepository.CadreName k) {
        return k.phone() == null ? k.name() : k.name() + " " + k.phone();
    }

    // ---- helpers ----

    private Set<UUID> villageIds() {
        return villages.villages().stream().map(Village::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static org.townshipledger.common.Problem problem(String fieldKey, String messageKey) {
        return org.townshipledger.common.Problem.onField(Messages.get(fieldKey), Messages.get(messageKey));
    }

    private static void tooLong(List<org.townshipledger.common.Problem> found, String fieldKey, String text, int max) {
        if (text != null && text.length() > max) {
            found.add(org.townshipledger.common.Problem.onField(Messages.get(fieldKey),
                    Messages.get("validation.tooLong", max)));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
