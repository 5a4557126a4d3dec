package org.townshipledger.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.pairing.PairingService.Proposal;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** Pairings and their checks, each on a ledger built for it: the check fires, then clears once fixed. */
class PairingServiceTest {

    private static final int YEAR = 2026;
    /** "Today" for the service: checks of the current year look at this day. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @TempDir
    Path dir;

    private Database db;
    private VillageService villages;
    private CadreService cadres;
    private HouseholdService households;
    private PairingService pairings;
    private Unit bureau;
    private Village village;
    private int sequence = 1;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", YEAR));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        households = new HouseholdService(db, villages, settings, clock);
        pairings = new PairingService(db, cadres, villages, settings, clock);
        bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
        village = village("大石村");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Village village(String name) {
        return villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null, null,
                Set.of(), List.of(), 0, null, null));
    }

    private Cadre cadre(String name, Rank rank) {
        LocalDate birth = LocalDate.of(1980, 5, 1);
        String id = IdNumber.make("430598", birth, 2 * sequence++ + 1);
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, null, id, "1390000" + (1000 + sequence), bureau.id(),
                null, rank, true, null, 0, null));
    }

    private Household household(Village v, String head) {
        int seq = 2 * sequence++ + 1;
        return households.save(SampleHouseholds.household(v, SampleHouseholds.member(head, Relation.HEAD,
                LocalDate.of(1970, 1, 1).plusDays(seq), seq))).household();
    }

    private Pairing pair(Cadre k, Household h) {
        return pairings.pair(Pairing.ofHousehold(k.id(), h.id(), PairingKind.ONE_TO_ONE, LocalDate.of(2025, 1, 1)));
    }

    private List<String> rules() {
        return pairings.checkPairings(YEAR).stream().map(Finding::rule).toList();
    }

    private List<Finding> findings(String rule) {
        return pairings.checkPairings(YEAR).stream().filter(f -> f.rule().equals(Messages.get(rule))).toList();
    }

    @Test
    void aPoorHouseholdWithoutAHelperIsFoundUntilACadrePairsWithIt() {
        Household h = household(village, "王大山");
        Cadre leader = cadre("周包村", Rank.GENERAL);
        cadres.assign(Assignment.start(leader.id(), village.id(), Role.LEADER_IN_CHARGE, LocalDate.of(2025, 1, 1),
                null));

        List<Finding> found = findings("check.rule.uncovered");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.village()).isEqualTo("大石村");
            assertThat(f.detail()).contains("王大山");
            assertThat(f.inCharge()).contains("周包村");
        });

        // A unit's pairing does not make a responsible person.
        pairings.pair(new Pairing(null, null, bureau.id(), null, null, null, TargetKind.HOUSEHOLD, h.id(), null, null,
                null, null, PairingKind.ONE_TO_ONE, LocalDate.of(2025, 1, 1), null, null, null, 0));
        assertThat(findings("check.rule.uncovered")).hasSize(1);

        pair(cadre("李帮扶", Rank.GENERAL), h);
        assertThat(findings("check.rule.uncovered")).isEmpty();
        assertThat(pairings.uncoveredHouseholds(null, YEAR)).isEmpty();
    }

    @Test
    void aCountyLeaderBelowTheQuotaIsFoundUntilEveryPartIsDone() {
        Cadre leader = cadre("赵县长", Rank.COUNTY_LEVEL);
        Household a = household(village, "甲户主");
        Household b = household(village, "乙户主");
        pair(leader, a);

        Finding f = findings("check.rule.belowQuota").stream().filter(x -> x.detail().contains("赵县长")).findFirst()
                .orElseThrow();
        assertThat(f.detail()).contains("县级领导", "联系乡镇 0/1", "帮扶村 0/1", "帮扶户 1/2");
        assertThat(f.inCharge()).startsWith("赵县长 139");

        pair(leader, b);
        pairings.pair(new Pairing(null, leader.id(), null, null, null, null, TargetKind.VILLAGE, null, null,
                village.id(), null, null, PairingKind.ONE_TO_ONE, LocalDate.of(2025, 1, 1), null, null, null, 0));
        pairings.pair(new Pairing(null, leader.id(), null, null, null, null, TargetKind.TOWNSHIP, null, null, null,
                null, null, PairingKind.ONE_TO_ONE, LocalDate.of(2025, 1, 1), null, null, null, 0));
        assertThat(findings("check.rule.belowQuota")).noneMatch(x -> x.detail().contains("赵县长"));

        HelperLoad load = pairings.load(leader.id(), null, YEAR).orElseThrow();
        assertThat(load.done().households()).isEqualTo(2);
        assertThat(load.shortfalls()).isEmpty();
        assertThat(pairings.helpedBy(leader.id(), null)).extracting(Pairing::targetName)
                .contains("青石镇", "大石村", "甲户主", "乙户主");
    }

    @Test
    void aCountyOrganCountsItsCadresHouseholdsAndTheReservesItSent() {
        Cadre k = cadre("钱干部", Rank.GENERAL);
        for (String head : List.of("一户", "二户", "三户")) {
            pair(k, household(village, head));
        }
        HelperLoad organ = pairings.load(null, bureau.id(), YEAR).orElseThrow();
        assertThat(organ.category()).isEqualTo(HelperCategory.COUNTY_ORGAN);
        assertThat(organ.done().households()).isEqualTo(3);
        assertThat(organ.shortfalls()).containsExactly("帮扶村 0/1", "选派后备干部驻村 0/1");

        pairings.pair(new Pairing(null, null, bureau.id(), null, null, null, TargetKind.VILLAGE, null, null,
                village.id(), null, null, PairingKind.ONE_TO_ONE, LocalDate.of(2025, 1, 1), null, null, null, 0));
        cadres.assign(Assignment.start(cadre("孙后备", Rank.VILLAGE_CADRE).id(), village.id(), Role.RESERVE,
                LocalDate.of(2025, 6, 1), bureau.id()));
        assertThat(pairings.load(null, bureau.id(), YEAR).orElseThrow().shortfalls()).isEmpty();
    }

    @Test
    void aPairingOverTheLimitIsRefusedAndAnOverloadedHelperIsFoundUntilRelieved() {
        PairingRules rules = PairingRules.defaults();
        Map<Rank, Integer> max = new java.util.EnumMap<>(rules.maxHouseholds());
        max.put(Rank.GENERAL, 1);
        pairings.saveRules(new PairingRules(rules.quotas(), max));
        assertThat(pairings.rules().maxHouseholds(Rank.GENERAL)).isEqualTo(1);

        Cadre k = cadre("吴干部", Rank.GENERAL);
        Household a = household(village, "甲户主");
        Household b = household(village, "乙户主");
        pair(k, a);
        InvalidInputException refused = catchThrowableOfType(() -> pair(k, b), InvalidInputException.class);
        assertThat(refused.getMessage()).contains("吴干部", "已帮扶 1 户", "上限为 1 户");

        // Data that came in over the limit (the limit lowered later, say) is what the check finds.
        pairings.insertAll(List.of(Pairing.ofHousehold(k.id(), b.id(), PairingKind.ONE_TO_MANY,
                LocalDate.of(2025, 2, 1)).withId(UUID.randomUUID())));
        assertThat(findings("check.rule.overLimit")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("吴干部", "帮扶 2 户", "上限为 1 户"));

        Pairing second = pairings.helpersOf(b.id()).get(0);
        pairings.end(second, LocalDate.of(2026, 1, 31), "调整帮扶人");
        assertThat(findings("check.rule.overLimit")).isEmpty();
    }

    @Test
    void aHelperWhosePostingEndedIsFoundUntilTheHouseholdGetsANewHelperAndHistoryIsKept() {
        Cadre k = cadre("郑书记", Rank.SECTION_LEVEL);
        Assignment posting = cadres.assign(Assignment.start(k.id(), village.id(), Role.FIRST_SECRETARY,
                LocalDate.of(2023, 1, 1), bureau.id()));
        Household h = household(village, "冯户主");
        Pairing p = pair(k, h);
        assertThat(findings("check.rule.helperLeft")).isEmpty();

        cadres.end(posting, LocalDate.of(2025, 12, 31), "期满轮换");
        assertThat(findings("check.rule.helperLeft")).singleElement().satisfies(f -> {
            assertThat(f.detail()).contains("冯户主", "郑书记", "2025-12-31");
            assertThat(f.village()).isEqualTo("大石村");
        });

        Cadre next = cadre("陈新书记", Rank.SECTION_LEVEL);
        pairings.replaceHelper(p, next.id(), null, LocalDate.of(2026, 1, 1), "原帮扶人离任");
        assertThat(findings("check.rule.helperLeft")).isEmpty();
        List<Pairing> history = pairings.helpersOf(h.id());
        assertThat(history).extracting(Pairing::helperName).containsExactly("陈新书记", "郑书记");
        assertThat(history.get(1).endDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(history.get(1).endReason()).isEqualTo("原帮扶人离任");
        assertThat(history.get(0).endDate()).isNull();
    }

    @Test
    void aHelperReplacedOnTheDayThePairingBeganLeavesNoHistoryAndAnEarlierDayIsRefused() {
        Cadre first = cadre("错配干部", Rank.GENERAL);
        Cadre right = cadre("正确干部", Rank.GENERAL);
        Household h = household(village, "当日户主");
        Pairing p = pair(first, h);

        assertThatThrownBy(() -> pairings.replaceHelper(p, right.id(), null, LocalDate.of(2024, 12, 31), "录错"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能早于");
        pairings.replaceHelper(p, right.id(), null, LocalDate.of(2025, 1, 1), "录错帮扶人");

        assertThat(pairings.helpersOf(h.id())).singleElement().satisfies(now -> {
            assertThat(now.helperName()).isEqualTo("正确干部");
            assertThat(now.startDate()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(now.endDate()).isNull();
        });
    }

    @Test
    void aPairingWithARemovedHouseholdIsFoundUntilItIsEnded() {
        Cadre k = cadre("何干部", Rank.GENERAL);
        Household h = household(village, "吕户主");
        Pairing p = pair(k, h);
        households.moveToBin(households.household(h.id()).orElseThrow());

        assertThat(findings("check.rule.targetRemoved")).singleElement().satisfies(f -> {
            assertThat(f.detail()).contains("吕户主", "何干部");
            assertThat(f.inCharge()).startsWith("何干部");
        });
        pairings.end(pairings.helpersOf(h.id()).get(0), LocalDate.of(2026, 2, 1), "农户已移除");
        assertThat(findings("check.rule.targetRemoved")).isEmpty();
        assertThat(p.id()).isNotNull();
    }

    @Test
    void theSamePairingTwiceOverTheSameDatesIsRefused() {
        Cadre k = cadre("许干部", Rank.GENERAL);
        Household h = household(village, "施户主");
        pair(k, h);
        InvalidInputException twice = catchThrowableOfType(() -> pair(k, h), InvalidInputException.class);
        assertThat(twice.getMessage()).contains("许干部", "施户主", "2025-01-01");
    }

    @Test
    void suggestionPrefersCadresPostedInTheVillageNeverExceedsALimitAndNeverPairsAHouseholdTwice() {
        Village other = village("小河村");
        Cadre posted = cadre("驻村甲", Rank.GENERAL);          // limit 5
        cadres.assign(Assignment.start(posted.id(), village.id(), Role.TEAM_MEMBER, LocalDate.of(2025, 1, 1),
                bureau.id()));
        Cadre colleague = cadre("同单位乙", Rank.COUNTY_LEVEL); // limit 2, same unit, not posted
        Cadre stranger = cadre("外单位丙", Rank.GENERAL);
        Unit otherUnit = cadres.saveUnit(Unit.named("县水利局", UnitLevel.COUNTY, UnitType.ORGAN));
        cadres.saveCadre(new Cadre(stranger.id(), stranger.name(), stranger.sex(), stranger.birthDate(),
                stranger.idNumber(), stranger.phone(), otherUnit.id(), null, stranger.rank(), true, null,
                stranger.version(), null));
        List<Household> poor = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            poor.add(household(village, "户主" + i));
        }
        household(other, "别村户主");

        List<Proposal> proposal = pairings.suggest(village.id());
        assertThat(proposal).hasSize(9);
        Map<String, Long> perHelper = proposal.stream().filter(Proposal::hasHelper)
                .collect(Collectors.groupingBy(Proposal::cadreName, Collectors.counting()));
        assertThat(perHelper).containsEntry("驻村甲", 5L).containsEntry("同单位乙", 2L).doesNotContainKey("外单位丙");
        assertThat(proposal.stream().filter(p -> !p.hasHelper())).hasSize(2);
        assertThat(proposal.stream().map(p -> p.household().householdId()).distinct()).hasSize(9);
        assertThat(proposal).allMatch(p -> !p.hasHelper() || p.householdsAfter() <= p.maxHouseholds());
        // The posted cadre is used before the colleague.
        assertThat(proposal.subList(0, 5)).allMatch(p -> "驻村甲".equals(p.cadreName()) && p.postedInVillage());

        // Nothing is written by a suggestion.
        assertThat(pairings.count()).isZero();

        int made = pairings.apply(proposal);
        assertThat(made).isEqualTo(7);
        assertThat(pairings.uncoveredHouseholds(village.id(), YEAR)).hasSize(2);
        assertThat(pairings.pairings(new PairingFilter(village.id(), posted.id(), null, null, TODAY)))
                .hasSize(5).allMatch(p -> p.kind() == PairingKind.ONE_TO_MANY);

        // The same proposal again is refused as a whole: those households have helpers now.
        InvalidInputException again = catchThrowableOfType(() -> pairings.apply(proposal),
                InvalidInputException.class);
        assertThat(again.problems()).filteredOn(pr -> pr.message().contains("已有帮扶责任人")).hasSize(7);
        assertThat(pairings.count()).isEqualTo(7);
        // A new suggestion finds nobody with room.
        assertThat(pairings.suggest(village.id())).hasSize(2).noneMatch(Proposal::hasHelper);
    }

    @Test
    void anEditedProposalPairsOnlyWhatWasConfirmed() {
        Cadre posted = cadre("驻村甲", Rank.GENERAL);
        cadres.assign(Assignment.start(posted.id(), village.id(), Role.TEAM_MEMBER, LocalDate.of(2025, 1, 1),
                bureau.id()));
        Cadre chosen = cadre("改选乙", Rank.GENERAL);
        household(village, "甲户主");
        household(village, "乙户主");
        List<Proposal> proposal = new ArrayList<>(pairings.suggest(village.id()));
        proposal.remove(1);
        proposal.set(0, proposal.get(0).withHelper(chosen.id(), chosen.name(), null, 1, 5, false));
        assertThat(pairings.apply(proposal)).isEqualTo(1);
        assertThat(pairings.pairings(PairingFilter.all())).singleElement().satisfies(p -> {
            assertThat(p.helperName()).isEqualTo("改选乙");
            assertThat(p.targetName()).isEqualTo("甲户主");
            assertThat(p.startDate()).isEqualTo(TODAY);
        });
    }
}
