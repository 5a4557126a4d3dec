package org.townshipledger.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.grading.GradeTallyViewModel.MovementLine;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** The view models of the 格次评定, 述职考核 and 格次统计 screens on a real ledger file, run on the calling thread. */
class GradingScreensViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private VillageService villages;
    private CadreService cadres;
    private GradingService grading;
    private Unit bureau;
    private Village dashi;
    private Village longquan;
    private int sequence = 1;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2026));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        grading = new GradingService(db, cadres, settings, clock);
        bureau = cadres.saveUnit(Unit.named("青石镇党委", UnitLevel.TOWNSHIP, UnitType.ORGAN));
        dashi = village("大石村", Set.of());
        longquan = village("龙泉村", Set.of(2026));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Village village(String name, Set<Integer> weakYears) {
        return villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null,
                weakYears, List.of(), 0, null, null));
    }

    private Cadre cadre(String name) {
        LocalDate birth = LocalDate.of(1978, 5, 1);
        String id = IdNumber.make("430598", birth, 2 * sequence++ + 1);
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, null, id, "1390000" + (1000 + sequence), bureau.id(),
                null, Rank.GENERAL, true, null, 0, null));
    }

    private GradingViewModel gradingScreen() {
        GradingViewModel vm = new GradingViewModel(grading, new CurrentThreadTaskExecutor(), new StatusBarModel());
        vm.load();
        return vm;
    }

    private static GradeRow row(GradingViewModel vm, String village) {
        return vm.rows().stream().filter(r -> r.village().equals(village)).findFirst().orElseThrow();
    }

    // ---- 格次评定 ----

    @Test
    void theGradingSheetHasALinePerVillageAndProposesAsScoresAreTyped() {
        GradingViewModel vm = gradingScreen();
        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.readOnlyProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(GradeRow::village).containsExactly("大石村", "龙泉村");

        GradeRow r = row(vm, "大石村");
        r.memberProperty().set("95");
        assertThat(r.proposedProperty().get()).isNull();
        r.publicScoreProperty().set("92");
        r.branchProperty().set("91");
        assertThat(r.compositeProperty().get()).isEqualTo("92.67");
        assertThat(r.proposedProperty().get()).isEqualTo(Grade.GOOD);
        assertThat(r.gradeProperty().get()).isEqualTo(Grade.GOOD);
        r.branchProperty().set("40");  // (95 + 92 + 40) / 3 = 75.67 → 一般
        assertThat(r.proposedProperty().get()).isEqualTo(Grade.AVERAGE);
        assertThat(r.gradeProperty().get()).as("the grade follows the proposal").isEqualTo(Grade.AVERAGE);
        assertThat(r.isChanged()).isTrue();
        assertThat(row(vm, "龙泉村").isChanged()).isFalse();
    }

    @Test
    void badNumbersAreRefusedInTheLineAndTheLineIsNotSaved() {
        GradingViewModel vm = gradingScreen();
        GradeRow r = row(vm, "大石村");
        r.memberProperty().set("9x");
        assertThat(r.errorProperty().get()).isEqualTo("党员互评：“9x”不是数字");
        r.memberProperty().set("120");
        assertThat(r.errorProperty().get()).isEqualTo("党员互评：分数应在 0 到 100 之间，最多两位小数");
        r.publicScoreProperty().set("80");
        r.branchProperty().set("80");
        assertThat(r.proposedProperty().get()).isNull();
        row(vm, "龙泉村").memberProperty().set("70");
        row(vm, "龙泉村").publicScoreProperty().set("70");
        row(vm, "龙泉村").branchProperty().set("70");

        vm.save();

        assertThat(vm.messageProperty().get()).isEqualTo("已保存 1 行，1 行未保存（见行内提示）");
        assertThat(grading.grade(dashi.id(), 2026)).isEmpty();
        assertThat(grading.grade(longquan.id(), 2026)).get().extracting(VillageGrade::grade).isEqualTo(Grade.AVERAGE);
        assertThat(r.errorProperty().get()).startsWith("党员互评：");
        assertThat(row(vm, "龙泉村").isChanged()).isFalse();
    }

    @Test
    void anOverrideNeedsAReasonAndIsSavedWithIt() {
        GradingViewModel vm = gradingScreen();
        GradeRow r = row(vm, "大石村");
        r.memberProperty().set("95");
        r.publicScoreProperty().set("92");
        r.branchProperty().set("91");
        r.satisfactionProperty().set("88.5");
        r.rewardPenaltyProperty().set("通报表扬");
        assertThat(vm.needsReason(r, Grade.FAIRLY_GOOD)).isTrue();
        assertThat(vm.needsReason(r, Grade.GOOD)).isFalse();

        vm.chooseGrade(r, Grade.FAIRLY_GOOD, "群众反映集体经济薄弱");
        r.branchProperty().set("92"); // still 好 proposed: the chosen grade stays
        assertThat(r.gradeProperty().get()).isEqualTo(Grade.FAIRLY_GOOD);
        r.reasonProperty().set(" ");
        assertThat(r.errorProperty().get()).isEqualTo("格次定为“较好”，与按得分拟定的“好”不同，请填写调整理由");
        r.reasonProperty().set("群众反映集体经济薄弱");
        assertThat(r.errorProperty().get()).isEmpty();

        vm.save();

        VillageGrade saved = grading.grade(dashi.id(), 2026).orElseThrow();
        assertThat(saved.proposed()).isEqualTo(Grade.GOOD);
        assertThat(saved.grade()).isEqualTo(Grade.FAIRLY_GOOD);
        assertThat(saved.overrideReason()).isEqualTo("群众反映集体经济薄弱");
        assertThat(saved.satisfaction()).isEqualByComparingTo("88.5");
        assertThat(saved.rewardPenalty()).isEqualTo("通报表扬");
        assertThat(r.isChanged()).isFalse();
        assertThat(grading.gradeCount()).as("the untouched line is not saved").isEqualTo(1);

        vm.chooseGrade(r, Grade.GOOD, null); // back to the proposal: the reason goes
        assertThat(r.reasonProperty().get()).isEmpty();
        vm.save();
        assertThat(grading.grade(dashi.id(), 2026).orElseThrow().overrideReason()).isNull();
    }

    @Test
    void aLineSomebodyChangedMeanwhileSaysSoAndKeepsWhatWasTyped() {
        grading.save(VillageGrade.scored(dashi.id(), 2026, GradeScores.of("70", "70", "70"), null));
        GradingViewModel vm = gradingScreen();
        GradeRow r = row(vm, "大石村");
        VillageGrade other = grading.grade(dashi.id(), 2026).orElseThrow();
        grading.save(new VillageGrade(other.id(), other.villageId(), null, 2026, GradeScores.of("81", "81", "81"),
                null, null, null, null, null, null, null, other.version()));

        r.memberProperty().set("90");
        vm.save();

        assertThat(r.errorProperty().get()).contains("已在别处被修改");
        assertThat(r.memberProperty().get()).isEqualTo("90");
        assertThat(grading.grade(dashi.id(), 2026).orElseThrow().scores().memberScore()).isEqualByComparingTo("81");
    }

    @Test
    void lastYearIsReadOnlyAndKeepsItsGrades() {
        grading.save(VillageGrade.of(dashi.id(), 2025, Grade.AVERAGE));
        GradingViewModel vm = gradingScreen();
        vm.yearProperty().set(2025);
        assertThat(vm.readOnlyProperty().get()).isTrue();
        GradeRow r = row(vm, "大石村");
        assertThat(r.gradeProperty().get()).isEqualTo(Grade.AVERAGE);
        vm.chooseGrade(r, Grade.GOOD, "x");
        vm.save();
        assertThat(grading.grade(dashi.id(), 2025).orElseThrow().grade()).isEqualTo(Grade.AVERAGE);
        assertThat(vm.summaryProperty().get()).isEqualTo("共 2 村，已定格次 1 村：好 0  较好 0  一般 1  较差 0");
    }

    // ---- 述职考核 ----

    @Test
    void secretariesOfTheYearAreListedAndScoredWithTheWeightsFromTheSettings() {
        Cadre wang = cadre("王书记");
        Cadre li = cadre("李第一");
        Cadre gone = cadre("赵旧书记");
        cadres.assign(Assignment.start(wang.id(), dashi.id(), Role.BRANCH_SECRETARY, LocalDate.of(2020, 1, 1), null));
        cadres.assign(Assignment.start(li.id(), longquan.id(), Role.FIRST_SECRETARY, LocalDate.of(2025, 6, 1), null));
        Assignment old = cadres.assign(Assignment.start(gone.id(), longquan.id(), Role.BRANCH_SECRETARY,
                LocalDate.of(2018, 1, 1), null));
        cadres.end(old, LocalDate.of(2025, 12, 31), "换届");

        ReviewsViewModel vm = new ReviewsViewModel(grading, new CurrentThreadTaskExecutor(), new StatusBarModel());
        vm.load();
        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.branchRows()).extracting(ReviewRow::name).containsExactly("王书记");
        assertThat(vm.firstRows()).extracting(ReviewRow::name).containsExactly("李第一");
        assertThat(vm.partTitle(ReviewKind.BRANCH_SECRETARY, 2)).isEqualTo("年度综合（40%）");
        assertThat(vm.branchWeightsProperty().get()).isEqualTo("权重：日常记实 20%  现场观摩 20%  年度综合 40%  述职评议 20%");

        ReviewRow w = vm.branchRows().get(0);
        w.partProperty(0).set("90");
        w.partProperty(1).set("90");
        w.partProperty(2).set("90");
        assertThat(w.totalProperty().get()).isEmpty();
        w.partProperty(3).set("89.95"); // 18 + 18 + 36 + 17.99 = 89.99 → 称职, just under 90
        assertThat(w.totalProperty().get()).isEqualTo("89.99");
        assertThat(w.resultProperty().get()).isEqualTo(ReviewResult.COMPETENT);
        w.partProperty(3).set("90");
        assertThat(w.resultProperty().get()).isEqualTo(ReviewResult.EXCELLENT);

        ReviewRow f = vm.firstRows().get(0);
        f.partProperty(0).set("abc");
        assertThat(f.errorProperty().get()).isEqualTo("电视述职：“abc”不是数字");
        f.partProperty(0).set("60");
        f.partProperty(1).set("60");
        f.partProperty(2).set("59");
        assertThat(f.errorProperty().get()).isEmpty();
        assertThat(f.totalProperty().get()).isEmpty();

        vm.save();

        assertThat(f.errorProperty().get()).isEqualTo("四项得分都要填写");
        assertThat(vm.messageProperty().get()).isEqualTo("已保存 1 行，1 行未保存（见行内提示）");
        List<SecretaryReview> saved = grading.reviews(2026);
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).cadreName()).isEqualTo("王书记");
        assertThat(saved.get(0).villageName()).isEqualTo("大石村");
        assertThat(saved.get(0).total()).isEqualByComparingTo("90");
        assertThat(saved.get(0).result()).isEqualTo(ReviewResult.EXCELLENT);

        f.partProperty(3).set("61"); // (60 + 60 + 59 + 61) / 4 = 60 → 基本称职
        assertThat(f.resultProperty().get()).isEqualTo(ReviewResult.BASICALLY_COMPETENT);
        vm.save();
        assertThat(grading.reviews(2026)).hasSize(2);

        // Edited and saved again: the same record.
        w.partProperty(2).set("60"); // 18 + 18 + 24 + 18 = 78
        vm.save();
        assertThat(grading.reviews(2026)).hasSize(2).filteredOn(r -> r.cadreName().equals("王书记")).singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo(ReviewResult.COMPETENT));

        vm.yearProperty().set(2025);
        assertThat(vm.branchRows()).extracting(ReviewRow::name).containsExactlyInAnyOrder("王书记", "赵旧书记");
    }

    // ---- 格次统计 ----

    @Test
    void theTalliesShowDistributionMovementStarsAndLaggards() {
        Village dongshan = village("东山村", Set.of());
        Cadre leader = cadre("陈镇长");
        cadres.assign(Assignment.start(leader.id(), longquan.id(), Role.LEADER_IN_CHARGE, LocalDate.of(2025, 1, 1),
                null));
        grading.save(VillageGrade.of(dashi.id(), 2025, Grade.AVERAGE));
        grading.save(VillageGrade.of(longquan.id(), 2025, Grade.POOR));
        grading.save(VillageGrade.of(dongshan.id(), 2025, Grade.GOOD));
        grading.save(VillageGrade.of(dashi.id(), 2026, Grade.GOOD).withStars(5));
        grading.save(VillageGrade.of(longquan.id(), 2026, Grade.POOR));
        grading.save(VillageGrade.of(dongshan.id(), 2026, Grade.FAIRLY_GOOD));
        grading.save(VillageGrade.of(dashi.id(), 2024, Grade.POOR));

        GradeTallyViewModel vm = new GradeTallyViewModel(grading, new CurrentThreadTaskExecutor());
        vm.load();

        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.distribution()).extracting(GradeTallyViewModel.YearCounts::year)
                .containsExactly(2023, 2024, 2025, 2026);
        assertThat(vm.distribution().get(3).count(Grade.GOOD)).isEqualTo(1);
        assertThat(vm.distribution().get(2).count(Grade.AVERAGE)).isEqualTo(1);
        assertThat(vm.distribution().get(3).up()).isEqualTo(1);
        assertThat(vm.distribution().get(3).down()).isEqualTo(1);
        assertThat(vm.distribution().get(3).same()).isEqualTo(1);
        assertThat(vm.distribution().get(2).up()).as("大石村 较差 → 一般").isEqualTo(1);

        MovementLine fromAverage = vm.movement().get(Grade.AVERAGE.ordinal());
        assertThat(fromAverage.label()).isEqualTo("一般");
        assertThat(fromAverage.to()).containsExactly(1, 0, 0, 0);
        assertThat(vm.movement().get(Grade.GOOD.ordinal()).to()).containsExactly(0, 1, 0, 0);
        MovementLine total = vm.movement().get(4);
        assertThat(total.label()).isEqualTo("合计");
        assertThat(total.to()).containsExactly(1, 1, 0, 1);
        assertThat(total.total()).isEqualTo(3);
        assertThat(vm.movementSummaryProperty().get()).isEqualTo("2025 年 → 2026 年：升 1 村，降 1 村，持平 1 村");

        assertThat(vm.stars().get(0).subject()).isEqualTo("五星党组织");
        assertThat(vm.stars().get(0).rated()).isEqualTo(3);
        assertThat(vm.stars().get(0).fiveStar()).isEqualTo(1);
        assertThat(vm.stars().get(0).share()).isEqualTo("33.3%");
        assertThat(vm.stars().get(0).target()).isEqualTo("50%");
        assertThat(vm.stars().get(0).reached()).isEqualTo("未达到");

        assertThat(vm.laggards()).singleElement().satisfies(l -> {
            assertThat(l.village()).isEqualTo("龙泉村");
            assertThat(l.grade()).isEqualTo("较差");
            assertThat(l.weak()).isEqualTo("软弱涣散");
            assertThat(l.inCharge()).contains("陈镇长");
        });
        assertThat(vm.summaryProperty().get())
                .isEqualTo("2026 年已评定 3 村，未评定 0 村。好 1（上年 1）  较好 1（上年 0）  一般 0（上年 1）  较差 1（上年 1）");

        vm.yearProperty().set(2025);
        assertThat(vm.distribution()).extracting(GradeTallyViewModel.YearCounts::year)
                .containsExactly(2022, 2023, 2024, 2025);
        assertThat(vm.laggards()).extracting(GradeTallyViewModel.LaggardLine::village).containsExactly("龙泉村");
    }

    @Test
    void theScoresOfASavedLineShowAsTyped() {
        grading.save(VillageGrade.scored(dashi.id(), 2026, GradeScores.of("85.50", "80", "90"),
                new BigDecimal("66.70")));
        GradingViewModel vm = gradingScreen();
        GradeRow r = row(vm, "大石村");
        assertThat(r.memberProperty().get()).isEqualTo("85.5");
        assertThat(r.satisfactionProperty().get()).isEqualTo("66.7");
        assertThat(r.proposedProperty().get()).isEqualTo(Grade.FAIRLY_GOOD);
        assertThat(r.isChanged()).isFalse();
    }
}
