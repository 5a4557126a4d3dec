package org.townshipledger.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.Messages;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * The disk fills up while the ledger saves or imports. The ledger is opened through {@link FilePathDiskFull}, an H2
 * file system whose writes fail with the IOException a full disk raises; H2 itself meets the failure (while writing
 * its pages at the commit), rolls back and closes the file. What this does not reproduce: the real file system
 * running out part-way through a page (the wrapper refuses whole writes), and a full disk under Windows.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        FilePathDiskFull.register();
        try (Database db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2026))) {
            new VillageService(db).save(village("大石村"));
        }
    }

    @AfterEach
    void spaceAgain() {
        FilePathDiskFull.full = false;
    }

    private static Village village(String name) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null, Set.of(),
                List.of(), 0, null, null);
    }

    private List<String> villagesAfterReopening() {
        try (Database db = Database.open(dir)) {
            return new VillageService(db).villages().stream().map(Village::name).toList();
        }
    }

    private static void assertDiskFullMessage(Throwable e, Path dir) {
        assertThat(e).isInstanceOf(LedgerUnavailableException.class);
        assertThat(((LedgerUnavailableException) e).reason()).isEqualTo(LedgerUnavailableException.Reason.DISK_FULL);
        assertThat(e.getMessage()).startsWith("磁盘已满：刚才的保存（或导入）没有完成，已全部撤回")
                .contains("台账在 " + dir.toAbsolutePath()).contains("请在这个磁盘上腾出至少 200 MB");
    }

    @Test
    void aSaveOnAFullDiskIsRolledBackAndSaysWhatToFree() {
        Database db = Database.openThrough(dir, "diskfull");
        try {
            VillageService villages = new VillageService(db);
            FilePathDiskFull.full = true;
            Throwable e = catchThrowable(() -> villages.save(village("龙泉村")));
            assertDiskFullMessage(e, dir);
        } finally {
            db.close();
        }
        FilePathDiskFull.full = false;
        assertThat(villagesAfterReopening()).containsExactly("大石村");
    }

    @Test
    void anImportOnAFullDiskWritesNoneOfItsRows() throws Exception {
        Path sheet = dir.resolve("villages.csv");
        StringBuilder csv = new StringBuilder("村名,类型,是否贫困村\n");
        for (int i = 1; i <= 300; i++) {
            csv.append("新村").append(i).append(",行政村,否\n");
        }
        Files.writeString(sheet, csv.toString());
        Database db = Database.openThrough(dir, "diskfull");
        try {
            FilePathDiskFull.full = true;
            Throwable e = catchThrowable(() -> new VillageService(db).importVillages(sheet));
            assertDiskFullMessage(e, dir);
        } finally {
            db.close();
        }
        FilePathDiskFull.full = false;
        assertThat(villagesAfterReopening()).containsExactly("大石村");
    }

    @Test
    void theMessageIsRecognisedInWhatWindowsAndH2SayToo() {
        assertThat(DiskFull.causedBy(new java.sql.SQLException("General error",
                new java.io.IOException("There is not enough space on the disk")))).isTrue();
        assertThat(DiskFull.causedBy(new IllegalStateException("x", new java.io.IOException("磁盘空间不足。"))))
                .isTrue();
        assertThat(DiskFull.causedBy(new IllegalStateException("Unique index violation"))).isFalse();
    }
}
