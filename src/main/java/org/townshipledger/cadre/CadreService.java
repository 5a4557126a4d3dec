package org.townshipledger.cadre;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.exchange.ErrorReport;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * Units, cadres and their postings at villages: what may be saved, history kept across replacements, and the
 * checks the office runs (第一书记, 工作队, 后备干部, 四个一).
 */
public final class CadreService {

    /** Roles an office added, one per line. */
    public static final String CUSTOM_ROLES = "assignment.roles.custom";

    private final Database database;
    private final CadreRepository repo;
    private final VillageService villages;
    private final SettingsStore settings;
    private final Clock clock;

    public CadreService(Database database, VillageService villages, SettingsStore settings, Clock clock) {
        this.database = database;
        this.repo = new CadreRepository(database.dsl());
        this.villages = villages;
        this.settings = settings;
        this.clock = clock;
    }

    public CadreService(Database database) {
        this(database, new VillageService(database), new SettingsStore(database.dsl()), Clock.systemDefaultZone());
    }

    public int workingYear() {
        return settings.workingYear();
    }

    // ---- units ----

    public List<Unit> units() {
        return repo.units();
    }

    public Unit saveUnit(Unit draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw new InvalidInputException(Messages.get("unit.error.nameRequired"));
        }
        Unit u = new Unit(draft.id(), name, draft.level(), draft.type(), blank(draft.contactPerson()),
                blank(draft.phone()), draft.version(), null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return database.dsl().transactionResult(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            if (r.unitNameTaken(name, u.id())) {
                throw new InvalidInputException(Messages.get("unit.error.nameTaken", name));
            }
            if (u.id() == null) {
                Unit created = u.withId(UUID.randomUUID());
                r.insertUnits(List.of(created), now);
                return created;
            }
            if (!r.updateUnit(u, now)) {
                throw new StaleRecordException(name);
            }
            return new Unit(u.id(), name, u.level(), u.type(), u.contactPerson(), u.phone(), u.version() + 1, null);
        });
    }

    // ---- cadres ----

    /**
     * Cadres for the 干部 list, each with the postings running on {@code on}. {@code text} matches a name or its
     * pinyin initials; {@code role} and {@code villageId} keep the cadres holding such a posting on that day.
     * Every filter may be null.
     */
    public List<CadreListing> listCadres(String text, UUID unitId, Rank rank, String role, UUID villageId,
                                         LocalDate on) {
        Map<UUID, List<Assignment>> current = repo.assignments(null, null, null).stream()
                .filter(a -> a.activeOn(on))
                .collect(Collectors.groupingBy(Assignment::cadreId, LinkedHashMap::new, Collectors.toList()));
        List<CadreListing> out = new ArrayList<>();
        for (Cadre k : repo.cadres(text, unitId, rank)) {
            List<Assignment> postings = current.getOrDefault(k.id(), List.of());
            boolean matches = (role == null && villageId == null) || postings.stream().anyMatch(a ->
                    (role == null || a.role().equals(role)) && (villageId == null || a.villageId().equals(villageId)));
            if (matches) {
                out.add(new CadreListing(k, postings));
            }
        }
        return out;
    }


    public List<Cadre> cadres(String text, UUID unitId, Rank rank) {
        return repo.cadres(text, unitId, rank);
    }

    public Optional<Cadre> cadre(UUID id) {
        return repo.cadre(id);
    }

    /**
     * Saves a cadre. An ID number is optional, but when given it must be valid, agree with the sex and birth
     * date (a missing birth date is taken from it), and belong to no other cadre.
     */
    public Cadre saveCadre(Cadre draft) {
        Cadre k = checked(draft);
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = database.dsl().transactionResult(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            if (k.idNumber() != null) {
                r.cadreWithIdNumber(k.idNumber(), k.id()).ifPresent(other -> {
                    throw new InvalidInputException(Messages.get("cadre.error.idTaken", k.name(), other.name()));
                });
            }
            if (k.id() == null) {
                Cadre created = k.withId(UUID.randomUUID());
                r.insertCadres(List.of(created), now);
                return created.id();
            }
            if (!r.updateCadre(k, now)) {
                throw new StaleRecordException(k.name());
            }
            return k.id();
        });
        return repo.cadre(id).orElseThrow();
    }

    /** The entry normalized, or every problem with it (in the words of the form; no field names). */
    static Cadre checked(Cadre d) {
        Cadre k = CadreRules.normalized(d);
        List<Problem> problems = CadreRules.validate(k);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> Problem.onField("", p.message())).toList());
        }
        return k;
    }

    // ---- roles and assignments ----

    /** The built-in roles and those the office added in the settings. */
    public List<Role> roles() {
        List<Role> roles = new ArrayList<>(Role.BUILT_IN.stream().map(Role::builtIn).toList());
        settings.get(CUSTOM_ROLES).ifPresent(lines -> lines.lines().map(String::strip).filter(l -> !l.isEmpty())
                .forEach(l -> roles.add(Role.custom(l))));
        return roles;
    }

    /** The role with this code or label (Chinese or English), as typed on the command line or in a sheet. */
    public Optional<Role> role(String text) {
        String t = text == null ? "" : text.strip();
        java.util.ResourceBundle chinese = Messages.load(java.util.Locale.SIMPLIFIED_CHINESE);
        return roles().stream().filter(r -> r.code().equalsIgnoreCase(t) || r.label().equals(t)
                || (chinese.containsKey(Role.KEY + r.code()) && chinese.getString(Role.KEY + r.code()).equals(t)))
                .findFirst();
    }

    public String roleLabel(String code) {
        return roles().stream().filter(r -> r.code().equals(code)).map(Role::label).findFirst().orElse(code);
    }

    /** The Chinese label of a role code, as exchanged files write it. */
    public String roleFileLabel(String code) {
        return roles().stream().filter(r -> r.code().equals(code)).map(Role::fileLabel).findFirst().orElse(code);
    }

    public List<Assignment> assignments(UUID cadreId, UUID villageId, String role) {
        return repo.assignments(cadreId, villageId, role);
    }

    /** Who holds a post at the village on that day. */
    public List<Assignment> team(UUID villageId, LocalDate on) {
        return repo.assignments(null, villageId, null).stream().filter(a -> a.activeOn(on)).toList();
    }

    /**
     * Starts a posting. A cadre holds at most one full-time posting (第一书记 / 工作队) at a time: an overlap is
     * refused with a message naming the other posting.
     */
    public Assignment assign(Assignment a) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return database.dsl().transactionResult(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            checkNew(a, r);
            Assignment created = a.withId(UUID.randomUUID());
            r.insertAssignments(List.of(created), now);
            return created;
        });
    }

    private void checkNew(Assignment a, CadreRepository r) {
        Cadre cadre = r.cadre(a.cadreId()).filter(c -> c.deletedAt() == null)
                .orElseThrow(() -> new InvalidInputException(Messages.get("assignment.error.noCadre")));
        if (villages.villages().stream().noneMatch(v -> v.id().equals(a.villageId()))) {
            throw new InvalidInputException(Messages.get("household.error.villageGone"));
        }
        if (roles().stream().noneMatch(role -> role.code().equals(a.role()))) {
            throw new InvalidInputException(Messages.get("assignment.error.role", a.role()));
        }
        if (a.startDate() == null) {
            throw new InvalidInputException(Messages.get("assignment.error.start"));
        }
        if (a.endDate() != null && a.endDate().isBefore(a.startDate())) {
            throw new InvalidInputException(Messages.get("assignment.error.endBeforeStart"));
        }
        if (Role.isFullTime(a.role())) {
            r.assignments(a.cadreId(), null, null).stream()
                    .filter(o -> Role.isFullTime(o.role()) && !o.id().equals(a.id()))
                    .filter(o -> o.overlaps(a.startDate(), a.endDate()))
                    .findFirst()
                    .ifPresent(o -> {
                        throw new InvalidInputException(Messages.get("assignment.error.overlap", cadre.name(),
                                o.villageName(), roleLabel(o.role()), o.startDate().toString(),
                                o.endDate() == null ? Messages.get("assignment.open") : o.endDate().toString()));
                    });
        }
    }

    // ---- recycle bin ----

    /** Moves a unit to the recycle bin; its cadres stay, and the pairings it helps in are hidden with it. */
    public void moveUnitToBin(Unit u) {
        if (!repo.moveUnitToBin(u.id(), u.version(), OffsetDateTime.now(clock))) {
            throw new StaleRecordException(u.name());
        }
    }

    /** Moves a cadre to the recycle bin with (hidden, untouched) their postings and pairings. */
    public void moveCadreToBin(Cadre k) {
        if (!repo.moveCadreToBin(k.id(), k.version(), OffsetDateTime.now(clock))) {
            throw new StaleRecordException(k.name());
        }
    }

    /** Moves a posting entered by mistake to the recycle bin (a posting that ended is history: end it instead). */
    public void moveAssignmentToBin(Assignment a) {
        if (!repo.moveAssignmentToBin(a.id(), a.version(), OffsetDateTime.now(clock))) {
            throw new StaleRecordException(a.cadreName());
        }
    }

    public List<Unit> unitsInBin() {
        return repo.unitsInBin();
    }

    public List<Cadre> cadresInBin() {
        return repo.cadresInBin();
    }

    public List<AssignmentInBin> assignmentsInBin() {
        return repo.assignmentsInBin();
    }

    /** Brings a unit back, unless another unit in use has taken its name meanwhile. */
    public Unit restoreUnit(UUID id) {
        return database.dsl().transactionResult(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            Unit u = r.unit(id).filter(x -> x.deletedAt() != null)
                    .orElseThrow(() -> new InvalidInputException(Messages.get("recycleBin.error.gone")));
            if (r.unitNameTaken(u.name(), u.id())) {
                throw new InvalidInputException(Messages.get("unit.error.restoreNameTaken", u.name()));
            }
            r.restoreUnit(id, OffsetDateTime.now(clock));
            return u;
        });
    }

    /** Brings a cadre back with their postings and pairings, unless their ID number is another cadre's now. */
    public Cadre restoreCadre(UUID id) {
        return database.dsl().transactionResult(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            Cadre k = r.cadre(id).filter(x -> x.deletedAt() != null)
                    .orElseThrow(() -> new InvalidInputException(Messages.get("recycleBin.error.gone")));
            if (k.idNumber() != null) {
                r.cadreWithIdNumber(k.idNumber(), k.id()).ifPresent(other -> {
                    throw new InvalidInputException(Messages.get("cadre.error.idTaken", k.name(), other.name()));
                });
            }
            r.restoreCadre(id, OffsetDateTime.now(clock));
            return k;
        });
    }

    public Assignment restoreAssignment(UUID id) {
        return database.dsl().transactionResult(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            Assignment a = r.assignmentsInBin().stream().map(AssignmentInBin::assignment)
                    .filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(Messages.get("recycleBin.error.gone")));
            r.restoreAssignment(id, OffsetDateTime.now(clock));
            return a;
        });
    }

    /**
     * Deletes a cadre in the bin for good with their postings and pairings (and the visits and help items of theirs
     * that are in the bin too).
     *
     * @throws InvalidInputException while visits in use (those hidden with a household or village in the bin
     *                               included) name the cadre, or help items in use name them as helper: records of
     *                               work done are not deleted with the cadre
     */
    public void purgeCadre(UUID id) {
        database.dsl().transaction(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            Cadre k = r.cadre(id).filter(x -> x.deletedAt() != null)
                    .orElseThrow(() -> new InvalidInputException(Messages.get("recycleBin.error.gone")));
            int[] refs = r.visitReferences(id);
            if (refs[0] > 0 || refs[1] > 0) {
                throw new InvalidInputException(Messages.get("cadre.error.purgeVisits", k.name(), refs[0], refs[1]));
            }
            if (!r.purgeCadre(id)) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
        });
    }

    /**
     * Deletes a unit in the bin for good with the pairings it helps in.
     *
     * @throws InvalidInputException while cadres (in use or in the bin) belong to it or postings name it as sender,
     *                               or visits in use go to it or help items in use name it as helping unit
     */
    public void purgeUnit(UUID id) {
        database.dsl().transaction(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            Unit u = r.unit(id).filter(x -> x.deletedAt() != null)
                    .orElseThrow(() -> new InvalidInputException(Messages.get("recycleBin.error.gone")));
            int[] refs = r.unitReferences(id);
            if (refs[0] > 0 || refs[1] > 0) {
                throw new InvalidInputException(Messages.get("unit.error.purgeReferenced", u.name(), refs[0],
                        refs[1]));
            }
            int[] visits = r.unitVisitReferences(id);
            if (visits[0] > 0 || visits[1] > 0) {
                throw new InvalidInputException(Messages.get("unit.error.purgeVisits", u.name(), visits[0],
                        visits[1]));
            }
            r.purgeUnit(id);
        });
    }

    public void purgeAssignment(UUID id) {
        if (!repo.purgeAssignment(id)) {
            throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
        }
    }

    /** Ends a posting; the record stays, with its end date and reason. */
    public void end(Assignment a, LocalDate on, String reason) {
        if (on.isBefore(a.startDate())) {
            throw new InvalidInputException(Messages.get("assignment.error.endBeforeStart"));
        }
        if (!repo.end(a, on, blank(reason), OffsetDateTime.now(clock))) {
            throw new StaleRecordException(a.cadreName());
        }
    }

    /**
     * Replaces the holder of a post: the old posting ends the day before {@code from} with the reason, the new
     * cadre starts on {@code from}; both in one transaction, so history is never overwritten.
     */
    public Assignment replace(Assignment old, UUID newCadreId, LocalDate from, String reason, UUID sentBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return database.dsl().transactionResult(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            if (!r.end(old, from.minusDays(1), blank(reason), now)) {
                throw new StaleRecordException(old.cadreName());
            }
            Assignment next = Assignment.start(newCadreId, old.villageId(), old.role(), from, sentBy);
            checkNew(next, r);
            Assignment created = next.withId(UUID.randomUUID());
            r.insertAssignments(List.of(created), now);
            return created;
        });
    }

    /** The development path (发展思路) the village wrote for the year, or "". */
    public String developmentPath(UUID villageId, int year) {
        return repo.developmentPath(villageId, year).orElse("");
    }

    public void saveDevelopmentPath(UUID villageId, int year, String text) {
        repo.saveDevelopmentPath(villageId, year, text == null ? "" : text.strip(), OffsetDateTime.now(clock));
    }

    /**
     * Inserts units, cadres, postings and development paths in one transaction (demo data); they must already
     * be valid and carry their ids.
     */
    public void insertAll(List<Unit> newUnits, List<Cadre> newCadres, List<Assignment> newAssignments,
                          Map<UUID, String> developmentPaths, int year) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            r.insertUnits(newUnits, now);
            r.insertCadres(newCadres, now);
            r.insertAssignments(newAssignments, now);
            developmentPaths.forEach((village, text) -> r.saveDevelopmentPath(village, year, text, now));
        });
        database.checkpoint();
    }

    public int unitCount() {
        return repo.countUnits();
    }

    public int cadreCount() {
        return repo.countCadres();
    }

    public int assignmentCount() {
        return repo.countAssignments();
    }

    // ---- import and export ----

    /**
     * Checks the units sheet without writing anything: how many units it would add and update, and every bad row
     * with the cell it names (the import dialog's preview).
     *
     * @throws InvalidInputException when the file cannot be read or has no header row
     */
    public ImportCheck checkUnitsImport(Path file) {
        UnitImport parsed = UnitImport.parse(file, repo.units());
        return check(file, UnitImport.REQUIRED, parsed.count(), parsed.problems());
    }

    /** Like {@link #checkUnitsImport}, for the cadres sheet. */
    public ImportCheck checkCadresImport(Path file) {
        CadreImport parsed = CadreImport.parse(file, repo.cadres(null, null, null), repo.units());
        return check(file, CadreImport.REQUIRED, parsed.count(), parsed.problems());
    }

    /** Like {@link #checkUnitsImport}, for the postings sheet: the rules of {@link #assign} apply to every row. */
    public ImportCheck checkAssignmentsImport(Path file) {
        AssignmentImport parsed = AssignmentImport.parse(file, repo.cadres(null, null, null), villages.villages(),
                repo.units(), repo.assignments(null, null, null), roles(), this::role, this::roleLabel);
        return check(file, AssignmentImport.REQUIRED, parsed.count(), parsed.problems());
    }

    private static ImportCheck check(Path file, List<String> required, ImportCount count, List<Problem> problems) {
        return new ImportCheck(count.added(), count.updated(), count.added() + count.updated(),
                ErrorReport.issues(file, required, problems), List.of());
    }

    /** Writes the bad rows of a units sheet with a 错误原因 column (see {@link ErrorReport}). */
    public void writeUnitsErrorReport(Path source, List<RowIssue> errors, Path out) throws IOException {
        ErrorReport.write(source, UnitImport.REQUIRED, errors, out);
    }

    /** Writes the bad rows of a cadres sheet with a 错误原因 column. */
    public void writeCadresErrorReport(Path source, List<RowIssue> errors, Path out) throws IOException {
        ErrorReport.write(source, CadreImport.REQUIRED, errors, out);
    }

    /** Writes the bad rows of a postings sheet with a 错误原因 column. */
    public void writeAssignmentsErrorReport(Path source, List<RowIssue> errors, Path out) throws IOException {
        ErrorReport.write(source, AssignmentImport.REQUIRED, errors, out);
    }

    /** Imports the units sheet all-or-nothing (see {@link UnitImport}); every bad row is reported. */
    public ImportCount importUnits(Path file) {
        UnitImport parsed = UnitImport.parse(file, repo.units());
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            List<Unit> added = new ArrayList<>();
            for (Unit u : parsed.units()) {
                if (u.id() == null) {
                    added.add(u.withId(UUID.randomUUID()));
                } else if (!r.updateUnit(u, now)) {
                    throw new StaleRecordException(u.name());
                }
            }
            r.insertUnits(added, now);
        });
        database.checkpoint();
        return parsed.count();
    }

    /** Writes the units to .xlsx or .csv (by the file's extension), importable again. */
    public int exportUnits(Path file) throws IOException {
        List<Unit> all = units();
        UnitImport.write(file, Messages.get("unit.export.title", settings.ledgerSettings().township()), all);
        return all.size();
    }

    /** Imports the cadres sheet all-or-nothing (see {@link CadreImport}); every bad row is reported. */
    public ImportCount importCadres(Path file) {
        CadreImport parsed = CadreImport.parse(file, repo.cadres(null, null, null), repo.units());
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            List<Cadre> added = new ArrayList<>();
            for (Cadre k : parsed.cadres()) {
                if (k.id() == null) {
                    added.add(k.withId(UUID.randomUUID()));
                } else if (!r.updateCadre(k, now)) {
                    throw new StaleRecordException(k.name());
                }
            }
            r.insertCadres(added, now);
        });
        database.checkpoint();
        return parsed.count();
    }

    /** Writes the cadres in the import format; ID numbers masked unless {@code fullId}. */
    public int exportCadres(Path file, boolean fullId) throws IOException {
        List<Cadre> all = repo.cadres(null, null, null);
        CadreImport.write(file, Messages.get("cadre.export.title", settings.ledgerSettings().township()), all, fullId);
        return all.size();
    }

    /**
     * Imports the postings sheet all-or-nothing (see {@link AssignmentImport}): the rules of {@link #assign}
     * apply to every row, and a row already in the ledger updates its end instead of being added again.
     */
    public ImportCount importAssignments(Path file) {
        AssignmentImport parsed = AssignmentImport.parse(file, repo.cadres(null, null, null), villages.villages(),
                repo.units(), repo.assignments(null, null, null), roles(), this::role, this::roleLabel);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            CadreRepository r = repo.with(tx.dsl());
            List<Assignment> added = new ArrayList<>();
            for (Assignment a : parsed.postings()) {
                if (a.id() == null) {
                    added.add(a.withId(UUID.randomUUID()));
                } else if (!r.updatePosting(a, now)) {
                    throw new StaleRecordException(a.cadreName());
                }
            }
            r.insertAssignments(added, now);
        });
        database.checkpoint();
        return parsed.count();
    }

    /** Writes the postings (of one village, or all when {@code villageId} is null) in the import format. */
    public int exportAssignments(Path file, UUID villageId) throws IOException {
        List<Assignment> list = repo.assignments(null, villageId, null);
        Map<UUID, String> ids = new java.util.HashMap<>();
        repo.cadres(null, null, null).forEach(k -> {
            if (k.idNumber() != null) {
                ids.put(k.id(), k.idNumber());
            }
        });
        AssignmentImport.write(file, Messages.get("assignment.export.title", settings.ledgerSettings().township()),
                list, ids, this::roleFileLabel);
        return list.size();
    }

    // ---- the checks ----

    /** The names of the rules {@link #checkAssignments} applies, for the 检查 screen's filter. */
    public List<String> checkRules() {
        return List.of(Messages.get("check.rule.noFirstSecretary"), Messages.get("check.rule.smallTeam"),
                Messages.get("check.rule.earlyEnd"), Messages.get("check.rule.fewReserves"),
                Messages.get("check.rule.fourOnes"));
    }

    public AssignmentRules rules() {
        return AssignmentRules.from(settings);
    }

    /**
     * What the office checks for a year, village by village: first secretaries in poverty and 软弱涣散 villages,
     * team sizes, postings ended early without a reason, reserve cadres under the age limit, and the 四个一 of
     * 软弱涣散 villages. Postings count when they run on the reference day: today for the current year, else
     * 31 December; ages are taken on 31 December (so a reserve cadre born in {@code year - reserveMaxAge} or later
     * is young enough). The database counts per village and returns only the villages with something to report
     * (see {@link CadreRepository#checkFacts}); findings come in the villages' list order, rule by rule.
     */
    public List<Finding> checkAssignments(int year) {
        AssignmentRules rules = rules();
        LocalDate today = LocalDate.now(clock);
        LocalDate on = today.getYear() == year ? today : LocalDate.of(year, 12, 31);
        LocalDate youngBornFrom = LocalDate.of(year - rules.reserveMaxAge(), 1, 1);
        List<CadreRepository.CheckFacts> villagesFound = repo.checkFacts(year, on, youngBornFrom,
                rules.minTeamSize(), rules.minReserves(), rules.minPostingYears());
        if (villagesFound.isEmpty()) {
            return List.of();
        }
        List<UUID> withEarlyEnds = villagesFound.stream().filter(f -> f.earlyEnds() > 0)
                .map(CadreRepository.CheckFacts::villageId).toList();
        Map<UUID, List<Assignment>> earlyEnds = repo.earlyEnds(withEarlyEnds, year, rules.minPostingYears()).stream()
                .collect(Collectors.groupingBy(Assignment::villageId, Collectors.toList()));
        Map<UUID, String> inCharge = inCharge(villagesFound.stream().map(CadreRepository.CheckFacts::villageId)
                .toList(), on);
        String nobody = Messages.get("check.nobodyInCharge");
        List<Finding> findings = new ArrayList<>();
        for (CadreRepository.CheckFacts v : villagesFound) {
            String who = inCharge.getOrDefault(v.villageId(), nobody);
            boolean firstSecretary = v.firstSecretaries() > 0;
            if ((v.poor() || v.weak()) && !firstSecretary) {
                findings.add(new Finding(v.village(), Messages.get("check.rule.noFirstSecretary"),
                        Messages.get(v.weak() ? "check.detail.noFirstSecretaryWeak"
                                : "check.detail.noFirstSecretaryPoor"), who));
            }
            if (v.team() > 0 && v.team() < rules.minTeamSize()) {
                findings.add(new Finding(v.village(), Messages.get("check.rule.smallTeam"),
                        Messages.get("check.detail.smallTeam", v.team(), rules.minTeamSize()), who));
            }
            for (Assignment a : earlyEnds.getOrDefault(v.villageId(), List.of())) {
                findings.add(new Finding(v.village(), Messages.get("check.rule.earlyEnd"),
                        Messages.get("check.detail.earlyEnd", a.cadreName(), builtInRoleLabel(a.role()),
                                rules.minPostingYears(), a.startDate().toString(), a.endDate().toString()), who));
            }
            if (v.youngReserves() < rules.minReserves()) {
                findings.add(new Finding(v.village(), Messages.get("check.rule.fewReserves"),
                        Messages.get("check.detail.fewReserves", rules.reserveMaxAge(), v.youngReserves(),
                                rules.minReserves()), who));
            }
            if (v.weak()) {
                List<String> missing = new ArrayList<>();
                if (!v.countyLeader()) {
                    missing.add(Messages.get("check.fourOnes.countyLeader"));
                }
                if (!firstSecretary) {
                    missing.add(Messages.get("check.fourOnes.firstSecretary"));
                }
                if (!v.developmentPath()) {
                    missing.add(Messages.get("check.fourOnes.path", year));
                }
                if (!v.branchSecretary()) {
                    missing.add(Messages.get("check.fourOnes.secretary"));
                }
                if (!missing.isEmpty()) {
                    findings.add(new Finding(v.village(), Messages.get("check.rule.fourOnes"),
                            Messages.get("check.detail.fourOnes", String.join("、", missing)), who));
                }
            }
        }
        return findings;
    }

    /**
     * Whom the office calls about each village: its 包村领导, else its 包村干部 (names in the order of their
     * postings, latest first, each once). Villages with neither are left out.
     */
    private Map<UUID, String> inCharge(List<UUID> villageIds, LocalDate on) {
        Map<UUID, Map<String, java.util.LinkedHashSet<String>>> byVillage = new java.util.HashMap<>();
        for (CadreRepository.InCharge p : repo.inCharge(villageIds, on,
                List.of(Role.LEADER_IN_CHARGE, Role.CADRE_IN_CHARGE))) {
            byVillage.computeIfAbsent(p.villageId(), k -> new java.util.HashMap<>())
                    .computeIfAbsent(p.role(), k -> new java.util.LinkedHashSet<>()).add(p.cadreName());
        }
        Map<UUID, String> result = new java.util.HashMap<>();
        byVillage.forEach((village, roles) -> {
            String role = roles.containsKey(Role.LEADER_IN_CHARGE) ? Role.LEADER_IN_CHARGE : Role.CADRE_IN_CHARGE;
            result.put(village, builtInRoleLabel(role) + " " + String.join("、", roles.get(role)));
        });
        return result;
    }

    /** The label of a built-in role (an office's own roles cannot take a built-in code). */
    private static String builtInRoleLabel(String code) {
        return Messages.get(Role.KEY + code);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
