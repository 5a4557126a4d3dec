package org.townshipledger.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.Messages;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageService;

class DatabaseTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");

    @TempDir
    Path dir;

    @BeforeEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void pageCacheIsAnEighthOfTheHeapWithinH2sDefaultAnd256Mb() {
        long mb = 1024 * 1024;
        assertThat(Database.pageCacheKb(128 * mb)).isEqualTo(16 * 1024);
        assertThat(Database.pageCacheKb(512 * mb)).isEqualTo(64 * 1024);
        assertThat(Database.pageCacheKb(1024 * mb)).isEqualTo(128 * 1024);
        assertThat(Database.pageCacheKb(6144 * mb)).isEqualTo(256 * 1024);
        try (Database db = Database.create(dir, new LedgerSettings("青石镇", "示范县", 2025, "李明", "王建国"))) {
            String size = String.valueOf(db.dsl().fetchValue("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'CACHE_SIZE'"));
            assertThat(Integer.parseInt(size)).isEqualTo(Database.pageCacheKb(Runtime.getRuntime().maxMemory()));
        }
    }

    @Test
    void createThenOpenKeepsSettings() {
        LedgerSettings settings = new LedgerSettings("青石镇", "示范县", 2025, "李明", "王建国");
        try (Database db = Database.create(dir, settings)) {
            assertThat(db.file()).isEqualTo(dir.resolve("ledger.mv.db"));
        }
        assertThat(dir.resolve("ledger.mv.db")).isRegularFile();

        try (Database db = Database.open(dir)) {
            SettingsStore store = new SettingsStore(db.dsl());
            assertThat(store.isConfigured()).isTrue();
            assertThat(store.ledgerSettings()).isEqualTo(settings);
            assertThat(store.workingYear()).isEqualTo(2025);
        }
    }

    @Test
    void invalidSettingsCreateNothing() {
        Path sub = dir.resolve("new");
        var ex = catchThrowableOfType(org.townshipledger.common.InvalidInputException.class,
                () -> Database.create(sub, LedgerSettings.of(" ", "示范县", 1999)));
        assertThat(ex.problems()).extracting(p -> p.field())
                .containsExactly(Messages.get("settings.township"), Messages.get("settings.year"));
        assertThat(Files.exists(Database.ledgerFile(sub))).isFalse();
    }

    @Test
    void aLedgerFromTheFirstReleaseIsMigratedAndKeepsItsVillages() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=0";
        // A ledger as the first release left it: schema version 1 only, one village in it.
        org.flywaydb.core.Flyway.configure().dataSource(url, "ledger", "").locations("classpath:db/migration")
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "ledger", "");
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO village (id, name, name_initials, kind, poverty_village, created_at, updated_at, "
                    + "version) VALUES (RANDOM_UUID(), '大石村', 'dsc', 'VILLAGE', FALSE, CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP, 0)");
        }

        try (Database db = Database.open(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(Integer.toString(Database.SCHEMA_VERSION));
            assertThat(new VillageService(db).villages()).extracting(Village::name).containsExactly("大石村");
        }
    }

    @Test
    void freshLedgerIsAtTheNewestMigration() throws Exception {
        try (Database db = Database.create(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(Integer.toString(newestMigrationVersion()));
            assertThat(Database.SCHEMA_VERSION).as("Database.SCHEMA_VERSION must name the newest migration file")
                    .isEqualTo(newestMigrationVersion());
        }
    }

    @Test
    void openOnEmptyDirIsMissingAndCreatesNothing() throws IOException {
        LedgerUnavailableException ex = catchThrowableOfType(LedgerUnavailableException.class, () -> Database.open(dir));

        assertThat(ex.reason()).isEqualTo(LedgerUnavailableException.Reason.MISSING);
        assertThat(ex.getMessage()).contains("找不到台账文件").contains(dir.resolve("ledger.mv.db").toString());
        assertThat(dir.resolve("ledger.mv.db")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void createOverExistingLedgerIsRefused() {
        try (Database db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025))) {
            new VillageService(db).save(village("大石村"));
        }
        LedgerUnavailableException ex = catchThrowableOfType(LedgerUnavailableException.class,
                () -> Database.create(dir, LedgerSettings.of("别的镇", "别的县", 2026)));

        assertThat(ex.reason()).isEqualTo(LedgerUnavailableException.Reason.EXISTS);
        assertThat(ex.getMessage()).contains("已经有一本台账");
        try (Database db = Database.open(dir)) {
            assertThat(new SettingsStore(db.dsl()).ledgerSettings().township()).isEqualTo("青石镇");
            assertThat(new VillageService(db).villages()).extracting(Village::name).containsExactly("大石村");
        }
    }

    @Test
    void ledgerFromNewerProgramIsRefusedAndLeftUntouched() throws Exception {
        try (Database db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025))) {
            new VillageService(db).save(village("大石村"));
        }
        String url = "jdbc:h2:file:" + dir.resolve("ledger");
        try (Connection c = DriverManager.getConnection(url, "ledger", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\","
                    + " \"success\") VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 42,"
                    + " 'LEDGER', CURRENT_TIMESTAMP, 1, TRUE)");
        }
        List<String> historyBefore = history(url);

        LedgerUnavailableException ex = catchThrowableOfType(LedgerUnavailableException.class, () -> Database.open(dir));

        assertThat(ex.reason()).isEqualTo(LedgerUnavailableException.Reason.TOO_NEW);
        assertThat(ex.getMessage()).contains("更新版本").contains("999")
                .contains(Integer.toString(newestMigrationVersion()));
        assertThat(history(url)).isEqualTo(historyBefore).contains("999|true");
        try (Connection c = DriverManager.getConnection(url, "ledger", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM village")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertThat(names).containsExactly("大石村");
        }
    }

    @Test
    void damagedFileIsRefusedAndLeftUnchanged() throws IOException {
        byte[] garbage = new byte[20_000];
        new java.util.Random(1).nextBytes(garbage);
        Files.write(Database.ledgerFile(dir), garbage);

        LedgerUnavailableException ex = catchThrowableOfType(LedgerUnavailableException.class, () -> Database.open(dir));

        assertThat(ex.reason()).isEqualTo(LedgerUnavailableException.Reason.CORRUPT);
        assertThat(ex.getMessage()).startsWith("台账文件已损坏，无法打开");
        assertThat(Files.readAllBytes(Database.ledgerFile(dir))).isEqualTo(garbage);
    }

    @Test
    void emptyFileIsRefusedAsDamagedNotTurnedIntoANewLedger() throws IOException {
        Files.write(Database.ledgerFile(dir), new byte[0]);

        LedgerUnavailableException ex = catchThrowableOfType(LedgerUnavailableException.class, () -> Database.open(dir));

        assertThat(ex.reason()).isEqualTo(LedgerUnavailableException.Reason.CORRUPT);
        assertThat(Files.size(Database.ledgerFile(dir))).isZero();
    }

    @Test
    void anH2FileThatIsNotALedgerIsRefusedAndLeftAlone() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "ledger", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE other_program (x INT)");
        }

        LedgerUnavailableException ex = catchThrowableOfType(LedgerUnavailableException.class, () -> Database.open(dir));

        assertThat(ex.reason()).isEqualTo(LedgerUnavailableException.Reason.CORRUPT);
        try (Connection c = DriverManager.getConnection(url, "ledger", "");
             ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables).containsExactly("OTHER_PROGRAM");
        }
    }

    @Test
    void closedLedgerCanBeOpenedAgainInTheSameProcess() {
        try (Database db = Database.create(dir)) {
            new VillageService(db).save(village("大石村"));
        }
        try (Database db = Database.open(dir)) {
            assertThat(new VillageService(db).villageCount()).isEqualTo(1);
        }
        try (Database db = Database.open(dir)) {
            assertThat(new VillageService(db).villageCount()).isEqualTo(1);
        }
    }

    private static List<String> history(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "ledger", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                     + " ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getBoolean(2));
            }
        }
        return rows;
    }

    /** The highest V<n>__*.sql under db/migration on the classpath. */
    static int newestMigrationVersion() throws IOException, URISyntaxException {
        URL url = DatabaseTest.class.getClassLoader().getResource("db/migration");
        assertThat(url).as("db/migration on the classpath").isNotNull();
        int newest = 0;
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = MIGRATION.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertThat(newest).isPositive();
        return newest;
    }

    private static Village village(String name) {
        Village b = Village.blank();
        return new Village(null, name, null, "430599101201", b.kind(), false, null, 300, 1100, null,
                java.util.Set.of(), List.of(VillageGroup.named("一组")), 0, null, null);
    }
}
