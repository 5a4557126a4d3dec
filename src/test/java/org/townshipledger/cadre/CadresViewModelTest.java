package org.townshipledger.cadre;

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
import org.townshipledger.cadre.CadresViewModel.PostingAction;
import org.townshipledger.cadre.CadresViewModel.Row;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** The 干部 and 帮扶单位 screens' state against a real ledger, work run on the test thread. */
class CadresViewModelTest {

    private static final String LI_ID = IdNumber.make("430599", LocalDate.of(1985, 6, 1), 13);

    @TempDir
    Path dir;

    private Database db;
    private CadreService service;
    private VillageService villages;
    private StatusBarModel status;
    private CadresViewModel vm;
    private Clock clock;
    private Unit bureau;
    private Village dashi;
    private Village longquan;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        clock = Clock.fixed(Instant.parse("2025-06-01T06:05:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        service = new CadreService(db, villages, settings, clock);
        bureau = service.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
        dashi = village("大石村");
        longquan = village("龙泉村");
        status = new StatusBarModel();
        vm = new CadresViewModel(service, villages, new CurrentThreadTaskExecutor(), status, clock);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Village village(String name) {
        return villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null, null,
                Set.of(), List.of(), 0, null, null));
    }

    private Cadre saved(String name, Sex sex, int birthYear) {
        return service.saveCadre(new Cadre(null, name, sex, LocalDate.of(birthYear, 1, 1), null, null, bureau.id(),
                null, Rank.GENERAL, true, null, 0, null));
    }

    @Test
    void typingAValidIdFillsSexAndBirthDateAndSavingStoresTheCadre() {
        vm.newCadre();
        vm.nameProperty().set("李明");
        vm.idNumberProperty().set(LI_ID.substring(0, 10));
        assertThat(vm.sexProperty().get()).isNull();

        vm.idNumberProperty().set(LI_ID);
        assertThat(vm.sexProperty().get()).isEqualTo(Sex.MALE);
        assertThat(vm.birthDateProperty().get()).isEqualTo(LocalDate.of(1985, 6, 1));
        vm.unitProperty().set(vm.units().get(0));
        vm.rankProperty().set(Rank.SECTION_LEVEL);
        vm.phoneProperty().set("13912345678");

        assertThat(vm.save()).isTrue();

        Cadre stored = service.cadres(null, null, null).get(0);
        assertThat(stored.name()).isEqualTo("李明");
        assertThat(stored.idNumber()).isEqualTo(LI_ID);
        assertThat(stored.unitName()).isEqualTo("县农业农村局");
        assertThat(status.messageProperty().get()).isEqualTo("已保存 14:05");
        assertThat(vm.editingProperty().get().id()).isEqualTo(stored.id());
        assertThat(vm.rows()).extracting(r -> r.cadre().name(), Row::age).containsExactly(
                org.assertj.core.groups.Tuple.tuple("李明", 40));
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void fieldProblemsShowUnderTheirFieldsAndNothingIsSent() {
        vm.newCadre();
        vm.validate(CadreRules.FIELD_NAME);
        assertThat(vm.errorProperty(CadreRules.FIELD_NAME).get()).isEqualTo("请填写干部姓名");

        vm.nameProperty().set("王芳");
        vm.idNumberProperty().set("43059919920203002");
        vm.validate(CadreRules.FIELD_ID);
        assertThat(vm.errorProperty(CadreRules.FIELD_ID).get()).startsWith("王芳：身份证号“43059919920203002”的格式不对");

        vm.idNumberProperty().set("");
        vm.sexProperty().set(Sex.FEMALE);
        vm.birthDateProperty().set(LocalDate.of(1992, 2, 3));
        vm.idNumberProperty().set(LI_ID); // a man's number: fills in male and his birth date
        vm.sexProperty().set(Sex.FEMALE);
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty(CadreRules.FIELD_SEX).get()).isEqualTo("王芳：性别填的是“女”，但身份证号显示为“男”");
        assertThat(service.cadreCount()).isZero();
    }

    @Test
    void anIdNumberOfAnotherCadreIsRefusedByTheServiceAndShownOnTheForm() {
        service.saveCadre(new Cadre(null, "李明", Sex.MALE, null, LI_ID, null, null, null, null, false, null, 0, null));
        vm.load();
        vm.newCadre();
        vm.nameProperty().set("李鸣");
        vm.idNumberProperty().set(LI_ID);

        assertThat(vm.save()).isTrue();

        assertThat(vm.formErrorProperty().get()).isEqualTo("李鸣 的身份证号已属于干部 李明");
        assertThat(vm.nameProperty().get()).isEqualTo("李鸣");
        assertThat(service.cadreCount()).isEqualTo(1);
    }

    @Test
    void theListFiltersByNameInitialsRankRoleAndVillage() {
        Cadre li = saved("李明", Sex.MALE, 1985);
        saved("王芳", Sex.FEMALE, 1992);
        service.assign(Assignment.start(li.id(), dashi.id(), Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1),
                bureau.id()));
        service.assign(Assignment.start(li.id(), longquan.id(), Role.CADRE_IN_CHARGE, LocalDate.of(2024, 3, 1), null));
        vm.load();

        assertThat(vm.rows()).extracting(r -> r.cadre().name(), Row::postings).containsExactly(
                org.assertj.core.groups.Tuple.tuple("李明", "大石村 驻村第一书记；龙泉村 包村干部"),
                org.assertj.core.groups.Tuple.tuple("王芳", ""));
        vm.searchProperty().set("wf");
        assertThat(vm.rows()).extracting(r -> r.cadre().name()).containsExactly("王芳");
        vm.searchProperty().set("");
        vm.roleFilterProperty().set(vm.roles().stream().filter(r -> r.code().equals(Role.FIRST_SECRETARY))
                .findFirst().orElseThrow());
        assertThat(vm.rows()).extracting(r -> r.cadre().name()).containsExactly("李明");
        vm.roleFilterProperty().set(null);
        vm.villageFilterProperty().set(vm.villages().get(1));
        assertThat(vm.rows()).extracting(r -> r.cadre().name()).containsExactly("李明");
        vm.villageFilterProperty().set(null);
        vm.rankFilterProperty().set(Rank.COUNTY_LEVEL);
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void addEndAndReplacePostingsFromTheHistory() {
        Cadre li = saved("李明", Sex.MALE, 1985);
        Cadre zhang = saved("张强", Sex.MALE, 1988);
        vm.load();
        vm.edit(li);
        assertThat(vm.history()).isEmpty();

        vm.startAdd();
        assertThat(vm.actionProperty().get()).isEqualTo(PostingAction.ADD);
        assertThat(vm.actionDateProperty().get()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(vm.applyAction()).as("no village chosen").isFalse();
        assertThat(vm.actionErrorProperty().get()).isEqualTo("请选择村");
        vm.actionVillageProperty().set(dashi);
        vm.actionRoleProperty().set(service.role("驻村第一书记").orElseThrow());
        vm.actionDateProperty().set(LocalDate.of(2024, 3, 1));
        assertThat(vm.applyAction()).isTrue();
        assertThat(vm.actionProperty().get()).isEqualTo(PostingAction.NONE);
        assertThat(vm.history()).extracting(Assignment::villageName, Assignment::startDate, Assignment::sentByUnitName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("大石村", LocalDate.of(2024, 3, 1), "县农业农村局"));
        assertThat(vm.rows()).filteredOn(r -> r.cadre().name().equals("李明")).extracting(Row::postings)
                .containsExactly("大石村 驻村第一书记");

        // A second full-time posting at the same time: the service's message names the other one.
        vm.startAdd();
        vm.actionVillageProperty().set(longquan);
        vm.actionRoleProperty().set(service.role("驻村工作队员").orElseThrow());
        vm.applyAction();
        assertThat(vm.actionProperty().get()).isEqualTo(PostingAction.ADD);
        assertThat(vm.actionErrorProperty().get()).isEqualTo(
                "李明 在此期间已在 大石村 任 驻村第一书记（2024-03-01 至 至今），同一时间只能担任一个全职驻村岗位");
        vm.cancelAction();

        // 更换: 张强 takes over on 1 May; 李明's posting ends on 30 April with the reason.
        vm.selectedPostingProperty().set(vm.history().get(0));
        assertThat(vm.selectedIsOpenBinding().get()).isTrue();
        vm.startReplace();
        vm.actionCadreProperty().set(zhang);
        vm.actionDateProperty().set(LocalDate.of(2025, 5, 1));
        vm.actionReasonProperty().set("工作调动");
        assertThat(vm.applyAction()).isTrue();
        assertThat(vm.history()).extracting(Assignment::endDate, Assignment::endReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 4, 30), "工作调动"));
        assertThat(service.team(dashi.id(), LocalDate.of(2025, 6, 1))).extracting(Assignment::cadreName)
                .containsExactly("张强");
        assertThat(status.messageProperty().get()).isEqualTo("大石村 驻村第一书记 已由 李明 更换为 张强");

        // 结束任职 on 张强's posting.
        vm.edit(service.cadre(zhang.id()).orElseThrow());
        vm.selectedPostingProperty().set(vm.history().get(0));
        vm.startEnd();
        vm.actionDateProperty().set(LocalDate.of(2025, 5, 31));
        vm.actionReasonProperty().set("因病");
        vm.applyAction();
        assertThat(vm.history()).extracting(Assignment::endDate, Assignment::endReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 5, 31), "因病"));
        assertThat(vm.selectedIsOpenBinding().get()).isFalse();
    }

    @Test
    void unitsAreAddedAndEditedWithTheNameChecked() {
        UnitsViewModel units = new UnitsViewModel(service, new CurrentThreadTaskExecutor(), status, clock);
        units.load();
        assertThat(units.allUnits()).extracting(Unit::name).containsExactly("县农业农村局");

        units.newUnit();
        units.nameProperty().set("县农业农村局");
        assertThat(units.save()).isFalse();
        assertThat(units.nameErrorProperty().get()).isEqualTo("已有名为“县农业农村局”的单位");

        units.nameProperty().set("绿源农业公司");
        units.levelProperty().set(UnitLevel.COUNTY);
        units.typeProperty().set(UnitType.PRIVATE_ENTERPRISE);
        units.contactPersonProperty().set("王经理");
        assertThat(units.save()).isTrue();
        assertThat(service.units()).extracting(Unit::name, Unit::type, Unit::contactPerson).contains(
                org.assertj.core.groups.Tuple.tuple("绿源农业公司", UnitType.PRIVATE_ENTERPRISE, "王经理"));

        units.phoneProperty().set("13800001111");
        assertThat(units.isDirty()).isTrue();
        units.save();
        assertThat(service.units()).filteredOn(u -> u.name().equals("绿源农业公司")).extracting(Unit::phone)
                .containsExactly("13800001111");
        units.filterProperty().set("lyny");
        assertThat(units.shownUnits()).extracting(Unit::name).containsExactly("绿源农业公司");
    }

    @Test
    void theVillageTeamShowsWhoIsInPostAndSavesTheDevelopmentPath() {
        Cadre li = saved("李明", Sex.MALE, 1985);
        Cadre young = saved("赵青", Sex.FEMALE, 1998);
        service.assign(Assignment.start(li.id(), dashi.id(), Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1), null));
        service.assign(Assignment.start(young.id(), dashi.id(), Role.RESERVE, LocalDate.of(2024, 3, 1), null));
        VillageTeamViewModel team = new VillageTeamViewModel(service, new CurrentThreadTaskExecutor(), status, clock);

        team.villageIdProperty().set(dashi.id());

        assertThat(team.teamProperty().get()).isEqualTo("驻村第一书记：李明");
        assertThat(team.reservesProperty().get()).isEqualTo("赵青（27 岁）");
        assertThat(team.yearProperty().get()).isEqualTo(2025);
        team.developmentPathProperty().set("发展油茶产业");
        team.saveDevelopmentPath();
        assertThat(service.developmentPath(dashi.id(), 2025)).isEqualTo("发展油茶产业");

        team.villageIdProperty().set(longquan.id());
        assertThat(team.teamProperty().get()).isEqualTo("暂无在任的干部");
        assertThat(team.developmentPathProperty().get()).isEmpty();
    }

    @Test
    void deletingACadreOrAPostingFromTheScreenMovesItToTheBinAndUndoBringsItBack() {
        Cadre li = saved("李明", Sex.MALE, 1985);
        service.assign(Assignment.start(li.id(), dashi.id(), Role.FIRST_SECRETARY, LocalDate.of(2025, 1, 1),
                bureau.id()));
        vm.load();
        vm.edit(service.cadre(li.id()).orElseThrow());
        vm.selectedPostingProperty().set(vm.history().get(0));
        vm.removePosting();
        assertThat(status.messageProperty().get()).isEqualTo("已把任职记录“李明（驻村第一书记）”移到回收站");
        assertThat(service.assignmentsInBin()).hasSize(1);
        status.undo();
        assertThat(service.assignmentsInBin()).isEmpty();

        vm.edit(service.cadre(li.id()).orElseThrow());
        vm.moveToBin();
        assertThat(status.messageProperty().get()).isEqualTo("已把干部“李明”（连同其任职和结对）移到回收站");
        assertThat(vm.rows()).isEmpty();
        assertThat(service.cadresInBin()).extracting(Cadre::name).containsExactly("李明");
        status.undo();
        assertThat(vm.rows()).extracting(r -> r.cadre().name()).containsExactly("李明");
        assertThat(service.assignments(li.id(), null, null)).hasSize(1);
    }
}
