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
    public static final int SCHEMA_VERSION = 11;
    static final String FILE_BASE = "ledger";
    private static final String FILE_SUFFIX = ".mv.db";

    private final Path dataDir;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;

    private Database(Path dataDir, JdbcConnectionPool pool) {
        this.dataDir = dataDir;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
    }

    /** The H2 file holding the ledger in {@code dataDir}. */
    public static Path ledgerFile(Path dataDir) {
        return dataDir.resolve(FILE_BASE + FILE_SUFFIX);
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(ledgerFile(dataDir));
    }

    /** Opens an existing ledger; never creates an empty one in its place. */
    public static Database open(Path dataDir) {
        if (!exists(dataDir)) {
            throw LedgerUnavailableException.missing(ledgerFile(dataDir));
        }
        return connect(dataDir, true);
    }

    /** Creates a new ledger; refuses when one is already there. */
    public static Database create(Path dataDir) {
        if (exists(dataDir)) {
            throw LedgerUnavailableException.exists(ledgerFile(dataDir));
        }
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new LedgerUnavailableException(LedgerUnavailableException.Reason.MISSING,
                    org.townshipledger.common.Messages.get("ledger.cannotCreate", dataDir, e.getMessage()), e);
        }
        return connect(dataDir, false);
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
        if (mustExist && isEmptyFile(ledgerFile(dataDir))) {
            // A 0-byte file (a failed copy to a USB stick) would silently become a new, empty ledger.
            throw LedgerUnavailableException.corrupt(ledgerFile(dataDir), null);
        }
        // WRITE_DELAY=0: a killed process must not lose the last commits.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_BASE) + ";WRITE_DELAY=0"
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
        try (Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("Compacting {} failed: {}", file(), e.getMessage());
        }
        pool.dispose();
    }

    /** Closes the pool; H2 closes the file when its last connection goes. */
    @Override
    public void close() {
        pool.dispose();
    }
}
