package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdCheck;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/** The quick entry form on a real ledger: a visit typed and saved with its check and problems, refusals, an edit. */
class VisitEntryViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse(VisitLedger.TODAY + "T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private VisitLedger ledger;
    private StatusBarModel status;
    private VisitEntryViewModel vm;
    private Village dashi;
    private Cadre liMing;
    private Household wang;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedger(dir);
        dashi = ledger.village("大石村");
        liMing = ledger.cadre("李明");
        ledger.cadre("刘晓");
        wang = ledger.household(dashi, "王大山");
        ledger.household(dashi, "张小红");
        status = new StatusBarModel();
        vm = new VisitEntryViewModel(ledger.visits, new CurrentThreadTaskExecutor(), status, CLOCK);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void pickCadreAndHousehold() {
        vm.cadreQueryProperty().set("lm");
        assertThat(vm.cadreSuggestions()).extracting(Cadre::name).containsExactly("李明");
        vm.pickCadre(vm.cadreSuggestions().get(0));
        vm.householdQueryProperty().set("wds");
        vm.searchHouseholds();
        assertThat(vm.suggestions()).extracting(HouseholdPick::headName).containsExactly("王大山");
        vm.pickHousehold(vm.suggestions().get(0));
    }

    @Test
    void aHouseholdVisitIsSavedWithItsCheckAndProblemsAndTheFormIsReadyForTheNext() {
        assertThat(vm.kindProperty().get().code()).isEqualTo(VisitKind.HOME_VISIT);
        assertThat(vm.dateProperty().get()).isEqualTo(VisitLedger.TODAY);
        pickCadreAndHousehold();
        assertThat(vm.householdQueryProperty().get()).isEqualTo("王大山（大石村）");
        vm.seenProperty().set("家中老人有高血压");
        vm.doneProperty().set("联系村医上门");
        vm.medicalProperty().set(false);
        vm.checkNoteProperty().set("未签约家庭医生");
        vm.problemKindProperty().set(ProblemKind.DISPUTE);
        vm.problemSubKindProperty().set(DisputeKind.HOMESTEAD);
        vm.problemTextProperty().set("与邻居宅基地边界争议");
        assertThat(vm.addProblem()).isTrue();
        vm.problemKindProperty().set(ProblemKind.INFRASTRUCTURE);
        vm.problemTextProperty().set("村道路灯不亮");   // typed but not added: saving adds it

        assertThat(vm.save()).isTrue();

        List<Visit> saved = ledger.visits.page(VisitFilter.all(), 0).rows();
        assertThat(saved).hasSize(1);
        Visit v = saved.get(0);
        assertThat(v.targetName()).isEqualTo("王大山");
        assertThat(v.cadreNames()).containsExactly("李明");
        assertThat(v.date()).isEqualTo(VisitLedger.TODAY);
        assertThat(v.seen()).isEqualTo("家中老人有高血压");
        assertThat(v.check()).isEqualTo(new VisitCheck(true, true, false, true, true, "未签约家庭医生"));
        HouseholdCheck check = ledger.households.checks(wang.id()).get(0);
        assertThat(check.year()).isEqualTo(2026);
        assertThat(check.basicMedical()).isFalse();
        assertThat(check.verifiedOn()).isEqualTo(VisitLedger.TODAY);
        List<Problem> raised = ledger.visits.problems(new ProblemFilter(null, null, null, v.id()));
        assertThat(raised).extracting(Problem::kind, Problem::subKind, Problem::householdId, Problem::villageId,
                        Problem::raisedOn, Problem::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ProblemKind.DISPUTE, DisputeKind.HOMESTEAD, wang.id(),
                                dashi.id(), VisitLedger.TODAY, ProblemStatus.FOUND),
                        org.assertj.core.groups.Tuple.tuple(ProblemKind.INFRASTRUCTURE, null, wang.id(), dashi.id(),
                                VisitLedger.TODAY, ProblemStatus.FOUND));

        assertThat(status.messageProperty().get()).isEqualTo("已保存 10:00");
        assertThat(vm.cadreProperty().get().name()).isEqualTo("李明");
        assertThat(vm.householdProperty().get()).isNull();
        assertThat(vm.householdQueryProperty().get()).isEmpty();
        assertThat(vm.seenProperty().get()).isEmpty();
        assertThat(vm.medicalProperty().get()).isTrue();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.recent()).extracting(HouseholdPick::headName).containsExactly("王大山");
        assertThat(vm.pickRecent(1)).isTrue();
        assertThat(vm.householdProperty().get().householdId()).isEqualTo(wang.id());
        assertThat(vm.pickRecent(2)).isFalse();
    }

    @Test
    void whatIsMissingIsShownNextToItsFieldAndNothingTypedIsLost() {
        vm.seenProperty().set("路过了解情况");
        vm.householdQueryProperty().set("王");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty(VisitEntryViewModel.F_CADRE).get()).isEqualTo("请至少选择一名走访干部");
        assertThat(vm.errorProperty(VisitEntryViewModel.F_TARGET).get()).startsWith("请从下拉列表中选取农户");
        assertThat(vm.seenProperty().get()).isEqualTo("路过了解情况");

        pickCadreAndHousehold();
        vm.dateProperty().set(VisitLedger.TODAY.plusDays(1));
        assertThat(vm.save()).isTrue();   // sent; the service refuses the date
        assertThat(vm.errorProperty(VisitEntryViewModel.F_DATE).get()).isEqualTo("日期 2026-07-01 晚于今天");
        assertThat(vm.errorProperty(VisitEntryViewModel.F_CADRE).get()).isEmpty();
        assertThat(vm.seenProperty().get()).isEqualTo("路过了解情况");
        assertThat(vm.householdProperty().get().headName()).isEqualTo("王大山");
        assertThat(ledger.visits.count()).isZero();
    }

    @Test
    void aProblemThatCannotBeSavedKeepsTheVisitUnsavedToo() {
        pickCadreAndHousehold();
        vm.targetProperty().set(VisitTarget.VILLAGE);
        vm.villageProperty().set(vm.villages().get(0));
        vm.problemKindProperty().set(ProblemKind.HARDSHIP);
        vm.problemTextProperty().set("缺少灌溉水源");
        vm.addProblem();
        // A problem raised at a village meeting needs who raised it: refused, and the visit is not written either.
        assertThat(vm.save()).isTrue();
        assertThat(vm.errorProperty(VisitEntryViewModel.F_PROBLEMS).get()).contains("请填写反映人");
        assertThat(ledger.visits.count()).isZero();
        assertThat(ledger.visits.problemCount()).isZero();
        assertThat(vm.problems()).hasSize(1);
    }

    @Test
    void aVillageVisitHasNoCheckAndAnEditUpdatesTheSavedVisit() {
        pickCadreAndHousehold();
        vm.targetProperty().set(VisitTarget.VILLAGE);
        vm.villageProperty().set(vm.villages().get(0));
        vm.kindProperty().set(vm.kinds().stream().filter(k -> k.code().equals(VisitKind.FORUM)).findFirst()
                .orElseThrow());
        vm.seenProperty().set("村民座谈会");
        assertThat(vm.save()).isTrue();
        Visit v = ledger.visits.page(VisitFilter.all(), 0).rows().get(0);
        assertThat(v.target()).isEqualTo(VisitTarget.VILLAGE);
        assertThat(v.check()).isNull();
        assertThat(ledger.households.checks(wang.id())).isEmpty();

        VisitEntryViewModel editor = new VisitEntryViewModel(ledger.visits, new CurrentThreadTaskExecutor(), status,
                CLOCK);
        int[] reloads = {0};
        editor.setAfterSave(() -> reloads[0]++);
        editor.load();
        editor.edit(v.id());
        assertThat(editor.title()).isEqualTo("修改走访记录：大石村 2026-06-30");
        assertThat(editor.seenProperty().get()).isEqualTo("村民座谈会");
        assertThat(editor.cadreProperty().get().name()).isEqualTo("李明");
        editor.seenProperty().set("村民座谈会，到会 32 人");
        editor.dateProperty().set(LocalDate.of(2026, 6, 29));
        assertThat(editor.save()).isTrue();
        Visit edited = ledger.visits.visit(v.id()).orElseThrow();
        assertThat(edited.seen()).isEqualTo("村民座谈会，到会 32 人");
        assertThat(edited.date()).isEqualTo(LocalDate.of(2026, 6, 29));
        assertThat(edited.kind()).isEqualTo(VisitKind.FORUM);
        assertThat(ledger.visits.count()).isEqualTo(1);
        assertThat(reloads[0]).isEqualTo(1);
    }
}
