package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.Finding;
import org.townshipledger.cadre.Rank;
import org.townshipledger.common.Messages;
import org.townshipledger.household.Household;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingKind;
import org.townshipledger.pairing.TargetKind;
import org.townshipledger.village.Village;

/** The visit rules on hand-made ledgers: each finding fires, at its boundary, and clears once the visits are in. */
class VisitCheckTest {

    private static final LocalDate TODAY = VisitLedger.TODAY;

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

    private List<Finding> findings(String ruleKey) {
        return visits.checkVisits(VisitLedger.YEAR).stream().filter(f -> f.rule().equals(Messages.get(ruleKey)))
                .toList();
    }

    private void visit(Household h, LocalDate on, Cadre... who) {
        visits.record(Visit.ofHousehold(h.id(), on, VisitKind.HOME_VISIT, java.util.Arrays.stream(who)
                .map(Cadre::id).toList()));
    }

    @Test
    void aHouseholdLastVisited91DaysAgoIsOverdueBut89And90AreNot() {
        Cadre k = ledger.cadre("李走访");
        Household d89 = ledger.household(village, "八十九");
        Household d90 = ledger.household(village, "九十天");
        Household d91 = ledger.household(village, "九十一");
        Household never = ledger.household(village, "没去过");
        visit(d89, TODAY.minusDays(89), k);
        visit(d90, TODAY.minusDays(90), k);
        visit(d91, TODAY.minusDays(91), k);
        visit(d91, TODAY.minusDays(200), k);
        ledger.pairings.pair(Pairing.ofHousehold(k.id(), d91.id(), PairingKind.ONE_TO_ONE, LocalDate.of(2025, 1, 1)));

        List<Finding> overdue = findings("check.rule.overdueVisit");
        assertThat(overdue).extracting(Finding::detail).containsExactlyInAnyOrder(
                "户主 九十一 已 91 天未走访（上次 " + TODAY.minusDays(91) + "），超过 90 天", "户主 没去过 从未走访");
        assertThat(overdue).filteredOn(f -> f.detail().contains("九十一")).singleElement()
                .satisfies(f -> assertThat(f.inCharge()).startsWith("李走访 139"));
        assertThat(overdue).filteredOn(f -> f.detail().contains("没去过")).singleElement()
                .satisfies(f -> assertThat(f.inCharge()).isEqualTo("（无帮扶责任人）"));

        // A visit today clears it; a visit in the recycle bin does not count.
        visit(d91, TODAY, k);
        visits.remove(visits.page(VisitFilter.all().withHousehold(never.id()), 0).rows().stream().findFirst()
                .orElseGet(() -> visits.record(Visit.ofHousehold(never.id(), TODAY, VisitKind.HOME_VISIT,
                        List.of(k.id())))));
        assertThat(findings("check.rule.overdueVisit")).extracting(Finding::detail)
                .containsExactly("户主 没去过 从未走访");

        // The threshold is a setting.
        visits.saveRules(new VisitRules(2, 88, 2));
        assertThat(findings("check.rule.overdueVisit")).extracting(Finding::detail)
                .anyMatch(d -> d.contains("八十九")).anyMatch(d -> d.contains("九十天"));
    }

    @Test
    void aHelperWhoVisitedAPairedHouseholdOnceThisYearIsBehindUntilTheSecondVisit() {
        Cadre helper = ledger.cadre("王帮扶");
        Cadre other = ledger.cadre("赵同事");
        Household h = ledger.household(village, "钱户主");
        ledger.pairings.pair(Pairing.ofHousehold(helper.id(), h.id(), PairingKind.ONE_TO_ONE,
                LocalDate.of(2025, 1, 1)));
        visit(h, LocalDate.of(2025, 12, 20), helper);      // last year: does not count
        visit(h, LocalDate.of(2026, 2, 1), helper, other);  // with a colleague: counts for both
        visit(h, LocalDate.of(2026, 3, 1), other);          // without the helper: does not count

        assertThat(findings("check.rule.fewHelperVisits")).singleElement().satisfies(f -> {
            assertThat(f.village()).isEqualTo("大石村");
            assertThat(f.detail()).isEqualTo("王帮扶 今年走访结对户 户主 钱户主 1 次，应不少于 2 次");
            assertThat(f.inCharge()).startsWith("王帮扶 139");
        });
        visit(h, LocalDate.of(2026, 5, 1), other, helper);
        assertThat(findings("check.rule.fewHelperVisits")).isEmpty();
    }

    @Test
    void aCountyLeaderWhoVisitedTheContactVillageOnceIsBehind() {
        Cadre leader = ledger.cadre("孙县长", Rank.COUNTY_LEVEL);
        Cadre section = ledger.cadre("周科长", Rank.SECTION_LEVEL);
        Village other = ledger.village("小河村");
        for (Cadre k : List.of(leader, section)) {
            ledger.pairings.pair(new Pairing(null, k.id(), null, null, null, null, TargetKind.VILLAGE, null, null,
                    village.id(), null, null, PairingKind.ONE_TO_ONE, LocalDate.of(2025, 1, 1), null, null, null, 0));
        }
        visits.record(Visit.ofVillage(village.id(), LocalDate.of(2026, 4, 1), VisitKind.RESEARCH,
                List.of(leader.id())));
        visits.record(Visit.ofVillage(other.id(), LocalDate.of(2026, 4, 2), VisitKind.RESEARCH,
                List.of(leader.id())));

        assertThat(findings("check.rule.fewLeaderVisits")).singleElement().satisfies(f -> {
            assertThat(f.village()).isEqualTo("大石村");
            assertThat(f.detail()).isEqualTo("孙县长 今年到联系村 大石村 走访 1 次，应不少于 2 次");
        });
        // A household visit in the contact village counts as a visit there.
        Household h = ledger.household(village, "吴户主");
        visit(h, LocalDate.of(2026, 5, 1), leader);
        assertThat(findings("check.rule.fewLeaderVisits")).isEmpty();
    }

    @Test
    void aPastYearIsCheckedOnItsLastDay() {
        Cadre k = ledger.cadre("李走访");
        Household h = ledger.household(village, "郑户主");
        visit(h, LocalDate.of(2025, 10, 2), k); // 90 days before 2025-12-31
        assertThat(visits.checkVisits(2025)).noneMatch(f -> f.detail().contains("郑户主"));
        assertThat(visits.checkVisits(2026)).anyMatch(f -> f.detail().contains("郑户主")
                && f.detail().contains("上次 2025-10-02"));
    }
}
