package org.townshipledger.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.townshipledger.household.SampleHouseholds.member;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** One household's detail against a real ledger, with the work run on the test thread. */
class HouseholdDetailViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private Clock clock;
    private HouseholdService service;
    private StatusBarModel status;
    private Village dashi;
    private final List<String> changes = new ArrayList<>();
    private final List<Household> deleted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        clock = Clock.fixed(Instant.parse("2025-06-01T06:05:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        dashi = villages.save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, true, null, null, null, null,
                Set.of(), List.of(VillageGroup.named("一组")), 0, null, null));
        service = new HouseholdService(db, villages, settings, clock);
        status = new StatusBarModel();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private HouseholdDetailViewModel detail() {
        return new HouseholdDetailViewModel(service, new CurrentThreadTaskExecutor(), status, clock,
                () -> changes.add("changed"), deleted::add);
    }

    private HouseholdDetailViewModel opened(Household h) {
        HouseholdDetailViewModel vm = detail();
        vm.open(h.id());
        return vm;
    }

    private List<String> messages(HouseholdDetailViewModel vm) {
        return vm.issues().stream().map(HouseholdIssue::message).toList();
    }

    @Test
    void aNewHouseholdWithOneMemberIsSavedAndTheIdFillsSexAndBirthDate() {
        HouseholdDetailViewModel vm = detail();
        vm.openNew(dashi.id(), null);
        assertThat(vm.villageProperty().get().name()).isEqualTo("大石村");
        assertThat(messages(vm)).containsExactly("这一户还没有家庭成员");
        assertThat(vm.hasErrorsBinding().get()).isTrue();
        assertThat(vm.save()).as("errors block saving").isFalse();

        MemberFormViewModel form = vm.memberForm(-1);
        assertThat(form.relationProperty().get()).as("the first member is the head").isEqualTo(Relation.HEAD);
        form.nameProperty().set("赵铁柱");
        String id = IdNumber.make("430599", LocalDate.of(1968, 4, 12), 135);
        form.idNumberProperty().set(id.substring(0, 17) + id.substring(17).toLowerCase(Locale.ROOT));
        assertThat(form.sexProperty().get()).isEqualTo(Sex.MALE);
        assertThat(form.birthDateProperty().get()).isEqualTo(LocalDate.of(1968, 4, 12));
        assertThat(form.completeBinding().get()).isTrue();
        vm.applyMember(-1, form.toMember());
        vm.phoneProperty().set("13712345678");
        vm.groupProperty().set(dashi.groups().get(0));
        vm.povertyStatusProperty().set(PovertyStatus.OUT);
        vm.exitYearProperty().set("2019");

        assertThat(vm.issues()).isEmpty();
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.save()).isTrue();

        Household saved = service.household(vm.editingProperty().get().id()).orElseThrow();
        assertThat(saved.members()).extracting(Member::name, Member::idNumber, Member::sex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("赵铁柱", id, Sex.MALE));
        assertThat(saved.groupName()).isEqualTo("一组");
        assertThat(saved.exitYear()).isEqualTo(2019);
        assertThat(status.messageProperty().get()).isEqualTo("已保存 14:05");
        assertThat(changes).containsExactly("changed");
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.titleBinding().get()).isEqualTo("赵铁柱户 · 大石村 一组");
    }

    @Test
    void anErrorShowsAsTheFormChangesAndBlocksSavingButAWarningDoesNot() {
        Household h = service.save(SampleHouseholds.household(dashi,
                member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household();
        HouseholdDetailViewModel vm = opened(h);
        assertThat(vm.issues()).isEmpty();

        MemberFormViewModel form = vm.memberForm(-1);
        assertThat(form.relationProperty().get()).as("the household has its head").isNull();
        form.nameProperty().set("张小红");
        form.idNumberProperty().set(IdNumber.make("430599", LocalDate.of(1995, 7, 1), 22));
        form.relationProperty().set(Relation.DAUGHTER);
        form.sexProperty().set(Sex.MALE);
        vm.applyMember(-1, form.toMember());
        assertThat(messages(vm)).containsExactly("张小红：性别填的是“男”，但身份证号显示为“女”",
                "张小红：与户主关系为“之女”，性别却是“男”，请核对");
        assertThat(vm.memberHasError(1)).isTrue();
        assertThat(vm.save()).isFalse();
        assertThat(service.household(h.id()).orElseThrow().members()).hasSize(1);

        // Fixing the sex leaves nothing; a son who is a girl is only a warning, and saves.
        MemberFormViewModel fix = vm.memberForm(1);
        fix.sexProperty().set(Sex.FEMALE);
        fix.relationProperty().set(Relation.SON);
        vm.applyMember(1, fix.toMember());
        assertThat(vm.issues()).extracting(HouseholdIssue::warning).containsExactly(true);
        assertThat(HouseholdDetailViewModel.describe(vm.issues().get(0)))
                .isEqualTo("提醒：张小红：与户主关系为“之子”，性别却是“女”，请核对");
        assertThat(vm.save()).isTrue();
        assertThat(service.household(h.id()).orElseThrow().members()).extracting(Member::name)
                .containsExactly("张大山", "张小红");

        vm.exitYearProperty().set("20x9");
        vm.povertyStatusProperty().set(PovertyStatus.OUT);
        vm.exitYearProperty().set("20x9");
        assertThat(messages(vm)).contains("脱贫年度“20x9”不是年份，请填写四位数字，如 2019");
        assertThat(vm.fieldHasError(HouseholdRules.FIELD_EXIT_YEAR)).isTrue();
        assertThat(vm.save()).isFalse();
    }

    @Test
    void aStaleSaveKeepsWhatWasTypedAndSaysWhy() {
        Household h = service.save(SampleHouseholds.household(dashi,
                member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household();
        HouseholdDetailViewModel first = opened(h);
        HouseholdDetailViewModel second = opened(h);
        first.phoneProperty().set("13811112222");
        assertThat(first.save()).isTrue();

        second.noteProperty().set("去年新建住房");
        assertThat(second.save()).isTrue();
        assertThat(second.formErrorProperty().get())
                .isEqualTo("“张大山”已在别处被修改或删除，本次保存未生效。请刷新后重新修改。");
        assertThat(second.noteProperty().get()).isEqualTo("去年新建住房");
        assertThat(status.messageProperty().get()).isEqualTo("未保存");
        assertThat(service.household(h.id()).orElseThrow().note()).isNull();
    }

    @Test
    void removingAMemberTakesEffectWithTheSave() {
        Household h = service.save(SampleHouseholds.household(dashi,
                member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11),
                member("张小明", Relation.SON, LocalDate.of(2000, 6, 1), 13))).household();
        HouseholdDetailViewModel vm = opened(h);
        vm.removeMember(1);
        assertThat(service.memberCount()).as("not before saving").isEqualTo(2);
        vm.save();
        assertThat(service.memberCount()).isEqualTo(1);
        assertThat(service.search(HouseholdQuery.all().withText("张小明"), 0, 10).total()).isZero();
    }

    @Test
    void checkAndIncomeAreKeptPerYearTheWorkingYearFirst() {
        Household h = service.save(SampleHouseholds.household(dashi,
                member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household();
        HouseholdDetailViewModel vm = opened(h);
        assertThat(vm.checkYearProperty().get()).isEqualTo(2025);
        assertThat(vm.years()).startsWith(2025, 2024).endsWith(2014);

        vm.foodAndClothingProperty().set(true);
        vm.compulsoryEducationProperty().set(true);
        vm.basicMedicalProperty().set(true);
        vm.housingSafetyProperty().set(true);
        vm.drinkingWaterProperty().set(true);
        vm.verifiedOnProperty().set(LocalDate.of(2025, 5, 20));
        vm.checkNoteProperty().set("入户核实");
        vm.saveCheck();
        assertThat(status.messageProperty().get()).isEqualTo("已保存 2025 年度的两不愁三保障核查");

        vm.checkYearProperty().set(2024);
        assertThat(vm.foodAndClothingProperty().get()).as("2024 has no check yet").isFalse();
        vm.foodAndClothingProperty().set(true);
        vm.saveCheck();
        vm.checkYearProperty().set(2025);
        assertThat(vm.drinkingWaterProperty().get()).isTrue();
        assertThat(vm.checkNoteProperty().get()).isEqualTo("入户核实");
        assertThat(service.checks(h.id())).extracting(HouseholdCheck::year, HouseholdCheck::allAssured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, true),
                        org.assertj.core.groups.Tuple.tuple(2024, false));

        assertThat(vm.incomeYearProperty().get()).isEqualTo(2025);
        vm.incomeAmountProperty().set("8,650.5");
        assertThat(vm.saveIncome()).isTrue();
        vm.incomeYearProperty().set(2024);
        assertThat(vm.incomeAmountProperty().get()).isEmpty();
        vm.incomeAmountProperty().set("７２００");
        vm.saveIncome();
        vm.incomeAmountProperty().set("abc");
        assertThat(vm.saveIncome()).isFalse();
        assertThat(vm.incomeErrorProperty().get()).isEqualTo("请填写金额（元），如 8650.50，最多两位小数");
        assertThat(service.incomes(h.id())).containsExactly(new Income(2025, new BigDecimal("8650.50")),
                new Income(2024, new BigDecimal("7200.00")));
        vm.incomeYearProperty().set(2025);
        assertThat(vm.incomeAmountProperty().get()).isEqualTo("8650.50");
    }

    @Test
    void movesASavedMemberToAnotherHouseholdFoundBySearch() {
        Household zhang = service.save(SampleHouseholds.household(dashi,
                member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11),
                member("张小红", Relation.DAUGHTER, LocalDate.of(1998, 2, 3), 22))).household();
        service.save(SampleHouseholds.household(dashi, member("王建国", Relation.HEAD, LocalDate.of(1996, 1, 2), 31)));
        HouseholdDetailViewModel vm = opened(zhang);

        vm.findMoveTargets("wjg");
        assertThat(vm.moveCandidates()).extracting(HouseholdRow::headName).containsExactly("王建国");
        vm.findMoveTargets("");
        assertThat(vm.moveCandidates()).as("not into itself").extracting(HouseholdRow::headName)
                .containsExactly("王建国");

        vm.phoneProperty().set("13500000000");
        assertThat(vm.moveMember(1, vm.moveCandidates().get(0))).as("unsaved changes first").isFalse();
        assertThat(vm.formErrorProperty().get()).isEqualTo("本户还有未保存的修改，请先保存，再转出成员");
        vm.phoneProperty().set("13800001111");

        assertThat(vm.moveMember(1, vm.moveCandidates().get(0))).isTrue();
        assertThat(vm.members()).extracting(Member::name).containsExactly("张大山");
        assertThat(status.messageProperty().get()).isEqualTo("已把 张小红 转到 王建国户");
        HouseholdRow wang = service.search(HouseholdQuery.all().withText("王建国"), 0, 1).rows().get(0);
        assertThat(service.household(wang.id()).orElseThrow().members()).extracting(Member::name)
                .containsExactly("王建国", "张小红");
    }

    @Test
    void deletingClosesTheDetailAndTellsTheList() {
        Household h = service.save(SampleHouseholds.household(dashi,
                member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household();
        HouseholdDetailViewModel vm = opened(h);
        vm.moveToBin();
        assertThat(vm.goneProperty().get()).isTrue();
        assertThat(deleted).extracting(Household::id).containsExactly(h.id());
        assertThat(service.householdCount()).isZero();
    }

    @Test
    void yuanAreReadAsClerksTypeThem() {
        assertThat(HouseholdDetailViewModel.parseYuan("8,650.5")).contains(new BigDecimal("8650.50"));
        assertThat(HouseholdDetailViewModel.parseYuan("８６５０．５０ 元")).contains(new BigDecimal("8650.50"));
        assertThat(HouseholdDetailViewModel.parseYuan("0")).contains(new BigDecimal("0.00"));
        assertThat(HouseholdDetailViewModel.parseYuan("-5")).isEmpty();
        assertThat(HouseholdDetailViewModel.parseYuan("1.234")).isEmpty();
        assertThat(HouseholdDetailViewModel.parseYuan("")).isEmpty();
    }
}
