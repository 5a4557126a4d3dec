package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreBins;
import org.townshipledger.cadre.Finding;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdBin;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingBin;
import org.townshipledger.pairing.PairingKind;
import org.townshipledger.recyclebin.RecycleBinViewModel;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageBin;

/**
 * Visits, problems raised and help given in the 回收站: each goes to the bin, is listed there by name, comes back
 * into every list, and is purged for good with its children; their parents (households, villages, cadres, units)
 * hide them, bring them back, and purge (or refuse to purge) without an SQL error.
 */
class VisitBinTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 5);

    @TempDir
    Path dir;

    private VisitLedger ledger;
    private VisitService visits;
    private Village dashi;
    private Cadre li;
    private Cadre wang;
    private Household zhang;
    private Household zhao;
    private StatusBarModel status;
    private RecycleBinViewModel bin;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedger(dir);
        visits = ledger.visits;
        dashi = ledger.village("大石村");
        li = ledger.cadre("李明");
        wang = ledger.cadre("王芳");
        zhang = ledger.household(dashi, "张大山");
        zhao = ledger.household(dashi, "赵二");
        status = new StatusBarModel();
        List<BinRegister> registers = new ArrayList<>();
        registers.add(new VillageBin(ledger.villages));
        registers.add(new HouseholdBin(ledger.households));
        registers.addAll(CadreBins.of(ledger.cadres));
        registers.add(new PairingBin(ledger.pairings));
        registers.add(new VisitBin(visits));
        registers.add(new ProblemBin(visits));
        registers.add(new HelpBin(visits));
        bin = new RecycleBinViewModel(registers, new CurrentThreadTaskExecutor(), status);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private int rows(String table) {
        return ledger.db.dsl().fetchOne("SELECT COUNT(*) FROM " + table).get(0, Integer.class);
    }

    private int rows(String table, String where) {
        return ledger.db.dsl().fetchOne("SELECT COUNT(*) FROM " + table + " WHERE " + where).get(0, Integer.class);
    }

    private BinItem item(String register) {
        bin.load();
        return bin.items().stream().filter(i -> i.register().equals(register)).findFirst().orElseThrow();
    }

    private Problem problem(String raisedBy, String text) {
        return Problem.found(ProblemKind.DISPUTE, DisputeKind.NEIGHBOURS, raisedBy, null, null, text);
    }

    private HelpItem help(Household h, String what, String money) {
        return visits.give(HelpItem.forHousehold(h.id(), HelpKind.INDUSTRY, what, new BigDecimal(money),
                BigDecimal.ZERO, DAY, HelpStatus.DONE));
    }

    private List<String> problemTexts() {
        return visits.problems(ProblemFilter.all()).stream().map(Problem::description).toList();
    }

    // ---- visits ----

    @Test
    void aVisitGoesToTheBinWithItsProblemsAndComesBackButAProblemRemovedBeforeStaysInTheBin() {
        Visit v = visits.record(Visit.ofHousehold(zhang.id(), DAY, VisitKind.HOME_VISIT,
                        List.of(li.id(), wang.id())),
                List.of(problem("张大山", "宅基地边界"), problem("李四", "灌溉用水")));
        Visit other = visits.record(Visit.ofHousehold(zhao.id(), DAY, VisitKind.HOME_VISIT, List.of(wang.id())));
        Problem water = visits.problems(ProblemFilter.all()).stream()
                .filter(p -> p.description().equals("灌溉用水")).findFirst().orElseThrow();
        visits.removeProblem(water);

        visits.remove(visits.visit(v.id()).orElseThrow());
        // Out of every list and count: the visit, its cadres' pages, and the problem raised on it.
        assertThat(visits.page(VisitFilter.all(), 0).rows()).extracting(Visit::id).containsExactly(other.id());
        assertThat(visits.count()).isEqualTo(1);
        assertThat(visits.page(VisitFilter.byCadre(li.id()), 0).total()).isZero();
        assertThat(visits.page(VisitFilter.byCadre(wang.id()), 0).total()).isEqualTo(1);
        assertThat(problemTexts()).isEmpty();
        assertThat(visits.problemCount()).isZero();

        bin.load();
        assertThat(bin.items()).extracting(i -> RecycleBinViewModel.registerLabel(i.register()), BinItem::name,
                BinItem::details).containsExactlyInAnyOrder(
                tuple("走访记录", "2026-03-05 张大山户", "入户走访，大石村，走访干部：李明、王芳"),
                tuple("诉求与矛盾", "矛盾纠纷·邻里：李四", "大石村，2026-03-05 反映，排查"));

        bin.restore(item(VisitBin.KIND));
        assertThat(status.messageProperty().get()).isEqualTo("已恢复走访记录“2026-03-05 张大山户”");
        assertThat(visits.count()).isEqualTo(2);
        assertThat(visits.page(VisitFilter.byCadre(li.id()), 0).rows()).extracting(Visit::id)
                .containsExactly(v.id());
        assertThat(problemTexts()).containsExactly("宅基地边界");
        assertThat(bin.items()).extracting(BinItem::name).containsExactly("矛盾纠纷·邻里：李四");
    }

    @Test
    void purgingAVisitDeletesItsCadresRowsAndProblemsForGood() {
        Visit v = visits.record(Visit.ofHousehold(zhang.id(), DAY, VisitKind.HOME_VISIT,
                List.of(li.id(), wang.id())), List.of(problem("张大山", "宅基地边界"), problem("李四", "灌溉用水")));
        Visit kept = visits.record(Visit.ofHousehold(zhao.id(), DAY, VisitKind.HOME_VISIT, List.of(li.id())),
                List.of(problem("赵二", "低保")));
        visits.removeProblem(visits.problems(ProblemFilter.all()).stream()
                .filter(p -> p.description().equals("灌溉用水")).findFirst().orElseThrow());
        visits.remove(visits.visit(v.id()).orElseThrow());

        BinItem item = item(VisitBin.KIND);
        assertThat(RecycleBinViewModel.purgeQuestion(item)).isEqualTo(
                "彻底删除走访记录“2026-03-05 张大山户”及走访中反映的诉求？删除后无法恢复。");
        bin.purge(item);
        assertThat(status.messageProperty().get()).isEqualTo("已彻底删除走访记录“2026-03-05 张大山户”");
        // Both problems of the visit went, the one removed on its own before too (it pointed at the visit).
        assertThat(bin.items()).isEmpty();
        assertThat(rows("visit")).isEqualTo(1);
        assertThat(rows("visit_cadre")).isEqualTo(1);
        assertThat(rows("problem")).isEqualTo(1);
        assertThat(visits.page(VisitFilter.all(), 0).rows()).extracting(Visit::id).containsExactly(kept.id());
        assertThat(problemTexts()).containsExactly("低保");
        assertThatThrownBy(() -> visits.purge(v.id())).isInstanceOf(InvalidInputException.class)
                .hasMessage(Messages.get("recycleBin.error.gone"));
    }

    // ---- problems ----

    @Test
    void aProblemGoesToTheBinAndComesBackAndIsPurgedForGood() {
        Problem p = visits.raise(Problem.found(ProblemKind.HARDSHIP, null, "孙大娘", dashi.id(), DAY, "看病难"));
        Problem q = visits.raise(Problem.found(ProblemKind.POLICY, null, null, dashi.id(), DAY, "低保政策")
                .withHousehold(zhang.id()));
        visits.removeProblem(p);
        visits.removeProblem(visits.problem(q.id()).orElseThrow());
        assertThat(problemTexts()).isEmpty();
        assertThat(visits.problemTally(2026, null).total().found()).isZero();

        bin.load();
        assertThat(bin.items()).extracting(i -> RecycleBinViewModel.registerLabel(i.register()), BinItem::name,
                BinItem::details).containsExactlyInAnyOrder(
                tuple("诉求与矛盾", "生产生活困难：孙大娘", "大石村，2026-03-05 反映，排查"),
                tuple("诉求与矛盾", "政策咨询：张大山户", "大石村，2026-03-05 反映，排查"));

        BinItem first = bin.items().stream().filter(i -> i.id().equals(p.id())).findFirst().orElseThrow();
        bin.restore(first);
        assertThat(status.messageProperty().get()).isEqualTo("已恢复诉求与矛盾“生产生活困难：孙大娘”");
        assertThat(problemTexts()).containsExactly("看病难");
        assertThat(visits.problemTally(2026, null).total().found()).isEqualTo(1);

        assertThat(RecycleBinViewModel.purgeQuestion(bin.items().get(0))).isEqualTo(
                "彻底删除诉求与矛盾“政策咨询：张大山户”？删除后无法恢复。");
        bin.purge(bin.items().get(0));
        assertThat(bin.items()).isEmpty();
        assertThat(rows("problem")).isEqualTo(1);
        assertThat(problemTexts()).containsExactly("看病难");
    }

    @Test
    void aProblemRaisedOnAVisitInTheBinCannotComeBackBeforeTheVisit() {
        Visit v = visits.record(Visit.ofHousehold(zhang.id(), DAY, VisitKind.HOME_VISIT, List.of(li.id())),
                List.of(problem("李四", "灌溉用水")));
        Problem p = visits.problems(ProblemFilter.all()).get(0);
        visits.removeProblem(p);
        visits.remove(visits.visit(v.id()).orElseThrow());

        bin.restore(item(ProblemBin.KIND));
        assertThat(status.messageProperty().get()).isEqualTo(
                "不能恢复：这条诉求是在走访“2026-03-05 张大山户”中反映的，这条走访记录还在回收站里。请先恢复这条走访记录。");
        assertThat(bin.items()).hasSize(2);

        visits.restore(v.id());
        assertThat(problemTexts()).isEmpty();
        assertThat(visits.restoreProblem(p.id()).description()).isEqualTo("灌溉用水");
        assertThat(problemTexts()).containsExactly("灌溉用水");
    }

    // ---- help given ----

    @Test
    void anItemOfHelpGoesToTheBinAndComesBackAndIsPurgedForGood() {
        HelpItem chicks = help(zhang, "发放鸡苗 200 只", "1200.50");
        HelpItem road = visits.give(HelpItem.forVillage(dashi.id(), HelpKind.INFRASTRUCTURE, null,
                new BigDecimal("50000"), new BigDecimal("800"), DAY, HelpStatus.IN_PROGRESS));
        visits.removeHelp(chicks);
        visits.removeHelp(road);
        assertThat(visits.helpItems(HelpFilter.all())).isEmpty();
        assertThat(visits.helpTally(2026).total().money()).isEqualByComparingTo("0");

        bin.load();
        assertThat(bin.items()).extracting(i -> RecycleBinViewModel.registerLabel(i.register()), BinItem::name,
                BinItem::details).containsExactlyInAnyOrder(
                tuple("帮扶措施", "产业：发放鸡苗 200 只", "大石村 张大山户，2026-03-05，资金 1200.50 元，物资折款 0.00 元"),
                tuple("帮扶措施", "基础设施", "大石村，2026-03-05，资金 50000.00 元，物资折款 800.00 元"));

        bin.restore(bin.items().stream().filter(i -> i.id().equals(chicks.id())).findFirst().orElseThrow());
        assertThat(status.messageProperty().get()).isEqualTo("已恢复帮扶措施“产业：发放鸡苗 200 只”");
        assertThat(visits.helpItems(HelpFilter.all())).extracting(HelpItem::id).containsExactly(chicks.id());
        assertThat(visits.helpTally(2026).total().money()).isEqualByComparingTo("1200.50");

        bin.purge(bin.items().get(0));
        assertThat(bin.items()).isEmpty();
        assertThat(rows("help_item")).isEqualTo(1);
    }

    // ---- households ----

    @Test
    void aHouseholdInTheBinHidesItsVisitsProblemsAndHelpAndBringsThemBack() {
        ledger.pairings.pair(Pairing.ofHousehold(li.id(), zhang.id(), PairingKind.ONE_TO_ONE,
                LocalDate.of(2025, 1, 1)));
        Visit v = visits.record(Visit.ofHousehold(zhang.id(), DAY, VisitKind.HOME_VISIT, List.of(li.id())),
                List.of(problem("李四", "灌溉用水")));
        visits.record(Visit.ofHousehold(zhao.id(), DAY, VisitKind.HOME_VISIT, List.of(li.id())));
        visits.raise(Problem.found(ProblemKind.HARDSHIP, null, null, null, DAY, "住房").withHousehold(zhang.id()));
        help(zhang, "发放鸡苗", "300");
        help(zhao, "修缮房屋", "500");
        assertThat(helperFindings()).extracting(Finding::detail).anyMatch(d -> d.contains("张大山"));

        ledger.households.moveToBin(ledger.households.household(zhang.id()).orElseThrow());
        assertThat(visits.count()).isEqualTo(1);
        assertThat(visits.page(VisitFilter.all(), 0).rows()).extracting(Visit::targetName).containsExactly("赵二");
        assertThat(visits.page(VisitFilter.byCadre(li.id()), 0).total()).isEqualTo(1);
        assertThat(visits.page(VisitFilter.all().withVillage(dashi.id()), 0).total()).isEqualTo(1);
        assertThat(visits.page(VisitFilter.byMonth(java.time.YearMonth.from(DAY)), 0).total()).isEqualTo(1);
        assertThat(visits.visitLog(2026, null).cadres()).singleElement()
                .satisfies(c -> assertThat(c.months()[2]).isEqualTo(1));
        // The problem raised on its visit by a neighbour is hidden with the visit's household too.
        assertThat(problemTexts()).isEmpty();
        assertThat(visits.problemCount()).isZero();
        assertThat(visits.helpItems(HelpFilter.all())).extracting(HelpItem::description).containsExactly("修缮房屋");
        assertThat(visits.helpTally(2026).total().money()).isEqualByComparingTo("500");
        assertThat(visits.helpCount()).isEqualTo(1);
        assertThat(helperFindings()).extracting(Finding::detail).noneMatch(d -> d.contains("张大山"));
        // Nothing of it is listed in the bin but the household itself.
        bin.load();
        assertThat(bin.items()).extracting(BinItem::register).containsExactly(HouseholdBin.KIND);
        // A visit of it cannot be restored on its own (it is not in the bin, and could not be seen).
        visits.remove(visits.visit(v.id()).orElseThrow());
        assertThatThrownBy(() -> visits.restore(v.id())).isInstanceOf(InvalidInputException.class)
                .hasMessage("不能恢复：所属农户“张大山户”还在回收站里。请先恢复这户农户。");

        ledger.households.restore(zhang.id());
        visits.restore(v.id());
        assertThat(visits.count()).isEqualTo(2);
        assertThat(problemTexts()).containsExactlyInAnyOrder("灌溉用水", "住房");
        assertThat(visits.helpCount()).isEqualTo(2);
        assertThat(visits.visitLog(2026, null).cadres()).singleElement()
                .satisfies(c -> assertThat(c.months()[2]).isEqualTo(2));
    }

    private List<Finding> helperFindings() {
        return visits.checkVisits(2026).stream()
                .filter(f -> f.rule().equals(Messages.get("check.rule.fewHelperVisits"))).toList();
    }

    @Test
    void purgingAHouseholdWithVisitsProblemsAndHelpSucceedsAndTakesThemAlong() {
        Visit v = visits.record(Visit.ofHousehold(zhang.id(), DAY, VisitKind.HOME_VISIT, List.of(li.id(), wang.id())),
                List.of(problem("李四", "灌溉用水")));
        Visit binned = visits.record(Visit.ofHousehold(zhang.id(), DAY.minusDays(3), VisitKind.HOME_VISIT,
                List.of(li.id())));
        visits.remove(binned);
        visits.raise(Problem.found(ProblemKind.HARDSHIP, null, null, null, DAY, "住房").withHousehold(zhang.id()));
        help(zhang, "发放鸡苗", "300");
        HelpItem binnedHelp = help(zhang, "种子", "80");
        visits.removeHelp(binnedHelp);
        Visit kept = visits.record(Visit.ofHousehold(zhao.id(), DAY, VisitKind.HOME_VISIT, List.of(li.id())),
                List.of(problem("赵二", "低保")));
        help(zhao, "修缮房屋", "500");
        ledger.households.moveToBin(ledger.households.household(zhang.id()).orElseThrow());

        bin.purge(item(HouseholdBin.KIND));
        assertThat(status.messageProperty().get()).isEqualTo("已彻底删除农户“张大山户”");
        assertThat(rows("household")).isEqualTo(1);
        assertThat(rows("visit")).isEqualTo(1);
        assertThat(rows("visit_cadre")).isEqualTo(1);
        assertThat(rows("visit", "id = '" + v.id() + "'")).isZero();
        assertThat(rows("problem")).isEqualTo(1);
        assertThat(rows("help_item")).isEqualTo(1);
        assertThat(visits.page(VisitFilter.all(), 0).rows()).extracting(Visit::id).containsExactly(kept.id());
        assertThat(problemTexts()).containsExactly("低保");
        bin.load();
        assertThat(bin.items()).isEmpty();
    }

    // ---- villages, cadres, units ----

    @Test
    void purgingAVillageWithVisitsProblemsAndHelpSucceeds() {
        Village longquan = ledger.village("龙泉村");
        Household sun = ledger.household(longquan, "孙大");
        visits.record(Visit.ofVillage(longquan.id(), DAY, VisitKind.FORUM, List.of(li.id())),
                List.of(Problem.found(ProblemKind.INFRASTRUCTURE, null, "村民", null, null, "修路")));
        visits.record(Visit.ofHousehold(sun.id(), DAY, VisitKind.HOME_VISIT, List.of(wang.id())));
        visits.give(HelpItem.forVillage(longquan.id(), HelpKind.INFRASTRUCTURE, "修路", new BigDecimal("9000"),
                BigDecimal.ZERO, DAY, HelpStatus.DONE));
        help(sun, "鸡苗", "100");
        visits.record(Visit.ofVillage(dashi.id(), DAY, VisitKind.FORUM, List.of(li.id())));
        ledger.households.moveToBin(ledger.households.household(sun.id()).orElseThrow());
        ledger.villages.moveToBin(ledger.villages.find(longquan.id()).orElseThrow());
        // Hidden with the village: the village visit, its problem and help.
        assertThat(visits.count()).isEqualTo(1);
        assertThat(problemTexts()).isEmpty();
        assertThat(visits.helpItems(HelpFilter.all())).isEmpty();

        bin.emptyBin();
        assertThat(status.messageProperty().get()).isEqualTo("回收站已清空，彻底删除 2 项");
        assertThat(rows("village")).isEqualTo(1);
        assertThat(rows("visit")).isEqualTo(1);
        assertThat(rows("visit_cadre")).isEqualTo(1);
        assertThat(rows("problem")).isZero();
        assertThat(rows("help_item")).isZero();
        assertThat(visits.page(VisitFilter.all(), 0).rows()).extracting(Visit::targetName).containsExactly("大石村");
    }

    @Test
    void aCadreWhoWentOnVisitsInUseIsNotPurgedButTheirVisitsInTheBinGoWithThem() {
        Cadre zhou = ledger.cadre("周走访");
        Visit shared = visits.record(Visit.ofHousehold(zhang.id(), DAY, VisitKind.HOME_VISIT,
                List.of(zhou.id(), li.id())));
        help(zhao, "鸡苗", "100");
        visits.updateHelp(visits.helpItems(HelpFilter.all()).get(0).withHelper(zhou.id(), null));
        ledger.cadres.moveCadreToBin(ledger.cadres.cadre(zhou.id()).orElseThrow());

        bin.purge(item(CadreBins.CADRE));
        assertThat(status.messageProperty().get()).isEqualTo(
                "“周走访”还参加了 1 次走访、是 1 项帮扶措施的帮扶人，不能彻底删除。请先恢复该干部，把这些记录改到别的干部名下或删除。");
        assertThat(rows("cadre", "id = '" + zhou.id() + "'")).isEqualTo(1);

        // Once those records are gone to the bin, the cadre's purge takes them along.
        visits.remove(visits.visit(shared.id()).orElseThrow());
        visits.removeHelp(visits.helpItems(HelpFilter.all()).get(0));
        bin.load();
        assertThat(bin.items()).hasSize(3);
        bin.purge(item(CadreBins.CADRE));
        assertThat(status.messageProperty().get()).isEqualTo("已彻底删除干部“周走访”");
        assertThat(rows("cadre", "id = '" + zhou.id() + "'")).isZero();
        assertThat(rows("visit")).isZero();
        assertThat(rows("visit_cadre")).isZero();
        assertThat(rows("help_item")).isZero();
        assertThat(bin.items()).isEmpty();
    }

    @Test
    void aUnitVisitedIsNotPurgedUntilTheVisitIsInTheBin() {
        Unit school = ledger.cadres.saveUnit(Unit.named("县一中", UnitLevel.COUNTY, UnitType.INSTITUTION));
        Visit v = visits.record(Visit.ofUnit(school.id(), DAY, VisitKind.RESEARCH, List.of(li.id())));
        ledger.cadres.moveUnitToBin(school);

        bin.purge(item(CadreBins.UNIT));
        assertThat(status.messageProperty().get()).startsWith("“县一中”还有 1 次走访以它为对象");
        assertThat(rows("unit", "id = '" + school.id() + "'")).isEqualTo(1);

        visits.remove(visits.visit(v.id()).orElseThrow());
        bin.emptyBin();
        assertThat(status.messageProperty().get()).isEqualTo("回收站已清空，彻底删除 2 项");
        assertThat(rows("unit", "id = '" + school.id() + "'")).isZero();
        assertThat(rows("visit")).isZero();
    }

    @Test
    void emptyingTheBinPurgesVisitsProblemsAndHelpBeforeTheirHouseholdsAndCadres() {
        Cadre zhou = ledger.cadre("周走访");
        visits.record(Visit.ofHousehold(zhang.id(), DAY, VisitKind.HOME_VISIT, List.of(zhou.id())),
                List.of(problem("李四", "灌溉用水")));
        Visit w = visits.record(Visit.ofHousehold(zhao.id(), DAY, VisitKind.HOME_VISIT, List.of(zhou.id())));
        Problem alone = visits.raise(Problem.found(ProblemKind.HARDSHIP, null, "孙大娘", dashi.id(), DAY, "看病难"));
        HelpItem h = help(zhao, "鸡苗", "100");
        visits.removeProblem(visits.problems(ProblemFilter.all()).stream()
                .filter(p -> p.description().equals("灌溉用水")).findFirst().orElseThrow());
        visits.removeProblem(visits.problem(alone.id()).orElseThrow());
        visits.removeHelp(h);
        visits.remove(w);
        ledger.households.moveToBin(ledger.households.household(zhang.id()).orElseThrow());
        ledger.cadres.moveCadreToBin(ledger.cadres.cadre(zhou.id()).orElseThrow());

        bin.load();
        assertThat(bin.items()).hasSize(6);
        bin.emptyBin();
        assertThat(status.messageProperty().get()).isEqualTo("回收站已清空，彻底删除 6 项");
        assertThat(bin.items()).isEmpty();
        assertThat(rows("visit")).isZero();
        assertThat(rows("visit_cadre")).isZero();
        assertThat(rows("problem")).isZero();
        assertThat(rows("help_item")).isZero();
        assertThat(rows("household")).isEqualTo(1);
        assertThat(rows("cadre", "id = '" + zhou.id() + "'")).isZero();
    }

    // ---- 撤销 on the screens ----

    @Test
    void deletingAProblemOnItsScreenOffersUndo() {
        visits.raise(Problem.found(ProblemKind.HARDSHIP, null, "孙大娘", dashi.id(), DAY, "看病难"));
        ProblemsViewModel vm = new ProblemsViewModel(visits, new CurrentThreadTaskExecutor(), status,
                VisitEntryViewModelTest.CLOCK);
        vm.load();
        vm.select(vm.rows().get(0));
        vm.delete();
        assertThat(vm.rows()).isEmpty();
        assertThat(status.messageProperty().get()).isEqualTo("已把诉求“孙大娘 2026-03-05”移到回收站");
        assertThat(status.undoProperty().get()).isNotNull();
        assertThat(visits.problemsInBin()).hasSize(1);

        status.undo();
        assertThat(vm.rows()).extracting(Problem::description).containsExactly("看病难");
        assertThat(status.messageProperty().get()).isEqualTo("已恢复诉求“孙大娘 2026-03-05”");
        assertThat(visits.problemsInBin()).isEmpty();
    }

    @Test
    void deletingAnItemOfHelpOnItsScreenOffersUndo() {
        help(zhang, "发放鸡苗", "300");
        HelpViewModel vm = new HelpViewModel(visits, new CurrentThreadTaskExecutor(), status,
                VisitEntryViewModelTest.CLOCK);
        vm.load();
        vm.select(vm.rows().get(0));
        vm.delete();
        assertThat(vm.rows()).isEmpty();
        assertThat(status.messageProperty().get()).isEqualTo("已把帮扶措施“发放鸡苗”移到回收站");

        status.undo();
        assertThat(vm.rows()).extracting(HelpItem::description).containsExactly("发放鸡苗");
        assertThat(status.messageProperty().get()).isEqualTo("已恢复帮扶措施“发放鸡苗”");
        assertThat(visits.helpInBin()).isEmpty();
    }
}
