package org.townshipledger.household;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Ids;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Page;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.Stopwatch;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/** The households register (贫困户 / 监测户): what may be saved, searching, the yearly check and income. */
public final class HouseholdService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HouseholdService.class);

    private final Database database;
    private final HouseholdRepository households;
    private final VillageService villages;
    private final SettingsStore settings;
    private final Clock clock;

    public HouseholdService(Database database, VillageService villages, SettingsStore settings, Clock clock) {
        this.database = database;
        this.households = new HouseholdRepository(database.dsl());
        this.villages = villages;
        this.settings = settings;
        this.clock = clock;
    }

    public HouseholdService(Database database) {
        this(database, new VillageService(database), new SettingsStore(database.dsl()), Clock.systemDefaultZone());
    }

    public int workingYear() {
        return settings.workingYear();
    }

    /** The villages households can belong to, for filters and forms. */
    public List<Village> villages() {
        return villages.villages();
    }

    /** One page of the list, filtered and ordered in the database. */
    public Page<HouseholdRow> search(HouseholdQuery query, int offset, int limit) {
        return households.search(query, offset, limit);
    }

    public Optional<Household> household(UUID id) {
        return households.findById(id);
    }

    public int householdCount() {
        return households.countActive();
    }

    public int memberCount() {
        return households.countActiveMembers();
    }

    public List<HouseholdRow> householdsInBin() {
        return households.findDeleted();
    }

    /** Households in the recycle bin with the time each was deleted, latest first (the 回收站 screen). */
    public List<HouseholdInBin> householdsInBinWithTimes() {
        return households.findDeletedWithTimes();
    }

    /** Errors and warnings of a household as it would be saved now (the form shows them as it is filled). */
    public List<HouseholdIssue> check(Household draft) {
        Household h = normalize(draft);
        return checkAgainst(h, households, villageIds());
    }

    private List<HouseholdIssue> checkAgainst(Household h, HouseholdRepository repo, Set<UUID> villageIds) {
        Map<String, HouseholdRepository.Holder> holders = repo.holders(h.members().stream().map(Member::idNumber)
                .filter(IdNumber::isValid).toList());
        List<HouseholdIssue> issues = new ArrayList<>(HouseholdRules.check(h, (id, memberId) ->
                Optional.ofNullable(holders.get(id)).filter(holder -> !holder.memberId().equals(memberId))
                        .map(HouseholdService::describe)));
        if (h.villageId() != null && !villageIds.contains(h.villageId())) {
            issues.add(HouseholdIssue.error(-1, HouseholdRules.FIELD_VILLAGE, Messages.get("household.error.villageGone")));
        }
        return issues;
    }

    static String describe(HouseholdRepository.Holder holder) {
        return Messages.get("household.holder", holder.villageName(), holder.headName(), holder.name());
    }

    private Set<UUID> villageIds() {
        return villages.villages().stream().map(Village::id).collect(Collectors.toSet());
    }

    /**
     * Saves a new or edited household with its members, after every check.
     *
     * @return the saved household and the warnings that did not block it
     * @throws InvalidInputException when a check fails (nothing written)
     * @throws StaleRecordException  when someone else changed or deleted it since it was read
     */
    public Saved save(Household draft) {
        Household h = normalize(draft);
        Set<UUID> villageIds = villageIds();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Saved saved = database.dsl().transactionResult(tx -> {
            HouseholdRepository repo = households.with(tx.dsl());
            // A stale edit is said to be stale, before its checks (which would compare it with newer data).
            if (!h.isNew() && !repo.currentVersion(h.id()).filter(v -> v == h.version()).isPresent()) {
                throw new StaleRecordException(h.head().map(Member::name).orElse(""));
            }
            List<HouseholdIssue> issues = checkAgainst(h, repo, villageIds);
            if (HouseholdRules.hasErrors(issues)) {
                throw new InvalidInputException(problems(issues));
            }
            List<HouseholdIssue> warnings = issues.stream().filter(HouseholdIssue::warning).toList();
            if (h.isNew()) {
                Household created = h.withId(Ids.newId());
                repo.insertAll(List.of(created), now);
                return new Saved(created, warnings);
            }
            if (!repo.update(h, now)) {
                throw new StaleRecordException(h.head().map(Member::name).orElse(""));
            }
            return new Saved(h, warnings);
        });
        return new Saved(households.findById(saved.household().id()).orElseThrow(), saved.warnings());
    }

    /** A saved household and the warnings shown to the clerk. */
    public record Saved(Household household, List<HouseholdIssue> warnings) {
    }

    static List<Problem> problems(List<HouseholdIssue> issues) {
        // The messages name the member and the field themselves.
        return issues.stream().filter(i -> !i.warning()).map(i -> Problem.onField("", i.message())).toList();
    }

    /** Moves the household with its members to the recycle bin. */
    public void moveToBin(Household h) {
        if (!households.moveToBin(h.id(), h.version(), OffsetDateTime.now(clock))) {
            throw new StaleRecordException(h.head().map(Member::name).orElse(""));
        }
    }

    /** Brings a household back, unless one of its members' ID numbers has been given to someone else meanwhile. */
    public Household restore(UUID id) {
        return database.dsl().transactionResult(tx -> {
            HouseholdRepository repo = households.with(tx.dsl());
            Household h = repo.findById(id).orElseThrow(() -> new InvalidInputException(
                    Messages.get("household.error.gone")));
            Map<String, HouseholdRepository.Holder> holders = repo.holders(h.members().stream()
                    .map(Member::idNumber).toList());
            if (!holders.isEmpty()) {
                throw new InvalidInputException(Messages.get("household.error.restoreIdTaken",
                        describe(holders.values().iterator().next())));
            }
            repo.restoreFromBin(id, OffsetDateTime.now(clock));
            return repo.findById(id).orElseThrow();
        });
    }

    /**
     * Deletes a household in the recycle bin for good, with its members, yearly facts, pairings, visits, problems
     * raised and help given.
     *
     * @throws InvalidInputException when it is not in the bin
     */
    public void purge(UUID id) {
        database.dsl().transaction(tx -> {
            if (!households.with(tx.dsl()).purge(id)) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
        });
    }

    /**
     * Moves a member to another household (a daughter marries into another registered family): both households
     * are checked and saved in one transaction. The head cannot be moved away; choose a new head first.
     */
    public void moveMember(Household from, UUID memberId, Household to) {
        Member member = from.members().stream().filter(m -> memberId.equals(m.id())).findFirst()
                .orElseThrow(() -> new InvalidInputException(Messages.get("household.error.gone")));
        if (member.isHead()) {
            throw new InvalidInputException(Messages.get("household.error.moveHead", member.name()));
        }
        List<Member> remaining = from.members().stream().filter(m -> !memberId.equals(m.id())).toList();
        List<Member> joined = new ArrayList<>(to.members());
        joined.add(member);
        Household newFrom = normalize(from.withMembers(remaining));
        Household newTo = normalize(to.withMembers(joined));
        Set<UUID> villageIds = villageIds();
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            HouseholdRepository repo = households.with(tx.dsl());
            // The member leaves first, so the ID is not "held elsewhere" when the receiving household is checked.
            List<HouseholdIssue> fromIssues = checkAgainst(newFrom, repo, villageIds);
            if (HouseholdRules.hasErrors(fromIssues)) {
                throw new InvalidInputException(problems(fromIssues));
            }
            if (!repo.update(newFrom, now)) {
                throw new StaleRecordException(from.head().map(Member::name).orElse(""));
            }
            List<HouseholdIssue> toIssues = checkAgainst(newTo, repo, villageIds);
            if (HouseholdRules.hasErrors(toIssues)) {
                throw new InvalidInputException(problems(toIssues));
            }
            if (!repo.update(newTo, now)) {
                throw new StaleRecordException(to.head().map(Member::name).orElse(""));
            }
        });
    }

    public List<HouseholdCheck> checks(UUID householdId) {
        return households.checks(householdId);
    }

    public void saveCheck(UUID householdId, HouseholdCheck check) {
        households.saveCheck(householdId, check, OffsetDateTime.now(clock));
    }

    public List<Income> incomes(UUID householdId) {
        return households.incomes(householdId);
    }

    public void saveIncome(UUID householdId, Income income) {
        if (income.perCapita() == null || income.perCapita().signum() < 0) {
            throw new InvalidInputException(Messages.get("household.error.income"));
        }
        households.saveIncome(householdId, new Income(income.year(), income.perCapita().setScale(2,
                java.math.RoundingMode.HALF_UP)), OffsetDateTime.now(clock));
    }

    // ---- import and export ----

    /**
     * Imports a households sheet (.xlsx or .csv in the national system's layout, see {@link HouseholdSheet} and
     * {@link HouseholdImport}) all-or-nothing: every row is checked first; when any row has an error nothing is
     * written and the result lists every problem (and {@link ImportOptions#errorReport()} receives the bad rows).
     * Otherwise new households are added and those already in the ledger updated, in one transaction, in batches
     * of {@value HouseholdImport#CHUNK} households; then the ledger is checkpointed.
     *
     * @throws InvalidInputException when the file cannot be read or has no header row
     * @throws java.util.concurrent.CancellationException when {@link ImportOptions#cancelled()} said so (nothing
     *                                                    written)
     * @throws StaleRecordException  when a household was changed elsewhere while the file was being checked
     */
    public ImportResult importHouseholds(Path file, ImportOptions options) throws IOException {
        HouseholdImport.Plan plan = HouseholdImport.plan(file, households, villages.villages(), workingYear(), options);
        if (plan.hasErrors()) {
            Path report = options.errorReport();
            if (report != null) {
                HouseholdImport.writeErrorReport(file, plan.errors, report);
            }
            return new ImportResult(plan.added, plan.updated, plan.members, plan.errors, plan.warnings, false, report);
        }
        if (options.dryRun()) {
            return new ImportResult(plan.added, plan.updated, plan.members, plan.errors, plan.warnings, false, null);
        }
        writeAll(plan.entries, options);
        return new ImportResult(plan.added, plan.updated, plan.members, plan.errors, plan.warnings, true, null);
    }

    /**
     * Writes the rows of {@code source} that have {@code errors} to {@code out} (.xlsx or .csv), with a 错误原因
     * column: the report {@link ImportOptions#errorReport()} asks for, written after a dry run instead.
     */
    public void writeErrorReport(Path source, List<RowProblem> errors, Path out) throws IOException {
        HouseholdImport.writeErrorReport(source, errors, out);
    }

    /**
     * Inserts many new households with their yearly facts (demo data), a transaction per batch of
     * {@value HouseholdImport#CHUNK}: demo data needs no all-or-nothing. They are not checked: the caller makes them
     * valid. The indexes of the household tables that no constraint owns are dropped first and built once at the
     * end, which H2 does from sorted runs: inserted row by row, their random keys (ID numbers, names) had every
     * commit write most of their pages again (1.5 GB written for the county demo instead of 0.3 GB). Until they are
     * back the ledger answers its searches slowly; a ledger left half-filled by a killed run lacks them.
     */
    public void insertAll(Iterable<HouseholdEntry> entries) {
        Stopwatch watch = Stopwatch.start();
        List<HouseholdRepository.PlainIndex> deferred = households.plainIndexes();
        deferred.forEach(households::drop);
        try {
            OffsetDateTime now = OffsetDateTime.now(clock);
            java.util.Iterator<HouseholdEntry> it = entries.iterator();
            while (it.hasNext()) {
                database.dsl().transaction(tx -> {
                    try (HouseholdBulkRepository bulk = new HouseholdBulkRepository(tx.dsl())) {
                        List<HouseholdEntry> batch = new ArrayList<>(HouseholdImport.CHUNK);
                        while (batch.size() < HouseholdImport.CHUNK && it.hasNext()) {
                            batch.add(it.next());
                        }
                        writeBatch(bulk, batch, now);
                    }
                });
            }
        } finally {
            LOG.info("Households inserted in {}", watch.lap());
            for (HouseholdRepository.PlainIndex index : deferred) {
                households.create(index);
                LOG.info("Index {} built in {}", index.name(), watch.lap());
            }
        }
        database.checkpoint();
    }

    private void writeAll(List<HouseholdEntry> entries, ImportOptions options) {
        Stopwatch watch = Stopwatch.start();
        long bytesBefore = database.bytesWritten();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long total = entries.stream().mapToLong(e -> e.household().members().size()).sum();
        database.dsl().transaction(tx -> {
            // One set of prepared statements for every batch, on the transaction's connection.
            try (HouseholdBulkRepository bulk = new HouseholdBulkRepository(tx.dsl())) {
                long done = 0;
                for (int from = 0; from < entries.size(); from += HouseholdImport.CHUNK) {
                    if (options.cancelled().getAsBoolean()) {
                        throw new CancellationException();
                    }
                    List<HouseholdEntry> batch = entries.subList(from,
                            Math.min(entries.size(), from + HouseholdImport.CHUNK));
                    writeBatch(bulk, batch, now);
                    done += batch.stream().mapToLong(e -> e.household().members().size()).sum();
                    options.progress().update(ImportOptions.Stage.WRITING, done, total);
                }
            }
        });
        String written = watch.lap();
        database.checkpoint();
        LOG.info("Households import: {} households, {} members written in {}, checkpoint in {}; H2 wrote {} MB to "
                + "the file", entries.size(), total, written, watch.lap(),
                (database.bytesWritten() - bytesBefore) / (1024 * 1024));
    }

    /**
     * Existing households updated (stale ones refuse the whole batch), new ones inserted, then their checks and
     * incomes, each in a few JDBC batches.
     */
    private static void writeBatch(HouseholdBulkRepository bulk, List<HouseholdEntry> batch, OffsetDateTime now) {
        List<Household> added = new ArrayList<>();
        List<Household> changed = new ArrayList<>();
        Map<UUID, HouseholdCheck> newChecks = new HashMap<>();
        Map<UUID, Income> newIncomes = new HashMap<>();
        Map<UUID, HouseholdCheck> checks = new HashMap<>();
        Map<UUID, Income> incomes = new HashMap<>();
        for (HouseholdEntry e : batch) {
            Household h = e.household();
            boolean isNew = h.isNew();
            if (isNew) {
                h = h.withId(Ids.newId());
                added.add(h);
            } else {
                changed.add(h);
            }
            if (e.check() != null) {
                (isNew ? newChecks : checks).put(h.id(), e.check());
            }
            if (e.income() != null) {
                (isNew ? newIncomes : incomes).put(h.id(), e.income());
            }
        }
        bulk.update(changed, now);
        bulk.insert(added, now);
        bulk.insertChecks(newChecks, now);
        bulk.insertIncomes(newIncomes, now);
        bulk.saveChecks(checks, now);
        bulk.saveIncomes(incomes, now);
    }

    /**
     * Writes the households in use (of one village, or all) to .xlsx or .csv, by the file's extension, in the
     * import format with this working year's check and income. ID numbers are masked unless asked in full.
     */
    public ExportResult exportHouseholds(Path file, ExportOptions options) throws IOException {
        int year = workingYear();
        String title = Messages.get("household.export.title", settings.ledgerSettings().township(), year);
        return HouseholdExport.write(file, title, households, options, year);
    }

    /** What the clerk typed, tidied: names stripped, ID numbers normalised (full-width digits, lower-case x). */
    static Household normalize(Household h) {
        List<Member> members = h.members().stream().map(m -> new Member(m.id(), strip(m.name()),
                IdNumber.normalize(m.idNumber()), m.relation(), m.sex(), m.birthDate(), blankToNull(m.ethnicity()),
                m.education(), m.inSchool(), m.health(), m.labourSkill(), m.workStatus())).toList();
        return new Household(h.id(), blankToNull(h.householdNo()), h.villageId(), h.villageName(), h.groupId(),
                h.groupName(), blankToNull(h.phone()), h.category(), h.mainCause(), h.status(), h.exitYear(),
                h.monitoringType(), h.riskType(), h.riskEliminated(), h.riskEliminatedOn(), blankToNull(h.note()),
                members, h.version(), h.updatedAt(), h.deletedAt());
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The poor and monitored households for the 台账 printout, streamed in village order. */
    public void forEachRegisterLine(int year, UUID villageId, java.util.function.Consumer<RegisterLine> sink) {
        households.forEachRegisterLine(year, villageId, 0, sink);
    }

    /** The same, only the first {@code limit} households in print order (0: all). */
    public void forEachRegisterLine(int year, UUID villageId, int limit,
                                    java.util.function.Consumer<RegisterLine> sink) {
        households.forEachRegisterLine(year, villageId, limit, sink);
    }

    /** How many households the 台账 will print (for its progress bar). */
    public int registerCount(UUID villageId) {
        return households.countRegister(villageId);
    }
}
