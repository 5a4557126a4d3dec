package org.townshipledger.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Progress;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerUnavailableException;
import org.townshipledger.db.SettingsStore;

class BackupServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private static Clock at(String localDateTime) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant(), ZONE);
    }

    private Path ledger() {
        Path data = dir.resolve("data");
        LedgerFixture.copyDemoInto(data);
        return data;
    }

    /** Changes the ledger after a backup: a village renamed, a setting added, a household's rows removed. */
    private static void change(Database db) {
        db.dsl().execute("UPDATE village SET name = name || '改' WHERE name = (SELECT MIN(name) FROM village)");
        new SettingsStore(db.dsl()).put("test.after.backup", "yes");
        db.dsl().execute("DELETE FROM household_check");
    }

    @Test
    void backupThenRestoreLeavesEveryTableEqualRowForRow() throws IOException {
        Path data = ledger();
        SortedMap<String, String> before;
        BackupInfo made;
        try (Database db = Database.open(data)) {
            before = LedgerFixture.tableHashes(db);
            made = BackupService.forLedger(db, at("2026-11-26T09:00:00")).create(null, Progress.NONE);
            change(db);
            assertThat(LedgerFixture.tableHashes(db)).isNotEqualTo(before);
        }
        assertThat(made.file().getParent()).isEqualTo(data.resolve("backups"));
        assertThat(made.kind()).isEqualTo(BackupKind.MANUAL);
        assertThat(made.verified()).isTrue();
        assertThat(made.manifest().rows("HOUSEHOLD")).isEqualTo(2_000);
        assertThat(made.manifest().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
        assertThat(made.manifest().township()).isNotBlank();

        BackupService.Restored r = BackupService.forDataDir(data, at("2026-11-26T10:00:00"))
                .restore(made.file(), null, Progress.NONE);

        assertThat(LedgerFixture.tableHashes(data)).isEqualTo(before);
        try (Database db = Database.open(data)) {
            assertThat(db.readEveryTable()).isEqualTo(made.manifest().rows());
        }
        // The ledger as it was (changed) is kept as a backup, and it verifies.
        assertThat(r.keptAs()).exists();
        assertThat(r.keptAs().getFileName().toString()).isEqualTo("ledger-20261126-100000-before-restore.zip");
        BackupManifest kept = BackupService.forDataDir(data, Clock.system(ZONE)).verify(r.keptAs(), null,
                Progress.NONE);
        assertThat(kept.kind()).isEqualTo(BackupKind.BEFORE_RESTORE);
        assertThat(kept.rows("HOUSEHOLD_CHECK")).isZero();
        assertThat(made.manifest().rows("HOUSEHOLD_CHECK")).isPositive();
        // No work folders are left behind.
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".backup-work"));
        }
    }

    @Test
    void restoreWhileOpenClosesTheLedgerAndSwaps() {
        Path data = ledger();
        try (Database db = Database.open(data)) {
            SortedMap<String, String> before = LedgerFixture.tableHashes(db);
            BackupService service = BackupService.forLedger(db, at("2026-11-26T09:00:00"));
            BackupInfo made = service.create(dir.resolve("elsewhere/copy.zip"), Progress.NONE);
            assertThat(made.file()).isEqualTo(dir.resolve("elsewhere/copy.zip"));
            change(db);

            service.restore(made.file(), null, Progress.NONE);

            assertThat(service.ledgerOpen()).isFalse();
            assertThat(LedgerFixture.tableHashes(data)).isEqualTo(before);
        }
    }

    @Test
    void damagedBackupsAreRefusedByVerifyAndRestoreAndTheLedgerStaysUnchanged() throws IOException {
        Path data = ledger();
        BackupInfo made;
        try (Database db = Database.open(data)) {
            made = BackupService.forLedger(db, at("2026-11-26T09:00:00")).create(dir.resolve("good.zip"),
                    Progress.NONE);
            change(db);
        }
        SortedMap<String, String> current = LedgerFixture.tableHashes(data);
        byte[] good = Files.readAllBytes(made.file());

        Path flipped = dir.resolve("flipped.zip");
        byte[] bytes = good.clone();
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= 0x5A;
        }
        Files.write(flipped, bytes);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        Path empty = dir.resolve("empty.zip");
        Files.write(empty, new byte[0]);
        Path notOurs = dir.resolve("notours.zip");
        Files.writeString(notOurs, "hello");

        BackupService service = BackupService.forDataDir(data, Clock.system(ZONE));
        for (Path bad : List.of(flipped, truncated, empty, notOurs)) {
            assertThatThrownBy(() -> service.verify(bad, null, Progress.NONE))
                    .as(bad.getFileName().toString())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("备份文件已损坏或不完整")
                    .hasMessageContaining("台账未被改动");
            assertThatThrownBy(() -> service.restore(bad, null, Progress.NONE))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(LedgerFixture.tableHashes(data)).isEqualTo(current);
        }
        assertThat(service.list()).isEmpty(); // nothing kept: the restores stopped at the check
        assertThat(service.verify(made.file(), null, Progress.NONE).rows("HOUSEHOLD")).isEqualTo(2_000);
    }

    @Test
    void aBitFlippedInsideTheDatabaseEntryIsCaughtByTheChecksum() throws IOException {
        Path data = ledger();
        Path file;
        try (Database db = Database.open(data)) {
            file = BackupService.forLedger(db, at("2026-11-26T09:00:00")).create(dir.resolve("b.zip"),
                    Progress.NONE).file();
        }
        // Rewrite the zip with one byte of the database changed and a correct zip CRC: only the manifest can tell.
        Path altered = dir.resolve("altered.zip");
        try (var zf = new java.util.zip.ZipFile(file.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(altered))) {
            for (var e : java.util.Collections.list(zf.entries())) {
                byte[] content = zf.getInputStream(e).readAllBytes();
                if (e.getName().equals("ledger.mv.db")) {
                    content[content.length - 100] ^= 1;
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> BackupService.forDataDir(data, Clock.system(ZONE)).verify(altered, null,
                Progress.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("校验值");
    }

    @Test
    void aFailureBetweenClosingAndSwappingLeavesTheOldLedgerOpenableAndUnchanged() throws IOException {
        Path data = ledger();
        BackupInfo made;
        try (Database db = Database.open(data)) {
            made = BackupService.forLedger(db, at("2026-11-26T09:00:00")).create(null, Progress.NONE);
            change(db);
        }
        SortedMap<String, String> current = LedgerFixture.tableHashes(data);
        try (Database db = Database.open(data)) {
            BackupService service = BackupService.forLedger(db, at("2026-11-26T10:00:00"));
            service.beforeSwap = () -> {
                throw new IllegalStateException("power cut");
            };
            assertThatThrownBy(() -> service.restore(made.file(), null, Progress.NONE))
                    .hasMessageContaining("power cut");
        }
        assertThat(LedgerFixture.tableHashes(data)).isEqualTo(current);
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".backup-work"));
        }
    }

    @Test
    void aCancelledRestoreChangesNothing() {
        Path data = ledger();
        BackupInfo made;
        try (Database db = Database.open(data)) {
            made = BackupService.forLedger(db, at("2026-11-26T09:00:00")).create(null, Progress.NONE);
            change(db);
        }
        SortedMap<String, String> current = LedgerFixture.tableHashes(data);
        Progress cancelled = new Progress() {
            @Override
            public void worked(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> BackupService.forDataDir(data, Clock.system(ZONE)).restore(made.file(), null,
                cancelled)).isInstanceOf(org.townshipledger.common.CancelledException.class);
        assertThat(LedgerFixture.tableHashes(data)).isEqualTo(current);
    }

    @Test
    void aDamagedLedgerIsKeptAsARawCopyAndTheNewestGoodBackupRestoresIt() throws IOException {
        Path data = ledger();
        SortedMap<String, String> before;
        try (Database db = Database.open(data)) {
            before = LedgerFixture.tableHashes(db);
            BackupService.forLedger(db, at("2026-11-20T09:00:00")).create(null, Progress.NONE);
            BackupService.forLedger(db, at("2026-11-25T09:00:00")).create(null, Progress.NONE);
        }
        // The newest backup is damaged; the one before it is good.
        BackupService service = BackupService.forDataDir(data, at("2026-11-26T09:00:00"));
        Path newest = service.list().get(0).file();
        assertThat(newest.getFileName().toString()).contains("20261125");
        Files.write(newest, java.util.Arrays.copyOf(Files.readAllBytes(newest), 1000));
        // And the ledger itself is damaged.
        Path ledgerFile = Database.ledgerFile(data);
        try (RandomAccessFile f = new RandomAccessFile(ledgerFile.toFile(), "rw")) {
            f.seek(0);
            f.write(new byte[8192]);
        }
        assertThatThrownBy(() -> Database.open(data)).isInstanceOf(LedgerUnavailableException.class)
                .extracting(e -> ((LedgerUnavailableException) e).reason())
                .isEqualTo(LedgerUnavailableException.Reason.CORRUPT);

        BackupInfo good = service.newestGood().orElseThrow();
        assertThat(good.file().getFileName().toString()).contains("20261120");
        BackupService.Restored r = service.restore(good.file(), null, Progress.NONE);

        assertThat(r.keptAs().getFileName().toString()).isEqualTo("ledger-20261126-090000-damaged.mv.db");
        assertThat(LedgerFixture.tableHashes(data)).isEqualTo(before);
    }

    @Test
    void passwordBackupRestoresIntoAnotherFreshDataFolder() throws IOException {
        Path data = ledger();
        SortedMap<String, String> before;
        Path portable = dir.resolve("usb/台账.tlbak");
        try (Database db = Database.open(data)) {
            before = LedgerFixture.tableHashes(db);
            BackupInfo made = BackupService.forLedger(db, at("2026-11-26T09:00:00"))
                    .create(portable, "县里的密码 2026".toCharArray(), Progress.NONE);
            assertThat(made.encrypted()).isTrue();
            assertThat(made.manifest()).isNull();
        }
        assertThat(BackupService.isEncrypted(portable)).isTrue();
        // Nothing of the database can be read from the file without the password.
        String raw = new String(Files.readAllBytes(portable), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("ledger.mv.db").doesNotContain("manifest");

        Path otherPc = dir.resolve("other-pc");
        BackupService there = BackupService.forDataDir(otherPc, Clock.system(ZONE));
        assertThatThrownBy(() -> there.restore(portable, null, Progress.NONE))
                .isInstanceOf(PasswordNeededException.class);
        assertThatThrownBy(() -> there.restore(portable, "县里的密码 2025".toCharArray(), Progress.NONE))
                .isInstanceOf(WrongPasswordException.class).hasMessageContaining("密码不对");
        assertThat(Database.exists(otherPc)).isFalse();

        BackupService.Restored r = there.restore(portable, "县里的密码 2026".toCharArray(), Progress.NONE);

        assertThat(r.keptAs()).isNull();
        assertThat(LedgerFixture.tableHashes(otherPc)).isEqualTo(before);
    }

    @Test
    void aDamagedEncryptedBackupIsRefusedAsDamagedNotAsAWrongPassword() throws IOException {
        Path data = ledger();
        Path portable = dir.resolve("p.tlbak");
        try (Database db = Database.open(data)) {
            BackupService.forLedger(db, Clock.system(ZONE)).create(portable, "pw-123456".toCharArray(),
                    Progress.NONE);
        }
        byte[] bytes = Files.readAllBytes(portable);
        Path flipped = dir.resolve("flipped.tlbak");
        byte[] f = bytes.clone();
        f[f.length / 2] ^= 1;
        Files.write(flipped, f);
        Path cut = dir.resolve("cut.tlbak");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        BackupService service = BackupService.forDataDir(dir.resolve("fresh"), Clock.system(ZONE));
        for (Path bad : List.of(flipped, cut)) {
            assertThatThrownBy(() -> service.verify(bad, "pw-123456".toCharArray(), Progress.NONE))
                    .isInstanceOf(InvalidInputException.class).isNotInstanceOf(WrongPasswordException.class)
                    .hasMessageContaining("备份文件已损坏或不完整");
        }
    }

    @Test
    void listShowsNewestFirstWithKindSizeAndVerified() throws IOException {
        Path data = ledger();
        try (Database db = Database.open(data)) {
            BackupService.forLedger(db, at("2026-11-24T08:00:00")).create(null, Progress.NONE);
            BackupService.forLedger(db, at("2026-11-25T08:00:00")).dailyIfDue(Progress.NONE);
            new SettingsStore(db.dsl()).put(SettingsStore.PREPARER, "张三");
            BackupService.forLedger(db, at("2026-11-25T18:00:00")).atExit(Progress.NONE);
        }
        BackupService service = BackupService.forDataDir(data, Clock.system(ZONE));
        List<BackupInfo> list = service.list();
        assertThat(list).extracting(b -> b.file().getFileName().toString()).containsExactly(
                "ledger-20261125-180000-exit.zip", "ledger-20261125-080000-monthly.zip",
                "ledger-20261124-080000-manual.zip");
        assertThat(list).allSatisfy(b -> {
            assertThat(b.verified()).isTrue();
            assertThat(b.size()).isPositive();
            assertThat(b.manifest().rows("VILLAGE")).isEqualTo(25);
        });
        // A file changed after it was checked is no longer shown as verified.
        Path exit = list.get(0).file();
        Files.write(exit, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(service.list().get(0).verified()).isFalse();
        assertThat(service.list().get(0).manifest()).isNotNull();
    }

    @Test
    void closingAnUnchangedLedgerMakesNoExitBackupUntilSomethingIsSaved() {
        Path data = ledger();
        try (Database db = Database.open(data)) {
            assertThat(BackupService.forLedger(db, at("2026-11-25T08:00:00")).dailyIfDue(Progress.NONE)).isPresent();
            db.dsl().fetchCount(org.townshipledger.db.jooq.tables.Village.VILLAGE);
            assertThat(BackupService.forLedger(db, at("2026-11-25T18:00:00")).atExit(Progress.NONE)).isEmpty();
        }
        // Closed and opened again without a save: still the same ledger as the morning's backup.
        try (Database db = Database.open(data)) {
            assertThat(BackupService.forLedger(db, at("2026-11-25T19:00:00")).atExit(Progress.NONE)).isEmpty();
            new SettingsStore(db.dsl()).put(SettingsStore.PREPARER, "张三");
            assertThat(BackupService.forLedger(db, at("2026-11-25T20:00:00")).atExit(Progress.NONE)).isPresent();
            assertThat(BackupService.forLedger(db, at("2026-11-25T21:00:00")).atExit(Progress.NONE)).isEmpty();
            // A backup file changed since it was checked is not trusted to hold the ledger.
            Path exit = BackupService.forDataDir(data, Clock.system(ZONE)).list().get(0).file();
            try {
                Files.write(exit, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(BackupService.forLedger(db, at("2026-11-25T22:00:00")).atExit(Progress.NONE)).isPresent();
        }
        assertThat(BackupService.forDataDir(data, Clock.system(ZONE)).list())
                .extracting(b -> b.file().getFileName().toString())
                .containsExactly("ledger-20261125-220000-exit.zip", "ledger-20261125-200000-exit.zip",
                        "ledger-20261125-080000-monthly.zip");
    }

    @Test
    void theDailyBackupIsMadeOnceADayAndTheFirstOfAMonthOrWeekIsKeptAsSuch() {
        Path data = ledger();
        try (Database db = Database.open(data)) {
            assertThat(BackupService.forLedger(db, at("2026-11-25T08:00:00")).dailyIfDue(Progress.NONE))
                    .get().extracting(BackupInfo::kind).isEqualTo(BackupKind.MONTHLY);
            assertThat(BackupService.forLedger(db, at("2026-11-25T17:00:00")).dailyIfDue(Progress.NONE)).isEmpty();
            // An exit backup does not count as the day's backup for the next day.
            new SettingsStore(db.dsl()).put(SettingsStore.PREPARER, "张三");
            assertThat(BackupService.forLedger(db, at("2026-11-25T18:00:00")).atExit(Progress.NONE)).isPresent();
            assertThat(BackupService.forLedger(db, at("2026-11-26T08:00:00")).dailyIfDue(Progress.NONE))
                    .get().extracting(BackupInfo::kind).isEqualTo(BackupKind.WEEKLY);
            assertThat(BackupService.forLedger(db, at("2026-11-27T08:00:00")).dailyIfDue(Progress.NONE))
                    .get().extracting(BackupInfo::kind).isEqualTo(BackupKind.DAILY);
            new SettingsStore(db.dsl()).put(BackupService.DAILY, "false");
            assertThat(BackupService.forLedger(db, at("2026-11-28T08:00:00")).dailyIfDue(Progress.NONE)).isEmpty();
            new SettingsStore(db.dsl()).put(BackupService.AT_EXIT, "false");
            assertThat(BackupService.forLedger(db, at("2026-11-28T18:00:00")).atExit(Progress.NONE)).isEmpty();
        }
    }

    @Test
    void rotationKeepsSevenDailyFourWeeklyTwelveMonthlyAndFiveExitButEveryManualOne() throws IOException {
        Path data = ledger();
        Path folder = Files.createDirectories(data.resolve("backups"));
        // 400 days of automatic backups (names only: rotation reads names), one exit backup each evening, and
        // a few manual ones and one kept before a restore.
        LocalDateTime start = LocalDateTime.parse("2025-10-22T08:00:00");
        List<BackupInfo> made = new java.util.ArrayList<>();
        java.time.format.DateTimeFormatter name = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
        for (int d = 0; d < 400; d++) {
            LocalDateTime t = start.plusDays(d);
            BackupKind kind = BackupService.periodicKind(t.toLocalDate(), made);
            made.add(new BackupInfo(folder.resolve("x"), t, kind, 1, false, false, null));
            Files.writeString(folder.resolve("ledger-" + name.format(t) + "-" + kind.code() + ".zip"), "x");
            Files.writeString(folder.resolve("ledger-" + name.format(t.plusHours(10)) + "-exit.zip"), "x");
        }
        Files.writeString(folder.resolve("ledger-20250101-120000-manual.zip"), "x");
        Files.writeString(folder.resolve("ledger-20250301-120000-before-restore.zip"), "x");
        Files.writeString(folder.resolve("notes.txt"), "not a backup");

        try (Database db = Database.open(data)) {
            BackupService service = BackupService.forLedger(db, at("2026-11-26T08:00:00"));
            service.rotate();
            List<BackupInfo> kept = service.list();
            java.util.Map<BackupKind, List<String>> byKind = new java.util.EnumMap<>(BackupKind.class);
            kept.forEach(b -> byKind.computeIfAbsent(b.kind(), k -> new java.util.ArrayList<>())
                    .add(b.file().getFileName().toString().substring(7, 15)));
            assertThat(byKind.get(BackupKind.DAILY)).containsExactly("20261125", "20261124", "20261122",
                    "20261121", "20261120", "20261119", "20261118"); // 23 November, a Monday, is the weekly one
            assertThat(byKind.get(BackupKind.WEEKLY)).containsExactly("20261123", "20261116", "20261109",
                    "20261102");
            assertThat(byKind.get(BackupKind.MONTHLY)).hasSize(12).startsWith("20261101", "20261001")
                    .endsWith("20251201");
            assertThat(byKind.get(BackupKind.EXIT)).hasSize(5).first().isEqualTo("20261125");
            assertThat(byKind.get(BackupKind.MANUAL)).containsExactly("20250101");
            assertThat(byKind.get(BackupKind.BEFORE_RESTORE)).containsExactly("20250301");
            assertThat(folder.resolve("notes.txt")).exists();

            // Fewer kept when the settings say so.
            SettingsStore settings = new SettingsStore(db.dsl());
            settings.put(BackupService.KEEP_DAILY, "2");
            settings.put(BackupService.KEEP_MONTHLY, "3");
            service.rotate();
            List<BackupInfo> after = service.list();
            assertThat(after.stream().filter(b -> b.kind() == BackupKind.DAILY)).hasSize(2);
            assertThat(after.stream().filter(b -> b.kind() == BackupKind.MONTHLY)).hasSize(3);
            assertThat(after.stream().filter(b -> b.kind() == BackupKind.WEEKLY)).hasSize(4);
        }
    }

    @Test
    void aBackupFromANewerProgramIsRefused() throws IOException {
        Path data = ledger();
        Path file;
        try (Database db = Database.open(data)) {
            file = BackupService.forLedger(db, Clock.system(ZONE)).create(dir.resolve("b.zip"), Progress.NONE).file();
        }
        Path newer = dir.resolve("newer.zip");
        try (var zf = new java.util.zip.ZipFile(file.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(newer))) {
            for (var e : java.util.Collections.list(zf.entries())) {
                byte[] content = zf.getInputStream(e).readAllBytes();
                if (e.getName().equals("manifest.properties")) {
                    content = new String(content, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("schemaVersion=" + Database.SCHEMA_VERSION,
                                    "schemaVersion=" + (Database.SCHEMA_VERSION + 5))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> BackupService.forDataDir(data, Clock.system(ZONE)).restore(newer, null,
                Progress.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("更新版本");
    }
}
