package org.townshipledger.check;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.townshipledger.cadre.Finding;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

class ChecksViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private CadreService cadres;
    private VillageService villages;
    private StatusBarModel status;
    private ChecksViewModel vm;
    private SettingsStore settings;
    private Clock clock;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        status = new StatusBarModel();
        vm = new ChecksViewModel(cadres, new CurrentThreadTaskExecutor(), status);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Village village(String name, boolean poor) {
        return villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, poor, null, null, null, null,
                Set.of(), List.of(), 0, null, null));
    }

    private void reserves(Village v) {
        for (String name : List.of("后备甲", "后备乙")) {
            Cadre k = cadres.saveCadre(new Cadre(null, name, Sex.MALE, LocalDate.of(1996, 1, 1), null, null, null,
                    null, Rank.VILLAGE_CADRE, true, null, 0, null));
            cadres.assign(Assignment.start(k.id(), v.id(), Role.RESERVE, LocalDate.of(2024, 1, 1), null));
        }
    }

    @Test
    void runsTheChecksForTheYearAndFiltersByRule() {
        assertThat(vm.yearProperty().get()).isEqualTo(2025);
        assertThat(vm.rules()).contains("缺驻村第一书记", "后备干部不足");
        Village poor = village("大石村", true);
        reserves(poor);
        village("龙泉村", false);

        vm.run();

        assertThat(vm.shownFindings()).extracting(Finding::village, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("大石村", "缺驻村第一书记"),
                org.assertj.core.groups.Tuple.tuple("龙泉村", "后备干部不足"));
        assertThat(vm.summaryProperty().get()).isEqualTo("共发现 2 条");
        assertThat(status.messageProperty().get()).isEqualTo("已检查 2025 年度：2 条");

        vm.ruleFilterProperty().set("后备干部不足");
        assertThat(vm.shownFindings()).extracting(Finding::village).containsExactly("龙泉村");
        assertThat(vm.summaryProperty().get()).isEqualTo("显示 1 条，共 2 条");

        vm.ruleFilterProperty().set(null);
        reserves(villages.villages().stream().filter(v -> v.name().equals("龙泉村")).findFirst().orElseThrow());
        vm.run();
        assertThat(vm.shownFindings()).extracting(Finding::village).containsExactly("大石村");
    }

    @Test
    void aCleanLedgerSaysSoForTheChosenYear() {
        vm.yearProperty().set(2024);
        vm.run();
        assertThat(vm.allFindings()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("2024 年度未发现问题");
    }

    @Test
    void withThePairingsItAlsoFindsHouseholdsWithoutAHelper() {
        PairingService pairings = new PairingService(db, cadres, villages, settings, clock);
        ChecksViewModel both = new ChecksViewModel(cadres, pairings, new CurrentThreadTaskExecutor(), status);
        both.load();
        assertThat(both.rules()).contains("缺驻村第一书记", "后备干部不足", "无帮扶责任人", "帮扶户数超过上限");
        Village v = village("龙泉村", false);
        reserves(v);
        new HouseholdService(db, villages, settings, clock).save(SampleHouseholds.household(v,
                SampleHouseholds.member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11)));

        both.run();

        assertThat(both.shownFindings()).extracting(Finding::village, Finding::rule, Finding::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("龙泉村", "无帮扶责任人", "户主 张大山（1 人）没有在岗的帮扶责任人"));
        assertThat(both.summaryProperty().get()).isEqualTo("共发现 1 条");

        Cadre helper = cadres.saveCadre(new Cadre(null, "李明", Sex.MALE, LocalDate.of(1985, 1, 1), null, null, null,
                null, Rank.GENERAL, true, null, 0, null));
        pairings.pair(Pairing.ofHousehold(helper.id(), pairings.uncoveredHouseholds(v.id(), 2025).get(0).householdId(),
                null, LocalDate.of(2025, 6, 1)));
        both.run();
        assertThat(both.allFindings()).isEmpty();
        assertThat(both.summaryProperty().get()).isEqualTo("2025 年度未发现问题");
    }

    @Test
    void withGradingItAlsoListsVillagesForRectification() {
        PairingService pairings = new PairingService(db, cadres, villages, settings, clock);
        org.townshipledger.grading.GradingService grading = new org.townshipledger.grading.GradingService(db, cadres,
                settings, clock);
        ChecksViewModel all = new ChecksViewModel(cadres, pairings, grading, null, new CurrentThreadTaskExecutor(),
                status);
        all.load();
        assertThat(all.rules()).contains("缺驻村第一书记", "无帮扶责任人", "包抓村未晋级", "满意率偏低，限期整改",
                "连续两年排名末位，通报");
        Village v = village("龙泉村", false);
        reserves(v);
        grading.save(org.townshipledger.grading.VillageGrade.scored(v.id(), 2025,
                org.townshipledger.grading.GradeScores.of("70", "55", "70"), new java.math.BigDecimal("52.5")));

        all.run();

        assertThat(all.shownFindings()).extracting(Finding::village, Finding::rule, Finding::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("龙泉村", "满意率偏低，限期整改", "群众测评满意率 52.5%，低于 60%"));
        all.ruleFilterProperty().set("满意率偏低，限期整改");
        assertThat(all.shownFindings()).hasSize(1);
    }

    @Test
    void withTheVisitsItAlsoFindsHouseholdsNotVisitedForMoreThan90Days() {
        PairingService pairings = new PairingService(db, cadres, villages, settings, clock);
        HouseholdService households = new HouseholdService(db, villages, settings, clock);
        org.townshipledger.visit.VisitService visits = new org.townshipledger.visit.VisitService(db, cadres,
                households, villages, settings, clock);
        ChecksViewModel all = new ChecksViewModel(cadres, pairings, null, visits, new CurrentThreadTaskExecutor(),
                status);
        all.load();
        assertThat(all.rules()).contains("无帮扶责任人", "帮扶人走访不足", "逾期未走访", "县级领导到联系村走访不足");
        Village v = village("龙泉村", false);
        reserves(v);
        org.townshipledger.household.Household h = households.save(SampleHouseholds.household(v,
                SampleHouseholds.member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household();
        Cadre helper = cadres.saveCadre(new Cadre(null, "李明", Sex.MALE, LocalDate.of(1985, 1, 1), null, null, null,
                null, Rank.GENERAL, true, null, 0, null));
        pairings.pair(Pairing.ofHousehold(helper.id(), h.id(), null, LocalDate.of(2025, 6, 1)));

        // Today is 2026-03-01: the 2026 check looks at today.
        all.yearProperty().set(2026);
        all.run();
        assertThat(all.allFindings()).extracting(Finding::rule, Finding::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("帮扶人走访不足", "李明 今年走访结对户 户主 张大山 0 次，应不少于 2 次"),
                org.assertj.core.groups.Tuple.tuple("逾期未走访", "户主 张大山 从未走访"));
        all.ruleFilterProperty().set("逾期未走访");
        assertThat(all.shownFindings()).extracting(Finding::inCharge).containsExactly("李明");

        for (LocalDate day : List.of(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 20))) {
            visits.record(org.townshipledger.visit.Visit.ofHousehold(h.id(), day,
                    org.townshipledger.visit.VisitKind.HOME_VISIT, List.of(helper.id())));
        }
        all.ruleFilterProperty().set(null);
        all.run();
        assertThat(all.allFindings()).isEmpty();
        assertThat(all.summaryProperty().get()).isEqualTo("2026 年度未发现问题");
    }
}
