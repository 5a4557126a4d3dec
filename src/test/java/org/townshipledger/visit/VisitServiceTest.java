package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Page;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdCheck;
import org.townshipledger.household.HouseholdRow;
import org.townshipledger.village.Village;

/** Visits on a real ledger: what is refused, the household's check, the paged list and its filters. */
class VisitServiceTest {

    @TempDir
    Path dir;

    private VisitLedger ledger;
    private VisitService visits;
    private Village village;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedger(dir);
        visits = ledger.visits;
        village = ledger.village("大石村");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void aHouseholdVisitWithTheCheckBecomesTheHouseholdsVerifiedStatusForThatYear() {
        Cadre k = ledger.cadre("李走访");
        Household h = ledger.household(village, "王大山");
        VisitCheck check = new VisitCheck(true, true, false, true, true, "慢性病未签约家庭医生");
        Visit saved = visits.record(Visit.ofHousehold(h.id(), LocalDate.of(2026, 5, 10), VisitKind.HOME_VISIT,
                List.of(k.id())).withCheck(check).withNotes("家中老人有高血压", "联系村医上门"));

        assertThat(saved.villageId()).isEqualTo(village.id());
        assertThat(saved.targetName()).isEqualTo("王大山");
        assertThat(saved.cadreNames()).containsExactly("李走访");
        HouseholdCheck c = ledger.households.checks(h.id()).get(0);
        assertThat(c.year()).isEqualTo(2026);
        assertThat(c.basicMedical()).isFalse();
        assertThat(c.foodAndClothing()).isTrue();
        assertThat(c.note()).isEqualTo("慢性病未签约家庭医生");
        assertThat(c.verifiedOn()).isEqualTo(LocalDate.of(2026, 5, 10));

        // An older visit entered later does not replace what a later visit verified.
        visits.record(Visit.ofHousehold(h.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT, List.of(k.id()))
                .withCheck(VisitCheck.allAssured()));
        assertThat(ledger.households.checks(h.id()).get(0).basicMedical()).isFalse();

        // A newer one does; another year gets its own row.
        visits.record(Visit.ofHousehold(h.id(), LocalDate.of(2026, 6, 1), VisitKind.HOME_VISIT, List.of(k.id()))
                .withCheck(VisitCheck.allAssured()));
        visits.record(Visit.ofHousehold(h.id(), LocalDate.of(2025, 12, 1), VisitKind.HOME_VISIT, List.of(k.id()))
                .withCheck(new VisitCheck(false, true, true, true, true, null)));
        List<HouseholdCheck> checks = ledger.households.checks(h.id());
        assertThat(checks).extracting(HouseholdCheck::year).containsExactly(2026, 2025);
        assertThat(checks.get(0).allAssured()).isTrue();
        assertThat(checks.get(0).verifiedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(checks.get(1).foodAndClothing()).isFalse();
    }

    @Test
    void aVisitIsRefusedWithEveryReason() {
        Household h = ledger.household(village, "王大山");
        InvalidInputException e = catchThrowableOfType(() -> visits.record(new Visit(null, VisitTarget.HOUSEHOLD,
                h.id(), null, null, null, null, VisitLedger.TODAY.plusDays(1), "没有的类别", List.of(), null, null,
                null, null, 0)), InvalidInputException.class);
        assertThat(e.getMessage()).contains("请至少选择一名走访干部", "晚于今天", "没有的类别");

        Cadre k = ledger.cadre("李走访");
        // Today is fine; tomorrow is not.
        assertThat(visits.record(Visit.ofHousehold(h.id(), VisitLedger.TODAY, VisitKind.HOME_VISIT,
                List.of(k.id()))).date()).isEqualTo(VisitLedger.TODAY);
        assertThatThrownBy(() -> visits.record(Visit.ofVillage(village.id(), VisitLedger.TODAY,
                VisitKind.FORUM, List.of(k.id())).withCheck(VisitCheck.allAssured())))
                .hasMessageContaining("只有入户走访");
        assertThatThrownBy(() -> visits.record(Visit.ofHousehold(UUID.randomUUID(), VisitLedger.TODAY,
                VisitKind.HOME_VISIT, List.of(k.id())))).hasMessageContaining("没有这户");
        assertThatThrownBy(() -> visits.record(Visit.ofHousehold(h.id(), VisitLedger.TODAY, VisitKind.HOME_VISIT,
                List.of(k.id(), UUID.randomUUID())))).hasMessageContaining("干部已不在台账中");
        assertThatThrownBy(() -> visits.record(Visit.ofUnit(UUID.randomUUID(), VisitLedger.TODAY,
                VisitKind.RESEARCH, List.of(k.id())))).hasMessageContaining("帮扶单位");
        assertThat(visits.count()).isEqualTo(1);
    }

    @Test
    void anOfficeAddsItsOwnKindsInTheSettings() {
        Cadre k = ledger.cadre("李走访");
        assertThat(visits.kinds()).extracting(VisitKind::label).contains("入户走访", "座谈", "调研", "帮办实事",
                "政策宣讲", "暗访", "困难户/送温暖", "外出务工户/送友情");
        assertThatThrownBy(() -> visits.record(Visit.ofVillage(village.id(), VisitLedger.TODAY, "夜访",
                List.of(k.id())))).hasMessageContaining("夜访");

        visits.saveCustomKinds(List.of("夜访", " 节日慰问 ", "夜访"));
        assertThat(visits.kinds()).extracting(VisitKind::label).endsWith("夜访", "节日慰问");
        assertThat(visits.kind("入户走访")).map(VisitKind::code).contains(VisitKind.HOME_VISIT);
        assertThat(visits.kind("home visit")).map(VisitKind::code).contains(VisitKind.HOME_VISIT);
        Visit v = visits.record(Visit.ofVillage(village.id(), VisitLedger.TODAY, "夜访", List.of(k.id())));
        assertThat(visits.kindLabel(v.kind())).isEqualTo("夜访");
    }

    @Test
    void theListIsPagedInSqlAndFilteredByCadreVillageMonthAndKind() {
        Cadre a = ledger.cadre("甲干部");
        Cadre b = ledger.cadre("乙干部");
        Village other = ledger.village("小河村");
        Household h = ledger.household(village, "王大山");
        Household g = ledger.household(other, "赵小河");
        List<Visit> made = new ArrayList<>();
        // 60 household visits by a (b goes along on every third), over three months; 10 village meetings by b.
        for (int i = 0; i < 60; i++) {
            LocalDate day = LocalDate.of(2026, 4, 1).plusDays(i);
            List<UUID> who = i % 3 == 0 ? List.of(a.id(), b.id()) : List.of(a.id());
            made.add(visits.record(Visit.ofHousehold(i % 2 == 0 ? h.id() : g.id(), day, VisitKind.HOME_VISIT, who)));
        }
        for (int i = 0; i < 10; i++) {
            visits.record(Visit.ofVillage(other.id(), LocalDate.of(2026, 5, 1 + i), VisitKind.FORUM,
                    List.of(b.id())));
        }

        Page<Visit> first = visits.page(VisitFilter.all(), 0);
        assertThat(first.total()).isEqualTo(70);
        assertThat(first.rows()).hasSize(VisitService.PAGE_SIZE);
        assertThat(first.rows().get(0).date()).isEqualTo(LocalDate.of(2026, 5, 30));
        assertThat(first.rows()).isSortedAccordingTo((x, y) -> y.date().compareTo(x.date()));
        Page<Visit> second = visits.page(VisitFilter.all(), 1);
        assertThat(second.offset()).isEqualTo(50);
        assertThat(second.rows()).hasSize(20).doesNotContainAnyElementsOf(first.rows());

        Page<Visit> byA = visits.page(VisitFilter.byCadre(a.id()), 0);
        assertThat(byA.total()).isEqualTo(60);
        assertThat(byA.rows()).allMatch(v -> v.cadreIds().get(0).equals(a.id()));
        Page<Visit> byB = visits.page(VisitFilter.byCadre(b.id()), 0);
        assertThat(byB.total()).isEqualTo(30);
        assertThat(byB.rows()).filteredOn(v -> v.cadreIds().size() == 2)
                .allMatch(v -> v.cadreNames().equals(List.of("甲干部", "乙干部")));

        assertThat(visits.page(VisitFilter.byMonth(YearMonth.of(2026, 4)), 0).total()).isEqualTo(30);
        assertThat(visits.page(VisitFilter.byMonth(YearMonth.of(2026, 5)), 0).total()).isEqualTo(40);
        assertThat(visits.page(VisitFilter.byCadre(b.id()).withMonth(YearMonth.of(2026, 5)), 0).total())
                .isEqualTo(20);
        assertThat(visits.page(VisitFilter.all().withVillage(other.id()), 0).total()).isEqualTo(40);
        assertThat(visits.page(VisitFilter.all().withVillage(other.id()).withKind(VisitKind.FORUM), 0).total())
                .isEqualTo(10);
        assertThat(visits.page(VisitFilter.byCadre(a.id()).withKind(VisitKind.FORUM), 0).total()).isZero();
        assertThat(visits.page(VisitFilter.byCadre(b.id()).withVillage(other.id()), 0).total()).isEqualTo(20);
        assertThat(visits.page(VisitFilter.all().withHousehold(h.id()), 0).total()).isEqualTo(30);

        // The recycle bin: a removed visit leaves every list, and comes back.
        Visit gone = made.get(0);
        visits.remove(gone);
        assertThat(visits.page(VisitFilter.all(), 0).total()).isEqualTo(69);
        assertThat(visits.page(VisitFilter.byCadre(b.id()), 0).total()).isEqualTo(29);
        assertThat(visits.visitsInBin()).extracting(Visit::id).containsExactly(gone.id());
        visits.restore(gone.id());
        assertThat(visits.page(VisitFilter.byCadre(b.id()), 0).total()).isEqualTo(30);
    }

    @Test
    void anEditChangesTheCadresAndAStaleEditIsRefused() {
        Cadre a = ledger.cadre("甲干部");
        Cadre b = ledger.cadre("乙干部");
        Household h = ledger.household(village, "王大山");
        Visit v = visits.record(Visit.ofHousehold(h.id(), LocalDate.of(2026, 6, 1), VisitKind.HOME_VISIT,
                List.of(a.id())));
        Visit edited = visits.update(v.withCadres(List.of(b.id(), a.id())).withNotes("看过了", null));
        assertThat(edited.cadreNames()).containsExactly("乙干部", "甲干部");
        assertThat(edited.seen()).isEqualTo("看过了");
        assertThat(visits.page(VisitFilter.byCadre(b.id()), 0).total()).isEqualTo(1);
        assertThatThrownBy(() -> visits.update(v.withNotes("旧版本", null))).isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> visits.remove(v)).isInstanceOf(StaleRecordException.class);
    }

    @Test
    void householdsAreFoundByNameInitialsOrIdTailAndACadresRecentOnesComeFirst() {
        Cadre k = ledger.cadre("李走访");
        Household wang = ledger.household(village, "王大山");
        Household zhao = ledger.household(village, "赵小河");
        Household sun = ledger.household(village, "孙二娘");
        assertThat(visits.searchHouseholds("王大", 10)).extracting(HouseholdRow::headName).containsExactly("王大山");
        assertThat(visits.searchHouseholds("zxh", 10)).extracting(HouseholdRow::headName).containsExactly("赵小河");
        String id = sun.members().get(0).idNumber();
        assertThat(visits.searchHouseholds(id.substring(14), 10)).extracting(HouseholdRow::id).contains(sun.id());
        assertThat(visits.searchHouseholds(" ", 10)).isEmpty();

        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 6, 1), VisitKind.HOME_VISIT, List.of(k.id())));
        visits.record(Visit.ofHousehold(zhao.id(), LocalDate.of(2026, 6, 3), VisitKind.HOME_VISIT, List.of(k.id())));
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 6, 5), VisitKind.HOME_VISIT, List.of(k.id())));
        visits.record(Visit.ofVillage(village.id(), LocalDate.of(2026, 6, 6), VisitKind.FORUM, List.of(k.id())));
        assertThat(visits.recentHouseholds(k.id())).extracting(VisitRepository.RecentHousehold::headName)
                .containsExactly("王大山", "赵小河");
        assertThat(visits.recentHouseholds(k.id()).get(0).lastVisit()).isEqualTo(LocalDate.of(2026, 6, 5));
    }
}
