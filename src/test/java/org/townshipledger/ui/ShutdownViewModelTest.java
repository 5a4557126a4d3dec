package org.townshipledger.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.common.RunningWork;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * Closing while an import runs, on a real ledger: the close waits and says what runs, then closes the ledger when
 * the import is done; or, asked to, the import stops at its next batch, rolls back, and the ledger closes cleanly.
 * The import here is a stand-in with the same shape as the real ones (one transaction, a check of
 * {@link Progress#cancelled()} between batches), held at a batch by a latch so the test decides when it goes on.
 */
class ShutdownViewModelTest {

    @TempDir
    Path dir;

    private final RunningWork work = new RunningWork();
    private final CountDownLatch atBatch = new CountDownLatch(1);
    private final CountDownLatch goOn = new CountDownLatch(1);
    private final AtomicReference<Exception> outcome = new AtomicReference<>();
    private Database db;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2026));
    }

    /** Inserts 10 batches of 20 villages in one transaction, checking for a cancel between batches. */
    private Thread importInBackground() {
        Progress progress = work.track(Messages.get("shutdown.import"), Progress.NONE);
        work.started();
        Thread t = new Thread(() -> {
            try {
                db.dsl().transaction(tx -> {
                    for (int batch = 0; batch < 10; batch++) {
                        if (progress.cancelled()) {
                            throw new CancelledException();
                        }
                        for (int i = 0; i < 20; i++) {
                            tx.dsl().execute("INSERT INTO village (id, name, name_initials, kind, poverty_village,"
                                    + " created_at, updated_at, version) VALUES (RANDOM_UUID(), ?, 'x', 'VILLAGE',"
                                    + " FALSE, ?, ?, 0)", "村" + batch + "-" + i, OffsetDateTime.now(),
                                    OffsetDateTime.now());
                        }
                        progress.worked(batch + 1, 10);
                        if (batch == 3) {
                            atBatch.countDown();
                            goOn.await(20, TimeUnit.SECONDS);
                        }
                    }
                });
            } catch (Exception e) {
                outcome.set(e);
            } finally {
                work.finished();
            }
        });
        t.start();
        return t;
    }

    private int villagesAfterReopening() {
        try (Database again = Database.open(dir)) {
            return new VillageService(again).villageCount();
        }
    }

    @Test
    void closingWaitsForTheImportThenClosesTheLedger() throws Exception {
        Thread running = importInBackground();
        assertThat(atBatch.await(20, TimeUnit.SECONDS)).isTrue();
        ShutdownViewModel vm = new ShutdownViewModel(work, db::close, Runnable::run);

        assertThat(vm.requestClose()).as("the close waits").isFalse();
        assertThat(vm.waitingProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("正在完成导入…");
        assertThat(vm.progressProperty().get()).isEqualTo(0.4);
        assertThat(vm.closedProperty().get()).isFalse();

        goOn.countDown();
        running.join(20_000);
        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(outcome.get()).isNull();
        assertThat(villagesAfterReopening()).isEqualTo(200);
    }

    @Test
    void cancellingStopsTheImportAtItsNextBatchAndNothingOfItIsKept() throws Exception {
        new VillageService(db).save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, false, null, null,
                null, null, Set.of(), List.of(), 0, null, null));
        Thread running = importInBackground();
        assertThat(atBatch.await(20, TimeUnit.SECONDS)).isTrue();
        ShutdownViewModel vm = new ShutdownViewModel(work, db::close, Runnable::run);
        assertThat(vm.requestClose()).isFalse();

        vm.cancelWork();
        assertThat(vm.messageProperty().get()).isEqualTo("正在取消，已写入的部分会全部撤回…");
        goOn.countDown();
        running.join(20_000);

        assertThat(outcome.get()).isInstanceOf(CancelledException.class);
        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(villagesAfterReopening()).as("the ledger reopens with only what was saved before").isEqualTo(1);
    }

    @Test
    void withNothingRunningTheLedgerClosesAtOnce() {
        ShutdownViewModel vm = new ShutdownViewModel(work, db::close, Runnable::run);
        assertThat(vm.requestClose()).isTrue();
        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(villagesAfterReopening()).isZero();
    }
}
