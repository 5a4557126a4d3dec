package org.townshipledger.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.pairing.PairingsViewModel.Helper;
import org.townshipledger.pairing.PairingsViewModel.PairingAction;
import org.townshipledger.pairing.PairingsViewModel.ProposalRow;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * The 结对帮扶 screen's view model on a real ledger: pairing the households selected, the suggestion edited and
 * confirmed (or not), the limit, ending and replacing; and the helpers' sections of the cadre and household
 * forms. Today is 1 March 2026 while the working year is still 2025: the screen works on today.
 */
class PairingsViewModelTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @TempDir
    Path dir;

    private Database db;
    private CadreService cadres;
    private PairingService pairings;
    private StatusBarModel status;
    private PairingsViewModel vm;
    private Village dashi;
    private Village longquan;
    private Cadre liMing;
    private Cadre wangFang;
    private int sequence = 11;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        HouseholdService households = new HouseholdService(db, villages, settings, clock);
        pairings = new PairingService(db, cadres, villages, settings, clock);

        dashi = villages.save(village("大石村"));
        longquan = villages.save(village("龙泉村"));
        for (String head : List.of("张大山", "刘小红", "王建国")) {
            households.save(household(dashi, head));
        }
        households.save(household(longquan, "赵四"));
        Unit bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
        liMing = cadre("李明", Rank.GENERAL, bureau);
        wangFang = cadre("王芳", Rank.GENERAL, null);
        cadres.assign(Assignment.start(liMing.id(), dashi.id(), Role.TEAM_MEMBER, LocalDate.of(2025, 1, 1),
                bureau.id()));

        status = new StatusBarModel();
        vm = new PairingsViewModel(pairings, cadres, villages, new CurrentThreadTaskExecutor(), status, clock);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Village village(String name) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null, null, Set.of(),
                List.of(), 0, null, null);
    }

    private Household household(Village v, String head) {
        return SampleHouseholds.household(v, SampleHouseholds.member(head, Relation.HEAD,
                LocalDate.of(1970, 3, 5), sequence++));
    }

    private Cadre cadre(String name, Rank rank, Unit unit) {
        String phone = String.format("1390000%04d", sequence++);
        return cadres.saveCadre(new Cadre(null, name, Sex.FEMALE, LocalDate.of(1985, 1, 1), null, phone,
                unit == null ? null : unit.id(), null, rank, true, null, 0, null));
    }

    private Helper helper(Cadre k) {
        return vm.helpers().stream().filter(h -> h.id().equals(k.id())).findFirst().orElseThrow();
    }

    private List<String> uncoveredHeads() {
        return vm.uncovered().stream().map(UncoveredHousehold::headName).toList();
    }

    private void select(String... heads) {
        List<String> wanted = List.of(heads);
        vm.selectedHouseholds().setAll(vm.uncovered().stream().filter(u -> wanted.contains(u.headName())).toList());
    }

    /** Every pairing in the ledger file, as "helper→head (kind, from–to, reason)". */
    private List<String> pairingsInLedger() {
        return pairings.pairings(PairingFilter.all()).stream().map(p -> p.helperName() + "→" + p.targetName() + " ("
                + p.kind().label() + ", " + p.startDate() + "–" + (p.endDate() == null ? "" : p.endDate())
                + (p.endReason() == null ? "" : ", " + p.endReason()) + ")").sorted().toList();
    }

    private ProposalRow proposalFor(String head) {
        return vm.proposals().stream().filter(r -> r.household().headName().equals(head)).findFirst().orElseThrow();
    }

    @Test
    void pairsTheSelectedHouseholdsAndTheyLeaveTheUncoveredList() {
        vm.villageProperty().set(dashi);
        assertThat(uncoveredHeads()).containsExactlyInAnyOrder("张大山", "刘小红", "王建国");
        assertThat(helper(liMing).label()).isEqualTo("李明（县农业农村局）已帮扶 0/上限 5");
        assertThat(vm.startDateProperty().get()).isEqualTo(TODAY);

        vm.householdSearchProperty().set("wjg");
        assertThat(vm.shownUncovered()).extracting(UncoveredHousehold::headName).containsExactly("王建国");
        vm.householdSearchProperty().set("");
        vm.helperSearchProperty().set("wf");
        assertThat(vm.shownHelpers()).extracting(Helper::name).containsExactly("王芳");
        vm.helperSearchProperty().set("");

        assertThat(vm.helpers()).first().as("posted to the village chosen: first").extracting(Helper::name,
                Helper::postedText).containsExactly("李明", "大石村");
        select("张大山");
        vm.helperProperty().set(helper(liMing));
        assertThat(vm.kindProperty().get()).isEqualTo(PairingKind.ONE_TO_ONE);
        select("张大山", "刘小红");
        assertThat(vm.kindProperty().get()).as("one helper, two households").isEqualTo(PairingKind.ONE_TO_MANY);
        assertThat(vm.pair()).isTrue();

        assertThat(vm.pairErrorProperty().get()).isEmpty();
        assertThat(uncoveredHeads()).containsExactly("王建国");
        assertThat(pairingsInLedger()).containsExactly(
                "李明→刘小红 (一对多, 2026-03-01–)", "李明→张大山 (一对多, 2026-03-01–)");
        assertThat(vm.pairings()).extracting(Pairing::targetName).containsExactlyInAnyOrder("张大山", "刘小红");
        assertThat(helper(liMing).loadText()).isEqualTo("已帮扶 2/上限 5");
        assertThat(status.messageProperty().get()).isEqualTo("已为 2 户结对，帮扶人 李明");

        vm.villageProperty().set(null);
        assertThat(uncoveredHeads()).containsExactlyInAnyOrder("王建国", "赵四");
    }

    @Test
    void aHelperAtTheLimitIsRefusedWithTheServicesMessageAndNothingIsWritten() {
        Map<Rank, Integer> limits = new EnumMap<>(PairingRules.defaults().maxHouseholds());
        limits.put(Rank.GENERAL, 1);
        pairings.saveRules(new PairingRules(PairingRules.defaults().quotas(), limits));
        vm.load();
        vm.villageProperty().set(dashi);
        select("张大山");
        vm.helperProperty().set(helper(liMing));
        vm.pair();
        assertThat(pairingsInLedger()).hasSize(1);

        select("刘小红");
        vm.helperProperty().set(helper(liMing));
        vm.pair();
        assertThat(vm.pairErrorProperty().get())
                .isEqualTo("李明（一般干部）已帮扶 1 户，上限为 1 户；如需调整，请在“结对规则”中修改上限");
        assertThat(pairingsInLedger()).containsExactly("李明→张大山 (一对一, 2026-03-01–)");
        assertThat(uncoveredHeads()).containsExactlyInAnyOrder("刘小红", "王建国");

        // Several households for a helper without room for them all: refused before anything is written.
        select("刘小红", "王建国");
        vm.helperProperty().set(helper(wangFang));
        vm.pair();
        assertThat(vm.pairErrorProperty().get())
                .isEqualTo("王芳 还能帮扶 1 户（已帮扶 0/上限 1），选中了 2 户；请少选几户或另选帮扶人");
        assertThat(pairingsInLedger()).hasSize(1);
    }

    @Test
    void theSuggestionIsEditedAndOnlyTheConfirmedRowsAreWritten() {
        vm.villageProperty().set(dashi);
        vm.suggest();

        assertThat(vm.previewingProperty().get()).isTrue();
        assertThat(vm.proposals()).extracting(r -> r.household().headName(), r -> r.helper().name(), ProposalRow::after,
                ProposalRow::posted).as("in the order of the list: 刘, 王, 张").containsExactly(
                tuple("刘小红", "李明", 1, true), tuple("王建国", "李明", 2, true), tuple("张大山", "李明", 3, true));
        assertThat(pairingsInLedger()).as("nothing written before the confirmation").isEmpty();

        vm.removeProposals(List.of(proposalFor("刘小红")));
        ProposalRow wang = proposalFor("王建国");
        assertThat(vm.helperOptions(wang)).first().extracting(Helper::name).as("posted here first").isEqualTo("李明");
        assertThat(vm.optionLabel(wang, helper(liMing))).isEqualTo("李明（县农业农村局）  按方案帮扶 2/上限 5 · 驻本村");
        assertThat(vm.optionLabel(wang, helper(wangFang))).isEqualTo("王芳  按方案帮扶 0/上限 5");
        vm.changeHelper(wang, helper(wangFang));

        assertThat(vm.proposals()).extracting(r -> r.household().headName(), r -> r.helper().name(), ProposalRow::after,
                ProposalRow::posted).containsExactly(tuple("王建国", "王芳", 1, false),
                tuple("张大山", "李明", 1, true));
        assertThat(vm.proposalInfoProperty().get()).isEqualTo("方案共 2 户：2 户有建议帮扶人，0 户无可用帮扶人（确认时跳过）");
        assertThat(pairingsInLedger()).isEmpty();

        assertThat(vm.confirmProposals()).isTrue();

        assertThat(pairingsInLedger()).containsExactly(
                "李明→张大山 (一对一, 2026-03-01–)", "王芳→王建国 (一对一, 2026-03-01–)");
        assertThat(vm.previewingProperty().get()).isFalse();
        assertThat(vm.proposals()).isEmpty();
        assertThat(uncoveredHeads()).containsExactly("刘小红");
        assertThat(status.messageProperty().get()).isEqualTo("已按方案结对 2 户");
    }

    @Test
    void aSuggestionNotConfirmedWritesNothing() {
        vm.suggest(); // all villages
        assertThat(vm.proposals()).extracting(r -> r.household().headName()).containsExactlyInAnyOrder(
                "张大山", "刘小红", "王建国", "赵四");
        ProposalRow zhao = proposalFor("赵四");
        assertThat(zhao.hasHelper()).as("nobody posted to 龙泉村, no unit helps it").isFalse();

        vm.cancelProposals();
        assertThat(vm.previewingProperty().get()).isFalse();
        assertThat(pairingsInLedger()).isEmpty();
        assertThat(pairings.uncoveredHouseholds(null, 2026)).hasSize(4);

        vm.villageProperty().set(longquan);
        vm.suggest();
        assertThat(vm.proposals()).singleElement().satisfies(r -> assertThat(r.hasHelper()).isFalse());
        assertThat(vm.confirmProposals()).isFalse();
        assertThat(vm.proposalErrorProperty().get()).isEqualTo("方案中没有可结对的行");
        assertThat(pairingsInLedger()).isEmpty();
    }

    @Test
    void aConfirmedSuggestionOverTheLimitIsRefusedWholeAndKept() {
        vm.villageProperty().set(dashi);
        vm.suggest();
        Map<Rank, Integer> limits = new EnumMap<>(PairingRules.defaults().maxHouseholds());
        limits.put(Rank.GENERAL, 1);
        pairings.saveRules(new PairingRules(PairingRules.defaults().quotas(), limits));
        // The preview still gives 李明 three households; the service counts with the new limit.
        vm.confirmProposals();

        assertThat(vm.proposalErrorProperty().get()).contains("李明（一般干部）已帮扶 1 户，上限为 1 户")
                .contains("李明（一般干部）已帮扶 2 户，上限为 1 户");
        assertThat(pairingsInLedger()).as("all or nothing").isEmpty();
        assertThat(vm.proposals()).hasSize(3);
        assertThat(vm.previewingProperty().get()).isTrue();
    }

    @Test
    void endsAndReplacesARunningPairingKeepingTheHistory() {
        vm.villageProperty().set(dashi);
        select("张大山");
        vm.helperProperty().set(helper(liMing));
        vm.startDateProperty().set(LocalDate.of(2026, 1, 5));
        vm.pair();
        select("刘小红");
        vm.pair();
        assertThat(vm.pairings()).hasSize(2);

        Pairing zhang = vm.pairings().stream().filter(p -> p.targetName().equals("张大山")).findFirst().orElseThrow();
        vm.selectedPairingProperty().set(zhang);
        vm.startReplace();
        assertThat(vm.applyAction()).as("no new helper chosen").isFalse();
        assertThat(vm.actionErrorProperty().get()).isEqualTo("请选择帮扶人");
        vm.actionHelperProperty().set(helper(wangFang));
        vm.actionReasonProperty().set("调离");
        assertThat(vm.applyAction()).isTrue();
        assertThat(vm.actionErrorProperty().get()).isEmpty();
        assertThat(vm.actionProperty().get()).isEqualTo(PairingAction.NONE);
        assertThat(status.messageProperty().get()).isEqualTo("户主 张大山 的帮扶人已由 李明 更换为 王芳");

        Pairing liu = vm.pairings().stream().filter(p -> p.targetName().equals("刘小红")).findFirst().orElseThrow();
        vm.selectedPairingProperty().set(liu);
        vm.startEnd();
        vm.actionDateProperty().set(LocalDate.of(2025, 12, 1));
        vm.applyAction();
        assertThat(vm.actionErrorProperty().get()).as("the service refuses an end before the start")
                .isEqualTo(Messages.get("assignment.error.endBeforeStart"));
        vm.actionDateProperty().set(TODAY);
        vm.actionReasonProperty().set("已稳定脱贫");
        vm.applyAction();

        assertThat(pairingsInLedger()).containsExactly(
                "李明→刘小红 (一对多, 2026-01-05–2026-03-01, 已稳定脱贫)",
                "李明→张大山 (一对一, 2026-01-05–2026-02-28, 调离)",
                "王芳→张大山 (一对一, 2026-03-01–)");
        // Ended today, 刘小红 is still helped today; from tomorrow the household is uncovered again.
        assertThat(vm.pairings()).extracting(Pairing::helperName, Pairing::targetName)
                .containsExactlyInAnyOrder(tuple("王芳", "张大山"), tuple("李明", "刘小红"));
    }

    @Test
    void theCadresSectionShowsWhomItHelpsAndItsQuota() {
        Cadre leader = cadre("周县长", Rank.COUNTY_LEVEL, null);
        vm.load();
        vm.villageProperty().set(dashi);
        select("张大山", "刘小红", "王建国");
        vm.helperProperty().set(helper(leader));
        vm.pair();
        assertThat(vm.pairErrorProperty().get()).as("a county-level leader may help 2")
                .startsWith("周县长 还能帮扶 2 户");
        select("张大山");
        vm.pair();

        HelperPairingsViewModel section = new HelperPairingsViewModel(pairings, new CurrentThreadTaskExecutor(),
                Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        section.cadreIdProperty().set(leader.id());
        assertThat(section.pairings()).extracting(Pairing::targetName).containsExactly("张大山");
        assertThat(section.categoryProperty().get()).isEqualTo("帮扶类别：县级领导");
        assertThat(section.progressProperty().get())
                .isEqualTo("联系乡镇 0/1、帮扶村 0/1、帮扶户 1/2；帮扶户数 1/上限 2");
        assertThat(section.shortfallProperty().get()).isEqualTo("未完成：联系乡镇 0/1、帮扶村 0/1、帮扶户 1/2");
        assertThat(section.behindProperty().get()).isTrue();
        assertThat(section.overProperty().get()).isFalse();

        section.cadreIdProperty().set(wangFang.id());
        assertThat(section.pairings()).isEmpty();
        assertThat(section.categoryProperty().get()).isEqualTo("没有帮扶任务，目前也没有在帮的结对");

        HouseholdHelpersViewModel tab = new HouseholdHelpersViewModel(pairings, new CurrentThreadTaskExecutor(),
                Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        tab.householdIdProperty().set(pairings.helpedBy(leader.id(), null).get(0).householdId());
        assertThat(tab.helpers()).extracting(Pairing::helperName).containsExactly("周县长");
        assertThat(tab.summaryProperty().get()).isEqualTo("帮扶责任人：周县长（" + leader.phone() + "）");
        tab.householdIdProperty().set(null);
        assertThat(tab.summaryProperty().get()).isEqualTo("保存本户后可查看帮扶人");
    }
}
