package org.townshipledger.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.Messages;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * A data folder that had a ledger whose file is gone (moved to a USB stick, renamed, deleted) is told apart from a
 * fresh folder: nothing opens or creates an empty ledger in its place until the clerk locates the file or says to
 * start a new one.
 */
class VanishedLedgerTest {

    @TempDir
    Path dir;

    @BeforeEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private Path ledgerWithAVillage(Path dataDir) {
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", 2025))) {
            new VillageService(db).save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, false, null, null,
                    null, null, Set.of(), List.of(), 0, null, null));
            return db.file();
        }
    }

    @Test
    void aFolderWhoseLedgerWasMovedAwayIsNeitherOpenedNorGivenANewLedger() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Database.state(data)).isEqualTo(Database.FolderState.FRESH);
        Path file = ledgerWithAVillage(data);
        assertThat(Database.state(data)).isEqualTo(Database.FolderState.PRESENT);
        Path stick = Files.createDirectories(dir.resolve("usb"));
        Files.move(file, stick.resolve(file.getFileName()));

        assertThat(Database.state(data)).isEqualTo(Database.FolderState.VANISHED);
        LedgerUnavailableException open = catchThrowableOfType(LedgerUnavailableException.class,
                () -> Database.open(data));
        assertThat(open.reason()).isEqualTo(LedgerUnavailableException.Reason.MISSING);
        assertThat(open.getMessage()).startsWith("台账文件不见了：").contains("没有新建台账");
        LedgerUnavailableException create = catchThrowableOfType(LedgerUnavailableException.class,
                () -> Database.create(data, LedgerSettings.of("青石镇", "示范县", 2025)));
        assertThat(create.getMessage()).startsWith("台账文件不见了：");
        assertThat(Database.exists(data)).isFalse();
    }

    @Test
    void locatingTheFileCopiesItBackAndOpensItLeavingTheChosenFileAlone() throws Exception {
        Path data = dir.resolve("data");
        Path file = ledgerWithAVillage(data);
        Path moved = Files.createDirectories(dir.resolve("usb")).resolve("ledger.mv.db");
        Files.move(file, moved);
        byte[] before = Files.readAllBytes(moved);

        try (Database db = Database.adopt(data, moved)) {
            assertThat(new VillageService(db).villages()).extracting(Village::name).containsExactly("大石村");
        }
        assertThat(Database.state(data)).isEqualTo(Database.FolderState.PRESENT);
        assertThat(Files.readAllBytes(moved)).isEqualTo(before);
    }

    @Test
    void locatingSomethingThatIsNotALedgerLeavesTheFolderAsItWas() throws Exception {
        Path data = dir.resolve("data");
        Files.delete(ledgerWithAVillage(data));
        Path notes = Files.writeString(dir.resolve("notes.mv.db"), "not a database at all, just some text");

        LedgerUnavailableException e = catchThrowableOfType(LedgerUnavailableException.class,
                () -> Database.adopt(data, notes));
        assertThat(e.reason()).isEqualTo(LedgerUnavailableException.Reason.CORRUPT);
        assertThat(Database.state(data)).isEqualTo(Database.FolderState.VANISHED);
        assertThat(Files.readString(notes)).isEqualTo("not a database at all, just some text");
        LedgerUnavailableException txt = catchThrowableOfType(LedgerUnavailableException.class,
                () -> Database.adopt(data, Files.writeString(dir.resolve("a.txt"), "x")));
        assertThat(txt.getMessage()).isEqualTo("“" + dir.resolve("a.txt") + "”不是台账文件（台账文件名以 .mv.db 结尾，且不能是空文件）。");
    }

    @Test
    void startingANewLedgerIsAllowedOnlyAfterTheClerkSaysSo() {
        Path data = dir.resolve("data");
        try {
            Files.delete(ledgerWithAVillage(data));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Database.forgetVanished(data);
        assertThat(Database.state(data)).isEqualTo(Database.FolderState.FRESH);
        try (Database db = Database.create(data, LedgerSettings.of("青石镇", "示范县", 2026))) {
            assertThat(new VillageService(db).villages()).isEmpty();
        }
    }

    @Test
    void backupsWithoutTheMarkerStillTellThatTheFolderHadALedger() throws Exception {
        Path data = dir.resolve("old-data");
        Files.createDirectories(data.resolve("backups"));
        Files.writeString(data.resolve("backups").resolve("ledger-2026-01-01.zip"), "backup");
        assertThat(Database.state(data)).isEqualTo(Database.FolderState.VANISHED);
        assertThat(Database.state(dir.resolve("nothing-here"))).isEqualTo(Database.FolderState.FRESH);
    }

    @Test
    void aLedgerMadeBeforeTheMarkerExistedGetsItWhenOpened() throws Exception {
        Path data = dir.resolve("data");
        ledgerWithAVillage(data);
        Files.delete(Database.markerFile(data));
        Database.open(data).close();
        assertThat(Database.markerFile(data)).exists();
    }
}
