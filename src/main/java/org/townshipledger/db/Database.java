package org.townshipledger.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.Stopwatch;

/**
 * One open ledger: an H2 file in the data folder, migrated by Flyway at every open.
 * Only one process may hold it; a second one gets {@link LedgerUnavailableException} (BUSY).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /**
     * The newest migration this program has (V&lt;n&gt;__*.sql, integer versions only). A ledger already at it opens
     * without loading Flyway, which saves half a second at every start. DatabaseTest keeps it equal to the files.
     */
    public static final int SCHEMA_VERSION = 12;
    static final String FILE_BASE = "ledger";
    /** Compacting on close is considered from this file size on … */
    static final long COMPACT_MIN_BYTES = 32L * 1024 * 1024;
    /** … when less than this share (%) of the file holds live data. */
    static final int COMPACT_MAX_FILL_RATE = 50;
    private static final String FILE_SUFFIX = ".mv.db";

    private final Path dataDir;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;

    private Database(Path dataDir, JdbcConnectionPool pool) {
        this.dataDir = dataDir;
        this.pool = pool;
        org.jooq.Configuration config = new org.jooq.impl.DefaultConfiguration().set(pool).set(SQLDialect.H2)
                .set(new Settings().withExecuteLogging(false));
        // A full disk, wherever it shows (a statement, or the commit that writes the pages), becomes one clear
        // message saying what to free: see DiskFull.
        config.set(new org.jooq.impl.DefaultExecuteListenerProvider(new org.jooq.ExecuteListener() {
            @Override
            public void exception(org.jooq.ExecuteContext ctx) {
                if (DiskFull.causedBy(ctx.sqlException()) || DiskFull.causedBy(ctx.exception())) {
                    ctx.exception(DiskFull.exception(dataDir, ctx.exception()));
                }
            }
        }));
        org.jooq.TransactionProvider transactions =
                new org.jooq.impl.DefaultTransactionProvider(config.connectionProvider());
        config.set(new org.jooq.TransactionProvider() {
            @Override
            public void begin(org.jooq.TransactionContext ctx) {
                translated(() -> transactions.begin(ctx));
            }

            @Override
            public void commit(org.jooq.TransactionContext ctx) {
                translated(() -> transactions.commit(ctx));
            }

            @Override
            public void rollback(org.jooq.TransactionContext ctx) {
                translated(() -> transactions.rollback(ctx));
            }
        });
        this.dsl = DSL.using(config);
    }

    private void translated(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (!(e instanceof LedgerUnavailableException) && DiskFull.causedBy(e)) {
                throw DiskFull.exception(dataDir, e);
            }
            throw e;
        }
    }

    /** The H2 file holding the ledger in {@code dataDir}. */
    public static Path ledgerFile(Path dataDir) {
        return dataDir.resolve(FILE_BASE + FILE_SUFFIX);
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(ledgerFile(dataDir));
    }

    /** What a data folder holds, as far as the ledger goes. */
    public enum FolderState {
        /** The ledger file is there. */
        PRESENT,
        /** No ledger, and no sign that there ever was one: the first start. */
        FRESH,
        /** No ledger file, but the folder had one (its marker or backups are there): moved, renamed or deleted. */
        VANISHED
    }

    /**
     * Opens a copy of a ledger (a backup unpacked into a temp folder) read-only: no migration, nothing written to the
     * file. For checking backups with {@link #schemaVersion()} and {@link #readEveryTable()}.
     */
    public static Database openReadOnly(Path dataDir) {
        Path file = ledgerFile(dataDir);
        if (!exists(dataDir)) {
            throw LedgerUnavailableException.missing(file);
        }
        if (isEmptyFile(file)) {
            throw LedgerUnavailableException.corrupt(file, null);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_BASE)
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "ledger", "");
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw translate(file, e);
        }
        return new Database(dataDir, pool);
    }

    /** The file {@link #create} and {@link #open} leave beside the ledger, so that its absence can be told apart. */
    public static Path markerFile(Path dataDir) {
        return dataDir.resolve(MARKER);
    }

    static final String MARKER = "ledger.marker";

    public static FolderState state(Path dataDir) {
        if (exists(dataDir)) {
            return FolderState.PRESENT;
        }
        if (Files.exists(markerFile(dataDir)) || hasBackups(dataDir)) {
            return FolderState.VANISHED;
        }
        return FolderState.FRESH;
    }

    private static boolean hasBackups(Path dataDir) {
        Path backups = dataDir.resolve("backups");
        if (!Files.isDirectory(backups)) {
            return false;
        }
        try (var files = Files.list(backups)) {
            return files.findAny().isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * The clerk chose to start a new ledger in a folder whose ledger vanished: forget the old one (its marker), so
     * that {@link #create} may make a new one. Backups, if any, stay where they are.
     */
    public static void forgetVanished(Path dataDir) {
        try {
            Files.deleteIfExists(markerFile(dataDir));
        } catch (java.io.IOException e) {
            throw new LedgerUnavailableException(LedgerUnavailableException.Reason.MISSING,
                    org.townshipledger.common.Messages.get("ledger.cannotCreate", dataDir, e.getMessage()), e);
        }
    }

    /**
     * The clerk located the ledger that vanished (on a USB stick, in another folder): copies it into the data
     * folder (through a temporary file and a rename, so a half copy is never taken for the ledger) and opens it.
     * The chosen file stays as it was. Refused when a ledger is already in the folder.
     */
    public static Database adopt(Path dataDir, Path chosen) {
        if (exists(dataDir)) {
            throw LedgerUnavailableException.exists(ledgerFile(dataDir));
        }
        if (!Files.isRegularFile(chosen) || isEmptyFile(chosen) || !chosen.getFileName().toString().endsWith(FILE_SUFFIX)) {
            throw LedgerUnavailableException.notALedger(chosen);
        }
        Path target = ledgerFile(dataDir);
        Path tmp = dataDir.resolve(FILE_BASE + ".adopting");
        try {
            Files.createDirectories(dataDir);
            Files.copy(chosen, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (java.io.IOException ignored) {
                // the message below is what matters
            }
            throw new LedgerUnavailableException(LedgerUnavailableException.Reason.MISSING,
                    org.townshipledger.common.Messages.get("ledger.cannotCopy", chosen, dataDir, e.getMessage()), e);
        }
        try {
            return open(dataDir);
        } catch (RuntimeException e) {
            // Not a ledger after all (or too new): put the folder back as it was, the chosen file is untouched.
            try {
                Files.deleteIfExists(target);
            } catch (java.io.IOException ignored) {
                // the open failure is what the clerk needs to read
            }
            throw e;
        }
    }

    /** Opens an existing ledger; never creates an empty one in its place. */
    public static Database open(Path dataDir) {
        FolderState state = state(dataDir);
        if (state == FolderState.VANISHED) {
            throw LedgerUnavailableException.vanished(ledgerFile(dataDir));
        }
        if (state == FolderState.FRESH) {
            throw LedgerUnavailableException.missing(ledgerFile(dataDir));
        }
        Database db = connect(dataDir, true);
        db.writeMarker();
        return db;
    }

    /**
     * Creates a new ledger; refuses when one is already there, and when the folder had one that vanished (the clerk
     * must locate it, or say with {@link #forgetVanished} that a new one is wanted).
     */
    public static Database create(Path dataDir) {
        if (exists(dataDir)) {
            throw LedgerUnavailableException.exists(ledgerFile(dataDir));
        }
        if (state(dataDir) == FolderState.VANISHED) {
            throw LedgerUnavailableException.vanished(ledgerFile(dataDir));
        }
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new LedgerUnavailableException(LedgerUnavailableException.Reason.MISSING,
                    org.townshipledger.common.Messages.get("ledger.cannotCreate", dataDir, e.getMessage()), e);
        }
        Database db = connect(dataDir, false);
        db.writeMarker();
        return db;
    }

    /** Leaves the marker that says this folder has a ledger (see {@link FolderState#VANISHED}). */
    private void writeMarker() {
        Path marker = markerFile(dataDir);
        if (Files.exists(marker)) {
            return;
        }
        try {
            Files.writeString(marker, "Township Ledger: " + FILE_BASE + FILE_SUFFIX + " belongs in this folder."
                    + " If it is missing, the program asks for it instead of starting an empty ledger.\n",
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            LOG.warn("Cannot write {}: {}", marker, e.getMessage());
        }
    }

    /** Creates a new ledger and records whose it is; nothing is created when the settings are invalid. */
    public static Database create(Path dataDir, LedgerSettings settings) {
        if (!settings.problems().isEmpty()) {
            throw new org.townshipledger.common.InvalidInputException(settings.problems());
        }
        Database db = create(dataDir);
        new SettingsStore(db.dsl()).save(settings);
        return db;
    }

    private static Database connect(Path dataDir, boolean mustExist) {
        return connect(dataDir, mustExist, "file");
    }

    /**
     * Opens an existing ledger through another H2 file system ({@code scheme}, registered with H2's FilePath): tests
     * use one whose writes fail as on a full disk.
     */
    static Database openThrough(Path dataDir, String scheme) {
        return connect(dataDir, true, scheme);
    }

    /**
     * H2's page cache, in KB: an eighth of the heap, between H2's own 16 MB and 256 MB. With the default 16 MB a
     * county ledger (500 MB, a million visits) reread and decoded the same index pages on every check; 128 MB held
     * them (check visits warm ≈ 2× faster). A small heap (a report run with -Xmx256m) keeps a small cache.
     */
    static int pageCacheKb(long maxHeapBytes) {
        long kb = maxHeapBytes / 8 / 1024;
        return (int) Math.max(16 * 1024, Math.min(256 * 1024, kb));
    }

    private static Database connect(Path dataDir, boolean mustExist, String scheme) {
        if (mustExist && isEmptyFile(ledgerFile(dataDir))) {
            // A 0-byte file (a failed copy to a USB stick) would silently become a new, empty ledger.
            throw LedgerUnavailableException.corrupt(ledgerFile(dataDir), null);
        }
        // WRITE_DELAY=0: a killed process must not lose the last commits.
        // REUSE_SPACE=FALSE: H2 2.5 writes a chunk into freed space inside the file without pointing its file header
        // at it; after a kill it reopens at the chunk before, and the last commits are gone (CrashSafetyTrials found
        // it; the first save made 45 s or more after opening lost it every time). Appended chunks are always found.
        String url = "jdbc:h2:" + scheme + ":" + dataDir.toAbsolutePath().resolve(FILE_BASE)
                + ";WRITE_DELAY=0;REUSE_SPACE=FALSE;CACHE_SIZE=" + pageCacheKb(Runtime.getRuntime().maxMemory())
                + (mustExist ? ";IFEXISTS=TRUE" : "");
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "ledger", "");
        pool.setMaxConnections(8);
        Path file = ledgerFile(dataDir);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw translate(file, e);
        }
        Database db = new Database(dataDir, pool);
        try {
            db.migrate(mustExist);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static boolean isEmptyFile(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static RuntimeException translate(Path file, SQLException e) {
        if (DiskFull.causedBy(e)) {
            return DiskFull.exception(file.getParent(), e);
        }
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> LedgerUnavailableException.busy(file, e);
            case ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1, ErrorCode.DATABASE_NOT_FOUND_1 ->
                    LedgerUnavailableException.missing(file);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.IO_EXCEPTION_1,
                    ErrorCode.IO_EXCEPTION_2 -> LedgerUnavailableException.corrupt(file, e);
            default -> new IllegalStateException(e.getMessage(), e);
        };
    }

    /** Refuses a ledger written by a newer program (Flyway alone only warns), then applies pending migrations. */
    private void migrate(boolean existing) {
        if (existing) {
            Integer applied = appliedVersion();
            if (applied == null) {
                // Every ledger has its migration history from the start: without it this H2 file is not ours.
                throw LedgerUnavailableException.corrupt(ledgerFile(dataDir), null);
            }
            if (applied > SCHEMA_VERSION) {
                throw LedgerUnavailableException.tooNew(ledgerFile(dataDir), applied.toString(),
                        Integer.toString(SCHEMA_VERSION));
            }
            if (applied == SCHEMA_VERSION) {
                return;
            }
        }
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load();
        try {
            MigrationInfo[] all = flyway.info().all();
            MigrationInfo future = Arrays.stream(all)
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .max(Comparator.comparing(MigrationInfo::getVersion))
                    .orElse(null);
            if (future != null) {
                throw LedgerUnavailableException.tooNew(ledgerFile(dataDir), future.getVersion().getVersion(),
                        programSchemaVersion(all));
            }
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                LOG.info("Applied {} migration(s) to {}", applied, ledgerFile(dataDir));
            }
        } catch (FlywayException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String programSchemaVersion(MigrationInfo[] all) {
        return Arrays.stream(all)
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                        && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(v -> v.getVersion())
                .orElse("0");
    }

    /** The newest migration applied to the ledger, or null when it has no migration history. */
    private Integer appliedVersion() {
        try (Connection c = pool.getConnection();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(
                     "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            return rs.next() && rs.getObject(1) != null ? rs.getInt(1) : null;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1) {
                return null;
            }
            throw translate(ledgerFile(dataDir), e);
        }
    }

    /**
     * The store's version: it grows with every commit that changes data and stays the same across close and open,
     * so an equal number means the ledger holds what it held then (a backup uses it to skip an unchanged ledger).
     */
    public long storeVersion() {
        return Long.parseLong(String.valueOf(dsl().fetchValue(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CURRENT_VERSION'")));
    }

    /** True for a ledger opened read-only ({@link #openReadOnly}). */
    public boolean readOnly() {
        return Boolean.TRUE.equals(dsl().fetchValue("SELECT READONLY()"));
    }

    /** The schema version the ledger is at (the newest applied migration). */
    public String schemaVersion() {
        Integer v = appliedVersion();
        return v == null ? "0" : v.toString();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path file() {
        return ledgerFile(dataDir);
    }

    /**
     * Reads every row of every table of the ledger (Flyway's history included) and returns how many each has,
     * by table name in name order. A damaged page or index entry throws; the crash test runs it after a kill.
     */
    public java.util.SortedMap<String, Integer> readEveryTable() {
        java.util.SortedMap<String, Integer> rows = new java.util.TreeMap<>();
        try (Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                int n = 0;
                try (java.sql.ResultSet rs = st.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        n++;
                    }
                }
                rows.put(table, n);
            }
        } catch (SQLException e) {
            throw translate(file(), e);
        }
        return rows;
    }

    /**
     * Bytes H2 has written to the ledger file since it was opened, for the log of bulk writes: how much of an
     * import's time went to storing pages shows here, whatever else runs on the machine.
     */
    public long bytesWritten() {
        String v = dsl.fetchValue("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
                "info.FILE_WRITE_BYTES").toString();
        return Long.parseLong(v);
    }

    /** Forces everything to disk; call after a bulk write such as an import. */
    public void checkpoint() {
        dsl.execute("CHECKPOINT SYNC");
    }

    /**
     * Closes the ledger and rewrites its file compactly. After a bulk load (the county demo) H2 leaves the file
     * many times larger than its data; this takes it back down. Nothing else may use the ledger afterwards.
     */
    public void closeCompacted() {
        try {
            // Not closed afterwards: SHUTDOWN ends its session, and handing it back to the pool would roll it back,
            // fail, and leave an H2 trace file beside the ledger.
            Connection c = pool.getConnection();
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            }
        } catch (SQLException e) {
            LOG.warn("Compacting {} failed: {}", file(), e.getMessage());
        }
        pool.dispose();
    }

    /**
     * Closes the ledger; H2 closes the file when its last connection goes. A file mostly made of space no longer in
     * use (chunks are only appended, see {@link #connect}; an import leaves a file several times its data) is
     * compacted first.
     */
    @Override
    public void close() {
        if (worthCompacting()) {
            Stopwatch watch = Stopwatch.start();
            long before = fileBytes();
            closeCompacted();
            LOG.info("Compacted {} on close: {} MB to {} MB in {}", file(), before / (1024 * 1024),
                    fileBytes() / (1024 * 1024), watch.lap());
            return;
        }
        pool.dispose();
    }

    /** Over {@value #COMPACT_MIN_BYTES} bytes, with less than {@value #COMPACT_MAX_FILL_RATE}% of its chunks live. */
    private boolean worthCompacting() {
        try {
            if (fileBytes() < COMPACT_MIN_BYTES) {
                return false;
            }
            Object fill = dsl.fetchValue("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
                    "info.CHUNKS_FILL_RATE");
            return fill != null && Integer.parseInt(fill.toString().strip()) < COMPACT_MAX_FILL_RATE;
        } catch (RuntimeException e) {
            LOG.warn("Could not read the fill rate of {}: {}", file(), e.getMessage());
            return false;
        }
    }

    private long fileBytes() {
        try {
            return Files.size(file());
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
