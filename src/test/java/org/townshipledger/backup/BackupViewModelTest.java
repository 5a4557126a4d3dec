package org.townshipledger.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.ui.StatusBarModel;

class BackupViewModelTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private Path data;
    private Database db;
    private BackupService service;
    private final StatusBarModel status = new StatusBarModel();
    private final List<String> reopened = new ArrayList<>();
    private BackupViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        data = dir.resolve("data");
        LedgerFixture.copyDemoInto(data);
        db = Database.open(data);
        service = BackupService.forLedger(db, Clock.fixed(
                LocalDateTime.parse("2026-11-26T09:30:00").atZone(ZONE).toInstant(), ZONE));
        vm = new BackupViewModel(service, new CurrentThreadTaskExecutor(), status, reopened::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void backupNowAddsAVerifiedBackupToTheList() {
        vm.load();
        assertThat(vm.backups()).isEmpty();

        vm.backupNow();

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.backups()).hasSize(1);
        BackupInfo b = vm.backups().get(0);
        assertThat(b.kind()).isEqualTo(BackupKind.MANUAL);
        assertThat(b.state()).isEqualTo("已校验");
        assertThat(vm.messageProperty().get()).startsWith("已备份：").endsWith("已校验。");
        assertThat(vm.messageBadProperty().get()).isFalse();
        assertThat(status.messageProperty().get()).isEqualTo("已备份：ledger-20261126-093000-manual.zip");
    }

    @Test
    void restoreChecksFirstNamesDateAndCountsThenReplacesAndAsksToReopen() {
        SortedMap<String, String> before = LedgerFixture.tableHashes(db);
        vm.backupNow();
        new SettingsStore(db.dsl()).put("after", "backup");
        vm.selectedProperty().set(vm.backups().get(0));

        vm.checkSelected();

        assertThat(vm.checkedProperty().get().rows("HOUSEHOLD")).isEqualTo(2_000);
        assertThat(vm.confirmText()).contains("备份时间：2026-11-26 09:30（手动）")
                .contains("农户 2000 户").contains("现在的台账会先另存为“恢复前”备份");
        assertThat(reopened).isEmpty();

        vm.restore();

        assertThat(vm.ledgerReplacedProperty().get()).isTrue();
        assertThat(service.ledgerOpen()).isFalse();
        assertThat(reopened).hasSize(1);
        assertThat(reopened.get(0)).startsWith("已从 2026-11-26 09:30 的备份恢复台账");
        assertThat(LedgerFixture.tableHashes(data)).isEqualTo(before);
    }

    @Test
    void aDamagedFileIsRefusedInWordsAndNothingHappens() throws Exception {
        Path bad = dir.resolve("bad.zip");
        Files.write(bad, new byte[] {1, 2, 3});

        vm.check(bad, null);

        assertThat(vm.checkedProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("备份文件已损坏或不完整");
        assertThat(vm.messageBadProperty().get()).isTrue();
        vm.restore();
        assertThat(reopened).isEmpty();
        assertThat(service.ledgerOpen()).isTrue();
    }

    @Test
    void anEncryptedFileAsksForItsPasswordAndAWrongOneIsSaid() {
        Path portable = dir.resolve("p.tlbak");
        vm.backupTo(portable, "密码123".toCharArray());
        assertThat(vm.messageProperty().get()).contains("已做加密备份");

        vm.check(portable, null);
        assertThat(vm.passwordNeededProperty().get()).isEqualTo(portable);
        assertThat(vm.messageProperty().get()).isEmpty();

        vm.check(portable, "密码124".toCharArray());
        assertThat(vm.messageProperty().get()).contains("密码不对");
        assertThat(vm.checkedProperty().get()).isNull();

        vm.check(portable, "密码123".toCharArray());
        assertThat(vm.checkedProperty().get()).isNotNull();
        assertThat(vm.messageProperty().get()).startsWith("备份完好");
    }

    @Test
    void aCancelledBackupSaysSoAndLeavesNoFile() {
        CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        BackupViewModel cancelling = new BackupViewModel(service, new org.townshipledger.common.TaskExecutor() {
            @Override
            public <T> void execute(java.util.concurrent.Callable<T> work,
                    java.util.function.Consumer<? super T> onSuccess,
                    java.util.function.Consumer<? super Exception> onFailure) {
                now.execute(work, onSuccess, onFailure);
            }

            @Override
            public Progress progress(java.util.function.DoubleConsumer onUi,
                    java.util.function.BooleanSupplier cancelled) {
                return new Progress() {
                    @Override
                    public void worked(long done, long total) {
                    }

                    @Override
                    public boolean cancelled() {
                        return true;
                    }
                };
            }
        }, status, reopened::add);

        cancelling.backupNow();

        assertThat(cancelling.messageProperty().get()).isEqualTo("已取消，台账未被改动。");
        assertThat(service.list()).isEmpty();
    }
}
