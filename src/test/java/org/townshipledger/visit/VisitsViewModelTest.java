package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.household.Household;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/** The visit list on a real ledger: pages of 100 read in SQL, the filters, a stale reply dropped, delete and 撤销. */
class VisitsViewModelTest {

    @TempDir
    Path dir;

    private VisitLedger ledger;
    private StatusBarModel status;
    private Cadre liMing;
    private Cadre liuXiao;
    private Village dashi;
    private Village longquan;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedger(dir);
        dashi = ledger.village("大石村");
        longquan = ledger.village("龙泉村");
        liMing = ledger.cadre("李明");
        liuXiao = ledger.cadre("刘晓");
        Household wang = ledger.household(dashi, "王大山");
        Household zhang = ledger.household(longquan, "张小红");
        status = new StatusBarModel();
        // 李明: 150 home visits of 王大山 in 大石村, Jan..May 2026 (30 a month); 刘晓: 80 of 张小红 in 龙泉村, 2025-12,
        // the first 20 of them forums at the village.
        List<Visit> all = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            all.add(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 1 + i / 30, 1 + i % 28), VisitKind.HOME_VISIT,
                    List.of(liMing.id())).withId(UUID.randomUUID()).withVillage(dashi.id()));
        }
        for (int i = 0; i < 80; i++) {
            Visit v = i < 20
                    ? Visit.ofVillage(longquan.id(), LocalDate.of(2025, 12, 1 + i % 28), VisitKind.FORUM,
                    List.of(liuXiao.id()))
                    : Visit.ofHousehold(zhang.id(), LocalDate.of(2025, 12, 1 + i % 28), VisitKind.HOME_VISIT,
                    List.of(liuXiao.id())).withVillage(longquan.id());
            all.add(v.withId(UUID.randomUUID()));
        }
        ledger.visits.insertAll(all);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private VisitsViewModel vm(TaskExecutor executor) {
        VisitsViewModel vm = new VisitsViewModel(ledger.visits, executor, status, VisitEntryViewModelTest.CLOCK);
        vm.load();
        return vm;
    }

    @Test
    void theListIsReadAHundredAtATimeNewestFirst() {
        VisitsViewModel vm = vm(new CurrentThreadTaskExecutor());
        assertThat(vm.totalProperty().get()).isEqualTo(230);
        assertThat(vm.rows()).hasSize(100);
        assertThat(vm.rows().get(0).date()).isEqualTo(LocalDate.of(2026, 5, 28));
        assertThat(vm.pageTextBinding().get()).isEqualTo("第 1 / 3 页，共 230 条");
        vm.nextPage();
        vm.nextPage();
        assertThat(vm.rows()).hasSize(30);
        assertThat(vm.rows()).allMatch(v -> v.date().getYear() == 2025);
        vm.nextPage();
        assertThat(vm.pageIndexProperty().get()).isEqualTo(2);
    }

    @Test
    void filtersByCadreVillageMonthAndKind() {
        VisitsViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.cadreProperty().set(vm.cadres().stream().filter(k -> k.name().equals("刘晓")).findFirst().orElseThrow());
        vm.firstPage();
        assertThat(vm.totalProperty().get()).isEqualTo(80);
        vm.kindProperty().set(vm.kinds().stream().filter(k -> k.code().equals(VisitKind.FORUM)).findFirst()
                .orElseThrow());
        vm.firstPage();
        assertThat(vm.totalProperty().get()).isEqualTo(20);
        assertThat(VisitsViewModel.targetText(vm.rows().get(0))).isEqualTo("村 龙泉村");
        assertThat(vm.kindText(vm.rows().get(0))).isEqualTo("座谈");

        vm.clearFilters();
        assertThat(vm.totalProperty().get()).isEqualTo(230);
        vm.yearProperty().set(2026);
        assertThat(vm.monthProperty().get()).isEqualTo(6);   // this month in this year
        vm.monthProperty().set(2);
        vm.villageProperty().set(vm.villages().stream().filter(v -> v.name().equals("大石村")).findFirst()
                .orElseThrow());
        vm.firstPage();
        assertThat(vm.totalProperty().get()).isEqualTo(30);
        assertThat(vm.rows()).allMatch(v -> v.date().getMonthValue() == 2 && v.villageId().equals(dashi.id()));
        assertThat(VisitsViewModel.cadresText(vm.rows().get(0))).isEqualTo("李明");
    }

    @Test
    void aReplyToAnOlderQuestionIsDropped() {
        List<Runnable> pending = new ArrayList<>();
        TaskExecutor deferred = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Exception> onFailure) {
                pending.add(() -> new CurrentThreadTaskExecutor().execute(work, onSuccess, onFailure));
            }
        };
        VisitsViewModel vm = vm(deferred);
        pending.remove(0).run();   // the lists, then the first page is asked
        pending.remove(0).run();
        assertThat(vm.totalProperty().get()).isEqualTo(230);
        vm.cadreProperty().set(vm.cadres().stream().filter(k -> k.name().equals("李明")).findFirst().orElseThrow());
        vm.firstPage();   // asked first, answered last
        vm.cadreProperty().set(vm.cadres().stream().filter(k -> k.name().equals("刘晓")).findFirst().orElseThrow());
        vm.firstPage();
        Runnable older = pending.remove(0);
        pending.remove(0).run();
        older.run();
        assertThat(vm.totalProperty().get()).isEqualTo(80);
        assertThat(vm.rows()).allMatch(v -> v.cadreNames().contains("刘晓"));
    }

    @Test
    void aDeletedVisitGoesToTheBinAndComesBackWithUndo() {
        VisitsViewModel vm = vm(new CurrentThreadTaskExecutor());
        Visit first = vm.rows().get(0);
        vm.moveToBin(first);
        assertThat(vm.totalProperty().get()).isEqualTo(229);
        assertThat(status.messageProperty().get()).isEqualTo("已将走访记录“王大山 2026-05-28”移到回收站");
        assertThat(ledger.visits.visitsInBin()).extracting(Visit::id).containsExactly(first.id());
        status.undo();
        assertThat(vm.totalProperty().get()).isEqualTo(230);
        assertThat(ledger.visits.visitsInBin()).isEmpty();
    }
}
