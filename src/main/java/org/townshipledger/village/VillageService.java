package org.townshipledger.village;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.exchange.ErrorReport;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;

/** The villages register: what may be saved, and the recycle bin. Plain Java, no UI. */
public final class VillageService {

    private final Database database;
    private final VillageRepository villages;
    private final SettingsStore settings;
    private final Clock clock;

    public VillageService(Database database, SettingsStore settings, Clock clock) {
        this.database = database;
        this.villages = new VillageRepository(database.dsl());
        this.settings = settings;
        this.clock = clock;
    }

    public VillageService(Database database) {
        this(database, new SettingsStore(database.dsl()), Clock.systemDefaultZone());
    }

    /** The year the office works on; 软弱涣散 on the form and in imports means this year. */
    public int workingYear() {
        return settings.workingYear();
    }

    /** Villages in use, in pinyin order. */
    public List<Village> villages() {
        return villages.findActive();
    }

    /** The village as saved now (in use or in the recycle bin), if it still exists. */
    public java.util.Optional<Village> find(UUID id) {
        return villages.findById(id);
    }

    /** Villages in the recycle bin, latest first. */
    public List<Village> villagesInBin() {
        return villages.findDeleted();
    }

    public int villageCount() {
        return villages.countActive();
    }

    public int groupCount() {
        return villages.countActiveGroups();
    }

    /**
     * Saves a new or edited village with its groups.
     *
     * @throws InvalidInputException when a rule is broken (nothing written)
     * @throws StaleRecordException  when someone else changed or deleted it since it was read
     */
    public Village save(Village draft) {
        Village v = normalize(draft);
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = database.dsl().transactionResult(tx -> {
            VillageRepository repo = villages.with(tx.dsl());
            List<Problem> problems = VillageRules.validate(v, name -> repo.nameTaken(name, v.id()));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            if (v.isNew()) {
                Village created = withId(v, UUID.randomUUID());
                repo.insert(created, now);
                return created.id();
            }
            if (!repo.update(v, now)) {
                throw new StaleRecordException(v.name());
            }
            return v.id();
        });
        return villages.findById(id).orElseThrow();
    }

    /** Moves a village to the recycle bin; {@link #restore(UUID)} brings it back. */
    public void moveToBin(Village v) {
        if (!villages.moveToBin(v.id(), v.version(), OffsetDateTime.now(clock))) {
            throw new StaleRecordException(v.name());
        }
    }

    /** Brings a village back from the recycle bin, unless another village has taken its name meanwhile. */
    public Village restore(UUID id) {
        return database.dsl().transactionResult(tx -> {
            VillageRepository repo = villages.with(tx.dsl());
            Village v = repo.findById(id).orElseThrow(() -> new InvalidInputException(Messages.get("village.error.gone")));
            if (repo.nameTaken(v.name(), v.id())) {
                throw new InvalidInputException(Messages.get("village.error.restoreNameTaken", v.name()));
            }
            repo.restoreFromBin(id, OffsetDateTime.now(clock));
            return repo.findById(id).orElseThrow();
        });
    }

    /**
     * Deletes a village in the recycle bin for good, with its groups, postings, pairings, visits, problems and help
     * given, and the households of it that are in the bin too.
     *
     * @throws InvalidInputException when households in use still belong to it, or it is not in the bin
     */
    public void purge(UUID id) {
        database.dsl().transaction(tx -> {
            VillageRepository repo = villages.with(tx.dsl());
            Village v = repo.findById(id).filter(x -> x.deletedAt() != null)
                    .orElseThrow(() -> new InvalidInputException(Messages.get("recycleBin.error.gone")));
            int inUse = repo.householdsInUse(id);
            if (inUse > 0) {
                throw new InvalidInputException(Messages.get("village.error.purgeHouseholds", v.name(), inUse));
            }
            repo.purge(id);
        });
    }

    /**
     * Checks a villages sheet without writing anything: how many villages it would add and update, and every bad
     * row with the cell it names (the import dialog's preview).
     *
     * @throws InvalidInputException when the file cannot be read or has no header row
     */
    public ImportCheck checkVillagesImport(Path file) {
        VillageImport parsed = VillageImport.parse(file, villages.findActive(), workingYear());
        VillageImport.Result r = parsed.result();
        return new ImportCheck(r.added(), r.updated(), r.added() + r.updated(),
                ErrorReport.issues(file, VillageImport.REQUIRED, parsed.problems()), List.of());
    }

    /** Writes the bad rows of a villages sheet with a 错误原因 column (see {@link ErrorReport}). */
    public void writeErrorReport(Path source, List<RowIssue> errors, Path out) throws IOException {
        ErrorReport.write(source, VillageImport.REQUIRED, errors, out);
    }

    /**
     * Imports villages all-or-nothing: a village whose name is already in the ledger is updated, others are
     * added. Every bad row is reported; when there is one, nothing is written.
     */
    public VillageImport.Result importVillages(Path file) {
        VillageImport parsed = VillageImport.parse(file, villages.findActive(), workingYear());
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            VillageRepository repo = villages.with(tx.dsl());
            for (Village v : parsed.villages()) {
                if (v.isNew()) {
                    repo.insert(withId(v, UUID.randomUUID()), now);
                } else if (!repo.update(v, now)) {
                    throw new StaleRecordException(v.name());
                }
            }
        });
        database.checkpoint();
        return parsed.result();
    }

    /** Writes the villages in use to .xlsx or .csv (by the file's extension), importable again. */
    public int exportVillages(Path file) throws IOException {
        List<Village> all = villages();
        int year = workingYear();
        String title = Messages.get("village.export.title", settings.ledgerSettings().township(), year);
        VillageImport.write(file, title, all, year);
        return all.size();
    }

    /** Inserts many villages in one transaction (demo data); they must already be valid. */
    public void insertAll(List<Village> drafts) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            VillageRepository repo = villages.with(tx.dsl());
            for (Village v : drafts) {
                repo.insert(withId(normalize(v), UUID.randomUUID()), now);
            }
        });
        database.checkpoint();
    }

    static Village normalize(Village v) {
        List<VillageGroup> groups = new ArrayList<>();
        for (VillageGroup g : v.groups()) {
            groups.add(new VillageGroup(g.id(), g.name() == null ? "" : g.name().strip()));
        }
        return new Village(v.id(), v.name() == null ? "" : v.name().strip(), v.nameInitials(), blankToNull(v.statsCode()),
                v.kind() == null ? VillageKind.VILLAGE : v.kind(), v.povertyVillage(),
                v.exitYear(), v.householdCount(), v.population(),
                blankToNull(v.note()), v.weakYears(), groups, v.version(), v.updatedAt(), v.deletedAt());
    }

    private static Village withId(Village v, UUID id) {
        return new Village(id, v.name(), v.nameInitials(), v.statsCode(), v.kind(), v.povertyVillage(), v.exitYear(),
                v.householdCount(), v.population(), v.note(), v.weakYears(), v.groups(), v.version(), v.updatedAt(),
                v.deletedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
