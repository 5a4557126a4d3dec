package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.household.Household;
import org.townshipledger.village.Village;

/** Problems and help given against hand-counted ledgers: the seed's 35 found / 30 resolved, money to the fen. */
class TallyTest {

    @TempDir
    Path dir;

    private VisitLedger ledger;
    private VisitService service;
    private Village dashi;
    private Village xiaohe;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedger(dir);
        service = ledger.visits;
        dashi = ledger.village("大石村");
        xiaohe = ledger.village("小河村");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private Problem raise(Village v, LocalDate on) {
        return service.raise(Problem.found(ProblemKind.DISPUTE, DisputeKind.NEIGHBOURS, "张三", v.id(), on,
                "宅旁排水沟纠纷"));
    }

    private Problem resolve(Problem p, SettledLevel at) {
        return service.updateProblem(p.withStatus(ProblemStatus.RESOLVED, p.raisedOn().plusDays(3), "调解达成协议",
                at));
    }

    @Test
    void thirtyFiveFoundAndThirtyResolvedIs85Point71Percent() {
        // 大石村: 20 found, 18 resolved (15 in the village, 3 at the township), 1 reported to the county, 1 open.
        // 小河村: 15 found, 12 resolved (12 in the village), 2 being mediated, 1 reported to the township.
        List<Problem> dashiProblems = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            dashiProblems.add(raise(dashi, LocalDate.of(2026, 1, 5).plusDays(i)));
        }
        for (int i = 0; i < 18; i++) {
            resolve(dashiProblems.get(i), i < 15 ? SettledLevel.VILLAGE : SettledLevel.TOWNSHIP);
        }
        service.updateProblem(dashiProblems.get(18).withStatus(ProblemStatus.TO_COUNTY, null, null, null));
        List<Problem> xiaoheProblems = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            xiaoheProblems.add(raise(xiaohe, LocalDate.of(2026, 2, 1).plusDays(i)));
        }
        for (int i = 0; i < 12; i++) {
            resolve(xiaoheProblems.get(i), SettledLevel.VILLAGE);
        }
        service.updateProblem(xiaoheProblems.get(12).withStatus(ProblemStatus.MEDIATING, null, null, null));
        service.updateProblem(xiaoheProblems.get(13).withStatus(ProblemStatus.MEDIATING, null, null, null));
        service.updateProblem(xiaoheProblems.get(14).withStatus(ProblemStatus.TO_TOWNSHIP, null, null, null));
        // Last year's and removed problems do not count.
        raise(dashi, LocalDate.of(2025, 12, 31));
        service.removeProblem(raise(xiaohe, LocalDate.of(2026, 3, 1)));

        ProblemTally t = service.problemTally(2026, null);
        assertThat(t.total().found()).isEqualTo(35);
        assertThat(t.total().resolved()).isEqualTo(30);
        assertThat(t.total().rate()).isEqualByComparingTo("85.71");
        assertThat(t.total().rate().scale()).isEqualTo(2);
        assertThat(t.total().inVillage()).isEqualTo(27);
        assertThat(t.total().inTownship()).isEqualTo(3);
        assertThat(t.total().escalated()).isEqualTo(2);
        assertThat(t.villages()).extracting(ProblemTally.Line::villageName).containsExactly("大石村", "小河村");
        assertThat(t.villages().get(0).rate()).isEqualByComparingTo("90.00");
        assertThat(t.villages().get(1).rate()).isEqualByComparingTo("80.00");

        ProblemTally one = service.problemTally(2026, xiaohe.id());
        assertThat(one.villages()).hasSize(1);
        assertThat(one.total().found()).isEqualTo(15);
        assertThat(service.problemTally(2024, null).total().rate()).isNull();
        assertThat(service.problems(new ProblemFilter(dashi.id(), 2026, ProblemStatus.RESOLVED, null))).hasSize(18);
    }

    @Test
    void aProblemIsRefusedWithEveryReason() {
        InvalidInputException e = catchThrowableOfType(() -> service.raise(new Problem(null, ProblemKind.HARDSHIP,
                DisputeKind.LABOUR, null, null, null, null, null, VisitLedger.TODAY.plusDays(1), null,
                ProblemStatus.RESOLVED, null, null, null, null, 0)), InvalidInputException.class);
        assertThat(e.getMessage()).contains("只有矛盾纠纷", "请填写反映人", "请选择诉求所在的村", "晚于今天",
                "化解日期", "化解层级");
        Problem p = raise(dashi, LocalDate.of(2026, 5, 1));
        assertThatThrownBy(() -> service.updateProblem(p.withStatus(ProblemStatus.RESOLVED,
                LocalDate.of(2026, 4, 1), "x", SettledLevel.VILLAGE))).hasMessageContaining("早于反映日期");
        // A household that raised it gives the village.
        Household h = ledger.household(xiaohe, "赵小河");
        Problem byHousehold = service.raise(new Problem(null, ProblemKind.POLICY, null, null, h.id(), null, null,
                null, LocalDate.of(2026, 5, 2), "低保政策咨询", null, null, null, null, null, 0));
        assertThat(byHousehold.villageName()).isEqualTo("小河村");
        assertThat(byHousehold.householdName()).isEqualTo("赵小河");
        assertThat(byHousehold.status()).isEqualTo(ProblemStatus.FOUND);
    }

    @Test
    void helpIsSummedToTheFenByKindByVillageAndInTotal() {
        Cadre k = ledger.cadre("李帮扶");
        Household h = ledger.household(dashi, "王大山");
        // Hand-counted: 产业 1,234.56 + 0.01 + 99,999.99 money, 300.10 goods (大石村); 产业 0.07 (小河村);
        // 教育 2,000.00 money + 150.55 goods (小河村); 饮水 0.10 + 0.20 (大石村, money that doubles would not add up).
        give(HelpItem.forHousehold(h.id(), HelpKind.INDUSTRY, "养牛", new BigDecimal("1234.56"),
                new BigDecimal("300.10"), LocalDate.of(2026, 3, 1), HelpStatus.DONE).withHelper(k.id(), null));
        give(HelpItem.forVillage(dashi.id(), HelpKind.INDUSTRY, "合作社", new BigDecimal("0.01"), null,
                LocalDate.of(2026, 3, 2), HelpStatus.IN_PROGRESS));
        give(HelpItem.forVillage(dashi.id(), HelpKind.INDUSTRY, "大棚", new BigDecimal("99999.99"), BigDecimal.ZERO,
                LocalDate.of(2026, 3, 3), HelpStatus.PLANNED).withHelper(null, ledger.bureau.id()));
        give(HelpItem.forVillage(xiaohe.id(), HelpKind.INDUSTRY, "种苗", new BigDecimal("0.07"), null,
                LocalDate.of(2026, 4, 1), HelpStatus.DONE));
        give(HelpItem.forVillage(xiaohe.id(), HelpKind.EDUCATION, "助学金", new BigDecimal("2000"),
                new BigDecimal("150.55"), LocalDate.of(2026, 9, 1).minusMonths(4), HelpStatus.DONE));
        give(HelpItem.forHousehold(h.id(), HelpKind.WATER, "水管", new BigDecimal("0.1"), null,
                LocalDate.of(2026, 5, 1), HelpStatus.DONE));
        give(HelpItem.forHousehold(h.id(), HelpKind.WATER, "水表", new BigDecimal("0.2"), null,
                LocalDate.of(2026, 5, 2), HelpStatus.DONE));
        // Another year's does not count.
        give(HelpItem.forVillage(dashi.id(), HelpKind.INDUSTRY, "去年", new BigDecimal("5"), null,
                LocalDate.of(2025, 5, 2), HelpStatus.DONE));

        HelpTally t = service.helpTally(2026);
        assertThat(t.total().items()).isEqualTo(7);
        assertThat(t.total().money()).isEqualTo(new BigDecimal("103234.93"));
        assertThat(t.total().goods()).isEqualTo(new BigDecimal("450.65"));
        assertThat(t.total().value()).isEqualTo(new BigDecimal("103685.58"));
        HelpTally.Sum industry = t.byKind().stream().filter(s -> s.kind() == HelpKind.INDUSTRY).findFirst()
                .orElseThrow();
        assertThat(industry.items()).isEqualTo(4);
        assertThat(industry.money()).isEqualTo(new BigDecimal("101234.63"));
        assertThat(industry.goods()).isEqualTo(new BigDecimal("300.10"));
        HelpTally.Sum water = t.byKind().stream().filter(s -> s.kind() == HelpKind.WATER).findFirst().orElseThrow();
        assertThat(water.money()).isEqualTo(new BigDecimal("0.30"));
        assertThat(t.byKind()).extracting(HelpTally.Sum::kind)
                .containsExactly(HelpKind.INDUSTRY, HelpKind.EDUCATION, HelpKind.WATER);
        assertThat(t.byVillage()).extracting(HelpTally.Sum::villageName).containsExactly("大石村", "小河村");
        assertThat(t.byVillage().get(0).money()).isEqualTo(new BigDecimal("101234.86"));
        assertThat(t.byVillage().get(1).money()).isEqualTo(new BigDecimal("2000.07"));
        assertThat(t.byVillageAndKind()).hasSize(4);

        assertThat(service.helpItems(new HelpFilter(dashi.id(), 2026, null, null)))
                .extracting(HelpItem::helperName).contains("李帮扶", "县农业农村局");
        assertThat(service.helpItems(new HelpFilter(null, 2026, null, h.id()))).hasSize(3)
                .allMatch(i -> "王大山".equals(i.householdName()) && i.villageId().equals(dashi.id()));
    }

    @Test
    void anAmountFinerThanAFenOrNegativeIsRefused() {
        assertThatThrownBy(() -> give(HelpItem.forVillage(dashi.id(), HelpKind.OTHER, "x", new BigDecimal("1.001"),
                null, LocalDate.of(2026, 1, 1), HelpStatus.DONE))).hasMessageContaining("分");
        assertThatThrownBy(() -> give(HelpItem.forVillage(dashi.id(), HelpKind.OTHER, "x", BigDecimal.ONE,
                new BigDecimal("-0.01"), LocalDate.of(2026, 1, 1), HelpStatus.DONE))).hasMessageContaining("负数");
        assertThat(give(HelpItem.forVillage(dashi.id(), HelpKind.OTHER, "x", new BigDecimal("1.500"), null,
                LocalDate.of(2026, 1, 1), HelpStatus.DONE)).money()).isEqualTo(new BigDecimal("1.50"));
        assertThat(service.helpCount()).isEqualTo(1);
    }

    private HelpItem give(HelpItem item) {
        return service.give(item);
    }
}
