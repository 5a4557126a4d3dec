package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.household.Household;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/** The 诉求矛盾 and 帮扶措施 screens' view models on a real ledger: the rate and totals against hand counts, the forms. */
class ProblemsAndHelpViewModelTest {

    @TempDir
    Path dir;

    private VisitLedger ledger;
    private StatusBarModel status;
    private Village dashi;
    private Village longquan;
    private Household wang;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedger(dir);
        dashi = ledger.village("大石村");
        longquan = ledger.village("龙泉村");
        wang = ledger.household(dashi, "王大山");
        status = new StatusBarModel();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    /** The seed: 35 found in 2026, 30 resolved (大石村 20 found / 18 resolved, 龙泉村 15 / 12); 3 from 2025. */
    private void seedProblems() {
        List<Problem> all = new ArrayList<>();
        for (int i = 0; i < 38; i++) {
            boolean lastYear = i >= 35;
            Village v = i < 20 || lastYear ? dashi : longquan;
            boolean resolved = !lastYear && (i < 18 || (i >= 20 && i < 32));
            LocalDate raised = lastYear ? LocalDate.of(2025, 11, 3) : LocalDate.of(2026, 1 + i % 5, 10);
            Problem p = Problem.found(ProblemKind.DISPUTE, DisputeKind.NEIGHBOURS, "村民" + i, v.id(), raised,
                    "邻里纠纷 " + i);
            if (resolved) {
                p = p.withStatus(ProblemStatus.RESOLVED, raised.plusDays(5), "调解", SettledLevel.VILLAGE);
            }
            all.add(p.withId(UUID.randomUUID()));
        }
        ledger.visits.insertProblems(all);
    }

    @Test
    void theRateForTheVillageAndYearIsShownAboveTheList() {
        seedProblems();
        ProblemsViewModel vm = new ProblemsViewModel(ledger.visits, new CurrentThreadTaskExecutor(), status,
                VisitEntryViewModelTest.CLOCK);
        vm.load();
        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.rows()).hasSize(35);
        assertThat(vm.rateTextProperty().get()).isEqualTo("全部村 2026 年：排查 35 件，化解 30 件，化解率 85.71%");
        vm.villageProperty().set(vm.villages().stream().filter(v -> v.name().equals("龙泉村")).findFirst()
                .orElseThrow());
        assertThat(vm.rows()).hasSize(15);
        assertThat(vm.rateTextProperty().get()).isEqualTo("龙泉村 2026 年：排查 15 件，化解 12 件，化解率 80.00%");
        vm.statusFilterProperty().set(ProblemStatus.FOUND);
        assertThat(vm.rows()).hasSize(3);
        vm.villageProperty().set(null);
        vm.statusFilterProperty().set(null);
        vm.yearProperty().set(2025);
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.rateTextProperty().get()).isEqualTo("全部村 2025 年：排查 3 件，化解 0 件，化解率 0.00%");
    }

    @Test
    void aProblemIsRaisedThenStepsOnToResolvedWithItsDateAndLevel() {
        ProblemsViewModel vm = new ProblemsViewModel(ledger.visits, new CurrentThreadTaskExecutor(), status,
                VisitEntryViewModelTest.CLOCK);
        vm.load();
        assertThat(vm.rateTextProperty().get()).isEqualTo("全部村 2026 年：尚无排查的诉求");
        vm.startNew();
        vm.kindProperty().set(ProblemKind.DISPUTE);
        vm.subKindProperty().set(DisputeKind.LAND_CONTRACT);
        vm.raisedByProperty().set("赵四");
        vm.formVillageProperty().set(vm.villages().get(0));
        vm.descriptionProperty().set("承包地边界");
        vm.save();
        assertThat(vm.rows()).hasSize(1);
        assertThat(ProblemsViewModel.kindText(vm.rows().get(0))).isEqualTo("矛盾纠纷·土地承包与山林");
        assertThat(status.messageProperty().get()).isEqualTo("已保存 10:00");

        vm.select(vm.rows().get(0));
        vm.problemStatusProperty().set(ProblemStatus.RESOLVED);
        assertThat(vm.resolvedOnProperty().get()).isEqualTo(VisitLedger.TODAY);
        vm.save();
        assertThat(vm.errorProperty(ProblemsViewModel.F_LEVEL).get())
                .isEqualTo("已化解的诉求要填写化解层级（村、乡或县）");
        assertThat(vm.problemStatusProperty().get()).isEqualTo(ProblemStatus.RESOLVED);   // kept
        vm.levelProperty().set(SettledLevel.VILLAGE);
        vm.resolutionProperty().set("村调委会调解");
        vm.save();
        Problem p = ledger.visits.problems(ProblemFilter.all()).get(0);
        assertThat(p.status()).isEqualTo(ProblemStatus.RESOLVED);
        assertThat(p.resolvedOn()).isEqualTo(VisitLedger.TODAY);
        assertThat(p.level()).isEqualTo(SettledLevel.VILLAGE);
        assertThat(p.resolution()).isEqualTo("村调委会调解");
        assertThat(vm.rateTextProperty().get()).isEqualTo("全部村 2026 年：排查 1 件，化解 1 件，化解率 100.00%");

        vm.delete();
        assertThat(vm.rows()).isEmpty();
        assertThat(ledger.visits.problems(ProblemFilter.all())).isEmpty();
    }

    @Test
    void helpTotalsAreExactToTheFenAndBadAmountsAreRefusedInChinese() {
        HelpViewModel vm = new HelpViewModel(ledger.visits, new CurrentThreadTaskExecutor(), status,
                VisitEntryViewModelTest.CLOCK);
        vm.load();
        assertThat(vm.totalsTextProperty().get()).isEqualTo("共 0 项，资金 0.00 元，物资折款 0.00 元，合计 0.00 元");

        vm.householdQueryProperty().set("wds");
        vm.searchHouseholds();
        vm.pickHousehold(vm.suggestions().get(0));
        vm.kindProperty().set(HelpKind.INDUSTRY);
        vm.descriptionProperty().set("发放鸡苗 200 只");
        vm.moneyProperty().set("一千元");
        vm.goodsProperty().set("0.105");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty(HelpViewModel.F_MONEY).get())
                .isEqualTo("“一千元”不是金额，请填写数字，如 1200 或 1200.50");
        assertThat(vm.errorProperty(HelpViewModel.F_GOODS).get()).isEqualTo("金额最多精确到分（两位小数）");
        vm.moneyProperty().set("-5");
        vm.goodsProperty().set("");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty(HelpViewModel.F_MONEY).get()).isEqualTo("不能是负数");

        vm.moneyProperty().set("1,234.56");
        vm.goodsProperty().set("0.10元");
        assertThat(vm.save()).isTrue();
        vm.targetProperty().set(VisitTarget.VILLAGE);
        vm.formVillageProperty().set(vm.villages().stream().filter(v -> v.name().equals("龙泉村")).findFirst()
                .orElseThrow());
        vm.kindProperty().set(HelpKind.WATER);
        vm.moneyProperty().set("0.20");
        vm.goodsProperty().set("33000");
        vm.helpStatusProperty().set(HelpStatus.DONE);
        assertThat(vm.save()).isTrue();
        // The form is empty again (a household, no kind): a village item without its kind is sent and refused.
        assertThat(vm.targetProperty().get()).isEqualTo(VisitTarget.HOUSEHOLD);
        vm.targetProperty().set(VisitTarget.VILLAGE);
        vm.formVillageProperty().set(vm.villages().get(0));
        assertThat(vm.save()).isTrue();
        assertThat(vm.errorProperty(HelpViewModel.F_KIND).get()).isEqualTo("请选择帮扶类别");

        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.totalsProperty().get().money()).isEqualTo(new BigDecimal("1234.76"));
        assertThat(vm.totalsProperty().get().goods()).isEqualTo(new BigDecimal("33000.10"));
        assertThat(vm.totalsTextProperty().get())
                .isEqualTo("共 2 项，资金 1,234.76 元，物资折款 33,000.10 元，合计 34,234.86 元");
        assertThat(vm.rows()).extracting(HelpViewModel::targetText)
                .containsExactlyInAnyOrder("农户 王大山", "村 龙泉村");
        vm.villageProperty().set(vm.villages().stream().filter(v -> v.name().equals("大石村")).findFirst()
                .orElseThrow());
        assertThat(vm.totalsTextProperty().get())
                .isEqualTo("共 1 项，资金 1,234.56 元，物资折款 0.10 元，合计 1,234.66 元");
        HelpItem saved = ledger.visits.helpItems(HelpFilter.all()).stream()
                .filter(h -> h.target() == VisitTarget.HOUSEHOLD).findFirst().orElseThrow();
        assertThat(saved.householdId()).isEqualTo(wang.id());
        assertThat(saved.money()).isEqualTo(new BigDecimal("1234.56"));
        assertThat(saved.goodsValue()).isEqualTo(new BigDecimal("0.10"));
    }
}
