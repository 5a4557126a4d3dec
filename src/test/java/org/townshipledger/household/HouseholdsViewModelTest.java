package org.townshipledger.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.townshipledger.household.SampleHouseholds.member;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** The households list's state against a real ledger, with the work run on the test thread. */
class HouseholdsViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private HouseholdService service;
    private StatusBarModel status;
    private HouseholdsViewModel vm;
    private Village dashi;
    private Village longquan;
    private Member wife;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T06:05:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        dashi = villages.save(village("大石村", "一组", "二组"));
        longquan = villages.save(village("龙泉村", "一组"));
        service = new HouseholdService(db, villages, settings, clock);

        wife = member("李秀英", Relation.SPOUSE, LocalDate.of(1972, 8, 9), 22);
        service.save(SampleHouseholds.household(dashi, member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11),
                wife));
        Household wang = SampleHouseholds.household(longquan, member("王建国", Relation.HEAD,
                LocalDate.of(1965, 1, 2), 31));
        service.save(new Household(null, null, longquan.id(), null, null, null, "13900002222",
                HouseholdCategory.LOW_INCOME, PovertyCause.DISABILITY, PovertyStatus.OUT, 2019,
                MonitoringType.UNSTABLE, RiskType.ILLNESS, false, null, null, wang.members(), 0, null, null));
        Household liu = SampleHouseholds.household(dashi, member("刘小红", Relation.HEAD, LocalDate.of(1980, 5, 6), 42));
        VillageGroup second = dashi.groups().get(1);
        service.save(new Household(null, null, dashi.id(), null, second.id(), null, null, HouseholdCategory.GENERAL,
                PovertyCause.EDUCATION, PovertyStatus.NOT_OUT, null, null, null, false, null, null, liu.members(), 0,
                null, null));

        status = new StatusBarModel();
        vm = new HouseholdsViewModel(service, new CurrentThreadTaskExecutor(), status, clock);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Village village(String name, String... groups) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null, null, Set.of(),
                java.util.Arrays.stream(groups).map(VillageGroup::named).toList(), 0, null, null);
    }

    private List<String> heads() {
        return vm.rows().stream().map(HouseholdRow::headName).toList();
    }

    @Test
    void showsTheFirstPageWithTotalsAndMaskedIds() {
        assertThat(heads()).containsExactly("刘小红", "王建国", "张大山");
        assertThat(vm.totalProperty().get()).isEqualTo(3);
        assertThat(vm.pageTextBinding().get()).isEqualTo("第 1 / 1 页，共 3 户");
        assertThat(vm.villages()).extracting(Village::name).containsExactly("大石村", "龙泉村");

        HouseholdRow wang = vm.rows().get(1);
        assertThat(HouseholdsViewModel.maskedId(wang)).matches("430599\\*{8}\\d{3}[0-9X]");
        assertThat(HouseholdsViewModel.statusText(wang)).isEqualTo("已脱贫（2019）");
        assertThat(HouseholdsViewModel.label(wang.monitoringType())).isEqualTo("脱贫不稳定户");
    }

    @Test
    void filtersByVillageGroupCategoryStatusAndMonitoring() {
        vm.villageProperty().set(dashi);
        assertThat(heads()).containsExactly("刘小红", "张大山");
        assertThat(vm.groups()).extracting(VillageGroup::name).containsExactly("一组", "二组");

        vm.groupProperty().set(dashi.groups().get(1));
        assertThat(heads()).containsExactly("刘小红");

        vm.villageProperty().set(longquan);
        assertThat(vm.groupProperty().get()).as("a group belongs to its village").isNull();
        assertThat(heads()).containsExactly("王建国");

        vm.clearFilters();
        vm.categoryProperty().set(HouseholdCategory.LOW_INCOME);
        assertThat(heads()).containsExactly("王建国");
        vm.categoryProperty().set(null);
        vm.povertyStatusProperty().set(PovertyStatus.NOT_OUT);
        assertThat(heads()).containsExactly("刘小红", "张大山");
        vm.povertyStatusProperty().set(null);
        vm.monitoringTypeProperty().set(MonitoringType.UNSTABLE);
        assertThat(heads()).containsExactly("王建国");
        vm.monitoringTypeProperty().set(MonitoringType.SUDDEN);
        assertThat(heads()).isEmpty();
        assertThat(vm.pageTextBinding().get()).isEqualTo("第 1 / 1 页，共 0 户");
    }

    @Test
    void searchFindsAMemberByNameInitialsOrIdTail() {
        for (String text : new String[] {"李秀英", "秀英", "lxy", wife.idNumber().substring(12)}) {
            vm.searchTextProperty().set(text);
            assertThat(heads()).as(text).containsExactly("张大山");
        }
        vm.searchTextProperty().set("wjg");
        assertThat(heads()).containsExactly("王建国");
        vm.searchTextProperty().set("  ");
        assertThat(heads()).hasSize(3);
    }

    @Test
    void pagesAHundredAtATimeInSql() {
        List<Household> many = new SampleHouseholds(7).generate(List.of(dashi), 250);
        SampleHouseholds.insertAll(db, many, 100);
        vm.reload();
        assertThat(vm.totalProperty().get()).isEqualTo(253);
        assertThat(vm.rows()).hasSize(HouseholdsViewModel.PAGE_SIZE);
        assertThat(vm.pageTextBinding().get()).isEqualTo("第 1 / 3 页，共 253 户");

        vm.nextPage();
        assertThat(vm.pageIndexProperty().get()).isEqualTo(1);
        assertThat(vm.rows()).hasSize(100);
        vm.nextPage();
        assertThat(vm.rows()).hasSize(53);
        assertThat(vm.pageTextBinding().get()).isEqualTo("第 3 / 3 页，共 253 户");
        vm.nextPage();
        assertThat(vm.pageIndexProperty().get()).as("no page after the last").isEqualTo(2);
        vm.previousPage();
        assertThat(vm.pageIndexProperty().get()).isEqualTo(1);

        vm.villageProperty().set(longquan);
        assertThat(vm.pageIndexProperty().get()).as("a new filter starts at the first page").isZero();
        assertThat(vm.totalProperty().get()).isEqualTo(1);
    }

    @Test
    void aStaleReplyNeverOverwritesANewerOne() {
        QueuedExecutor queued = new QueuedExecutor();
        HouseholdsViewModel slow = new HouseholdsViewModel(service, queued, status, Clock.systemDefaultZone());
        slow.searchTextProperty().set("张");
        slow.searchTextProperty().set("王");
        assertThat(queued.pending()).isEqualTo(2);
        queued.runLast();
        assertThat(slow.rows()).extracting(HouseholdRow::headName).containsExactly("王建国");
        queued.runLast();
        assertThat(slow.rows()).as("the older question's reply is dropped").extracting(HouseholdRow::headName)
                .containsExactly("王建国");
    }

    @Test
    void deleteGoesToTheBinAndUndoBringsItBack() {
        HouseholdRow zhang = vm.rows().get(2);
        vm.moveToBin(zhang);
        assertThat(heads()).containsExactly("刘小红", "王建国");
        assertThat(vm.pageTextBinding().get()).as("the bin is not counted").isEqualTo("第 1 / 1 页，共 2 户");
        assertThat(status.messageProperty().get()).isEqualTo("已把“张大山”户移入回收站");
        assertThat(service.householdsInBin()).extracting(HouseholdRow::headName).containsExactly("张大山");

        status.undo();
        assertThat(heads()).containsExactly("刘小红", "王建国", "张大山");
        assertThat(status.messageProperty().get()).isEqualTo("已恢复“张大山”户");
    }

    @Test
    void aNewHouseholdStartsInTheFilteredVillage() {
        vm.villageProperty().set(longquan);
        HouseholdDetailViewModel detail = vm.newHousehold();
        assertThat(detail.villageProperty().get().name()).isEqualTo("龙泉村");
        assertThat(detail.editingProperty().get().isNew()).isTrue();
    }

    /** Holds work until the test runs it, in the order the test chooses. */
    static final class QueuedExecutor implements TaskExecutor {
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            tasks.add(() -> new CurrentThreadTaskExecutor().execute(work, onSuccess, onFailure));
        }

        int pending() {
            return tasks.size();
        }

        void runLast() {
            tasks.removeLast().run();
        }
    }
}
