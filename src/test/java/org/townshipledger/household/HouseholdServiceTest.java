package org.townshipledger.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Page;
import org.townshipledger.common.Sex;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** The households register against a real ledger file. */
class HouseholdServiceTest {

    @TempDir
    Path dir;

    private Database db;
    private HouseholdService service;
    private Village dashi;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        VillageService villages = new VillageService(db);
        dashi = villages.save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, true, null, null, null, null,
                java.util.Set.of(), List.of(VillageGroup.named("一组")), 0, null, null));
        service = new HouseholdService(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static Member member(String name, Relation relation, LocalDate birth, int sequence) {
        String id = IdNumber.make("430599", birth, sequence);
        return new Member(null, name, id, relation, IdNumber.sex(id), birth, "汉族", Education.PRIMARY, InSchool.NONE,
                Health.HEALTHY, LabourSkill.ORDINARY, WorkStatus.NOT_WORKING);
    }

    Household household(Member... members) {
        return new Household(null, null, dashi.id(), null, dashi.groups().get(0).id(), null, "13800001111",
                HouseholdCategory.GENERAL, PovertyCause.ILLNESS, PovertyStatus.NOT_OUT, null, null, null, false, null,
                null, List.of(members), 0, null, null);
    }

    @Test
    void savesAHouseholdAndFindsItByNameInitialsAndIdTail() {
        Member head = member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11);
        Member wife = member("李秀英", Relation.SPOUSE, LocalDate.of(1972, 8, 9), 22);
        HouseholdService.Saved saved = service.save(household(head, wife));

        assertThat(saved.warnings()).isEmpty();
        assertThat(saved.household().members()).extracting(Member::name).containsExactly("张大山", "李秀英");
        assertThat(service.householdCount()).isEqualTo(1);
        assertThat(service.memberCount()).isEqualTo(2);

        for (String text : new String[] {"张大山", "秀英", "lxy", "zds", head.idNumber().substring(14),
                wife.idNumber().substring(12)}) {
            Page<HouseholdRow> page = service.search(HouseholdQuery.all().withText(text), 0, 50);
            assertThat(page.total()).as(text).isEqualTo(1);
            assertThat(page.rows().get(0).headName()).isEqualTo("张大山");
            assertThat(page.rows().get(0).villageName()).isEqualTo("大石村");
            assertThat(page.rows().get(0).groupName()).isEqualTo("一组");
        }
        assertThat(service.search(HouseholdQuery.all().withText("王"), 0, 50).total()).isZero();
    }

    @Test
    void refusesAnIdHeldByAnotherPersonAndSexThatContradictsTheId() {
        Member head = member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11);
        service.save(household(head));
        Member copy = new Member(null, "王五", head.idNumber(), Relation.HEAD, head.sex(), head.birthDate(), null,
                null, null, null, null, null);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> service.save(household(copy)));
        assertThat(e.getMessage()).isEqualTo("王五 的身份证号已属于台账中的另一人：大石村 张大山户的 张大山");

        Member wrongSex = new Member(null, "赵六", IdNumber.make("430599", LocalDate.of(1980, 1, 1), 13), Relation.HEAD,
                Sex.FEMALE, LocalDate.of(1980, 1, 1), null, null, null, null, null, null);
        e = catchThrowableOfType(InvalidInputException.class, () -> service.save(household(wrongSex)));
        assertThat(e.getMessage()).contains("赵六：性别填的是“女”，但身份证号显示为“男”");
        assertThat(service.householdCount()).isEqualTo(1);
    }

    @Test
    void warnsButSavesWhenARelationContradictsSexOrAChildIsOlderThanTheHead() {
        Member head = member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11);
        Member son = member("张小红", Relation.SON, LocalDate.of(1965, 1, 1), 22);
        HouseholdService.Saved saved = service.save(household(head, son));
        assertThat(saved.warnings()).extracting(HouseholdIssue::message).containsExactlyInAnyOrder(
                "张小红：与户主关系为“之子”，性别却是“女”，请核对",
                "张小红（之子）比户主 张大山 年龄还大，请核对");
        assertThat(service.householdCount()).isEqualTo(1);
    }

    @Test
    void editingKeepsMemberIdsAndAStaleEditIsRefused() {
        Household saved = service.save(household(member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household();
        UUID headId = saved.members().get(0).id();
        List<Member> more = new java.util.ArrayList<>(saved.members());
        more.add(member("张小明", Relation.SON, LocalDate.of(2000, 6, 1), 13));
        Household edited = service.save(saved.withMembers(more)).household();
        assertThat(edited.members().get(0).id()).isEqualTo(headId);
        assertThat(edited.members()).hasSize(2);

        catchThrowableOfType(StaleRecordException.class, () -> service.save(saved.withMembers(more)));
        assertThat(service.household(saved.id()).orElseThrow().members()).hasSize(2);
    }

    @Test
    void checksAndIncomeAreKeptPerYear() {
        Household h = service.save(household(member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household();
        service.saveCheck(h.id(), new HouseholdCheck(2024, true, true, false, true, true, "医保未缴", LocalDate.of(2024, 5, 1)));
        service.saveCheck(h.id(), new HouseholdCheck(2025, true, true, true, true, true, null, LocalDate.of(2025, 5, 1)));
        service.saveIncome(h.id(), new Income(2025, new BigDecimal("8650.5")));

        assertThat(service.checks(h.id())).extracting(HouseholdCheck::year, HouseholdCheck::allAssured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, true), org.assertj.core.groups.Tuple.tuple(2024, false));
        assertThat(service.incomes(h.id())).containsExactly(new Income(2025, new BigDecimal("8650.50")));
    }

    @Test
    void movesAMemberToAnotherHouseholdButNeverTheHead() {
        Household a = service.save(household(member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11),
                member("张小红", Relation.DAUGHTER, LocalDate.of(1998, 2, 2), 22))).household();
        Household b = service.save(household(member("王强", Relation.HEAD, LocalDate.of(1996, 4, 4), 33))).household();
        UUID daughter = a.members().get(1).id();

        service.moveMember(a, daughter, b);

        assertThat(service.household(a.id()).orElseThrow().members()).extracting(Member::name).containsExactly("张大山");
        assertThat(service.household(b.id()).orElseThrow().members()).extracting(Member::name)
                .containsExactly("王强", "张小红");
        assertThat(service.household(b.id()).orElseThrow().members().get(1).id()).isEqualTo(daughter);
        Household fresh = service.household(a.id()).orElseThrow();
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> service.moveMember(fresh, fresh.members().get(0).id(), b)).getMessage()).contains("是户主");
    }

    @Test
    void binAndRestore() {
        Household h = service.save(household(member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household();
        service.moveToBin(h);
        assertThat(service.householdCount()).isZero();
        assertThat(service.householdsInBin()).extracting(HouseholdRow::headName).containsExactly("张大山");
        service.restore(h.id());
        assertThat(service.householdCount()).isEqualTo(1);
    }

    @Test
    void householdsOfAVillageInTheBinLeaveTheListAndTheExportAndComeBackWithIt() throws Exception {
        VillageService villages = new VillageService(db);
        Village longquan = villages.save(new Village(null, "龙泉村", null, null, VillageKind.VILLAGE, true, null, null,
                null, null, java.util.Set.of(), List.of(), 0, null, null));
        service.save(household(member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11)));
        Household other = household(member("王小河", Relation.HEAD, LocalDate.of(1975, 6, 7), 13));
        service.save(new Household(null, null, longquan.id(), null, null, null, null, other.category(),
                other.mainCause(), other.status(), null, null, null, false, null, null, other.members(), 0, null, null));
        assertThat(service.search(HouseholdQuery.all(), 0, 50).total()).isEqualTo(2);

        villages.moveToBin(villages.villages().stream().filter(v -> v.name().equals("龙泉村")).findFirst().orElseThrow());
        Page<HouseholdRow> page = service.search(HouseholdQuery.all(), 0, 50);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.rows()).extracting(HouseholdRow::headName).containsExactly("张大山");
        assertThat(service.householdCount()).isEqualTo(1);
        assertThat(service.memberCount()).isEqualTo(1);
        assertThat(service.search(HouseholdQuery.all().withText("wxh"), 0, 50).total()).isZero();
        Path out = dir.resolve("export.csv");
        assertThat(service.exportHouseholds(out, new ExportOptions(null, true)).households()).isEqualTo(1);
        assertThat(java.nio.file.Files.readString(out, java.nio.charset.StandardCharsets.UTF_8))
                .contains("张大山").doesNotContain("王小河");

        villages.restore(longquan.id());
        assertThat(service.search(HouseholdQuery.all().withText("wxh"), 0, 50).rows())
                .extracting(HouseholdRow::headName).containsExactly("王小河");
        assertThat(service.householdCount()).isEqualTo(2);
    }
}
