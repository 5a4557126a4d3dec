package org.townshipledger.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_CHECK;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_INCOME;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_MEMBER;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.Ids;
import org.townshipledger.common.Messages;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * The batch writes of imports and demo data: every column written and read back, updates that keep member ids, move
 * members between households of one batch, put dropped members in the recycle bin, refuse a stale household, and
 * replace the yearly check and income of a year in place.
 */
class HouseholdBulkRepositoryTest {

    private static final OffsetDateTime T1 = OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final OffsetDateTime T2 = T1.plusDays(1);

    @TempDir
    Path dir;

    private Database db;
    private HouseholdRepository repo;
    private Village dashi;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        dashi = new VillageService(db).save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, true, null,
                null, null, null, Set.of(), List.of(VillageGroup.named("一组"), VillageGroup.named("二组")), 0, null,
                null));
        repo = new HouseholdRepository(db.dsl());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Member member(String name, Relation relation, LocalDate birth, int sequence) {
        return SampleHouseholds.member(name, relation, birth, sequence);
    }

    private Household zhang() {
        VillageGroup second = dashi.groups().get(1);
        Member head = member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11);
        Member wife = member("李秀英", Relation.SPOUSE, LocalDate.of(1972, 8, 1), 22);
        Member son = new Member(null, "张小明", member("x", Relation.SON, LocalDate.of(2005, 1, 9), 33).idNumber(),
                Relation.SON, org.townshipledger.common.Sex.MALE, LocalDate.of(2005, 1, 9), "苗族", Education.SENIOR,
                InSchool.SENIOR, Health.CHRONIC, LabourSkill.WEAK, WorkStatus.IN_COUNTY);
        return new Household(Ids.newId(), "A001", dashi.id(), dashi.name(), second.id(), second.name(), "13800001111",
                HouseholdCategory.LOW_INCOME, PovertyCause.ILLNESS, PovertyStatus.OUT, 2019, MonitoringType.UNSTABLE,
                RiskType.ILLNESS, true, LocalDate.of(2024, 6, 1), "备注", List.of(head, wife, son), 0, null, null);
    }

    private Household wang() {
        return SampleHouseholds.household(dashi, member("王强", Relation.HEAD, LocalDate.of(1965, 2, 2), 13),
                member("王芳", Relation.DAUGHTER, LocalDate.of(1995, 4, 4), 24)).withId(Ids.newId());
    }

    private void write(java.util.function.Consumer<HouseholdBulkRepository> work) {
        db.dsl().transaction(tx -> {
            try (HouseholdBulkRepository bulk = new HouseholdBulkRepository(tx.dsl())) {
                work.accept(bulk);
            }
        });
    }

    private Household read(UUID id) {
        return repo.findById(id).orElseThrow();
    }

    @Test
    void insertedHouseholdsReadBackWithEveryColumn() {
        Household zhang = zhang();
        write(bulk -> bulk.insert(List.of(zhang, wang()), T1));

        Household h = read(zhang.id());
        assertThat(h).extracting(Household::householdNo, Household::villageId, Household::groupName, Household::phone,
                Household::category, Household::mainCause, Household::status, Household::exitYear,
                Household::monitoringType, Household::riskType, Household::riskEliminated, Household::riskEliminatedOn,
                Household::note, Household::version)
                .containsExactly("A001", dashi.id(), "二组", "13800001111", HouseholdCategory.LOW_INCOME,
                        PovertyCause.ILLNESS, PovertyStatus.OUT, 2019, MonitoringType.UNSTABLE, RiskType.ILLNESS, true,
                        LocalDate.of(2024, 6, 1), "备注", 0);
        assertThat(h.members()).usingRecursiveComparison().ignoringFields("id").isEqualTo(zhang.members());
        assertThat(h.members()).allSatisfy(m -> assertThat(m.id()).isNotNull());
        assertThat(h.updatedAt().toInstant()).isEqualTo(T1.toInstant());
        assertThat(repo.search(HouseholdQuery.all().withText("zxm"), 0, 10).rows())
                .extracting(HouseholdRow::headName).containsExactly("张大山");
        String idTail = h.members().get(2).idNumber().substring(12);
        assertThat(repo.search(HouseholdQuery.all().withText(idTail), 0, 10).rows())
                .extracting(HouseholdRow::headName).containsExactly("张大山");
        assertThat(repo.countActiveMembers()).isEqualTo(5);
    }

    @Test
    void updatesKeepMemberIdsBinDroppedMembersAddNewOnesAndMoveMembersWithinTheBatch() {
        Household zhang = zhang();
        Household wang = wang();
        write(bulk -> bulk.insert(List.of(zhang, wang), T1));
        Household z = read(zhang.id());
        Household w = read(wang.id());
        Member fang = w.members().get(1);
        Member li = z.members().get(1);
        Member baby = member("张小宝", Relation.GRANDSON, LocalDate.of(2024, 9, 9), 55);

        // 李秀英 leaves 张's household; 王芳 moves in from 王's (listed there, no longer in 王's), a baby is born.
        Household newZ = z.withMembers(List.of(z.members().get(0), z.members().get(2),
                new Member(fang.id(), fang.name(), fang.idNumber(), Relation.GRANDDAUGHTER, fang.sex(),
                        fang.birthDate(), fang.ethnicity(), fang.education(), fang.inSchool(), fang.health(),
                        fang.labourSkill(), fang.workStatus()), baby));
        Household newW = w.withMembers(List.of(w.members().get(0)));
        // The household giving her up comes first in the batch (the other order: the next test).
        write(bulk -> bulk.update(List.of(newW, newZ), T2));

        Household after = read(zhang.id());
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.members()).extracting(Member::name, Member::relation).containsExactly(
                tuple("张大山", Relation.HEAD), tuple("张小明", Relation.SON), tuple("王芳", Relation.GRANDDAUGHTER),
                tuple("张小宝", Relation.GRANDSON));
        assertThat(after.members().get(0).id()).isEqualTo(z.members().get(0).id());
        assertThat(after.members().get(2).id()).isEqualTo(fang.id());
        assertThat(after.members().get(3).id()).isNotNull();
        assertThat(read(wang.id()).members()).extracting(Member::name).containsExactly("王强");
        assertThat(db.dsl().select(HOUSEHOLD_MEMBER.DELETED_AT, HOUSEHOLD_MEMBER.VERSION).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.ID.eq(li.id())).fetchOne())
                .satisfies(r -> {
                    assertThat(r.value1()).as("李秀英 in the bin").isNotNull();
                    assertThat(r.value2()).isZero();
                });
        assertThat(db.dsl().fetchValue(db.dsl().select(HOUSEHOLD_MEMBER.VERSION).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.ID.eq(fang.id())))).isEqualTo(1);
        assertThat(repo.countActiveMembers()).isEqualTo(5);
        assertThat(db.dsl().fetchCount(HOUSEHOLD_MEMBER, HOUSEHOLD_MEMBER.DELETED_AT.isNull())).isEqualTo(5);
        assertThat(repo.search(HouseholdQuery.all().withText("王芳"), 0, 10).rows())
                .extracting(HouseholdRow::headName).containsExactly("张大山");
    }

    @Test
    void theOtherOrderOfTheBatchGivesTheSameMove() {
        Household zhang = zhang();
        Household wang = wang();
        write(bulk -> bulk.insert(List.of(zhang, wang), T1));
        Household z = read(zhang.id());
        Household w = read(wang.id());
        Member fang = w.members().get(1);
        List<Member> zMembers = new ArrayList<>(z.members());
        zMembers.add(fang);

        write(bulk -> bulk.update(List.of(z.withMembers(zMembers), w.withMembers(List.of(w.members().get(0)))), T2));

        assertThat(read(zhang.id()).members()).extracting(Member::id).contains(fang.id());
        assertThat(read(wang.id()).members()).extracting(Member::name).containsExactly("王强");
        assertThat(db.dsl().fetchCount(HOUSEHOLD_MEMBER, HOUSEHOLD_MEMBER.DELETED_AT.isNull())).isEqualTo(5);
    }

    @Test
    void aStaleHouseholdRefusesTheBatchAndTheTransactionLeavesTheLedgerUnchanged() {
        Household zhang = zhang();
        Household wang = wang();
        write(bulk -> bulk.insert(List.of(zhang, wang), T1));
        Household z = read(zhang.id());
        Household w = read(wang.id());
        write(bulk -> bulk.update(List.of(w), T2));                    // someone saved 王's household meanwhile

        StaleRecordException e = catchThrowableOfType(StaleRecordException.class, () -> write(bulk -> bulk.update(
                List.of(z.withMembers(List.of(z.members().get(0))), w), T2.plusDays(1))));

        assertThat(e).hasMessageContaining("王强");
        assertThat(read(zhang.id()).members()).hasSize(3);
        assertThat(read(zhang.id()).version()).isZero();
    }

    @Test
    void checksAndIncomesOfAYearAreReplacedKeepingANoteTheNewCheckLacks() {
        Household zhang = zhang();
        Household wang = wang();
        write(bulk -> {
            bulk.insert(List.of(zhang, wang), T1);
            bulk.insertChecks(Map.of(zhang.id(), new HouseholdCheck(2025, true, true, true, true, true, "已核实",
                    LocalDate.of(2025, 3, 1))), T1);
            bulk.insertIncomes(Map.of(zhang.id(), new Income(2025, new BigDecimal("8000.00"))), T1);
        });

        write(bulk -> {
            bulk.saveChecks(Map.of(zhang.id(), new HouseholdCheck(2025, true, true, false, true, true, null, null),
                    wang.id(), new HouseholdCheck(2025, true, false, true, true, true, null, null)), T2);
            bulk.saveIncomes(Map.of(zhang.id(), new Income(2025, new BigDecimal("9100.50")),
                    wang.id(), new Income(2025, new BigDecimal("7000.00"))), T2);
        });

        assertThat(repo.checks(zhang.id())).containsExactly(
                new HouseholdCheck(2025, true, true, false, true, true, "已核实", LocalDate.of(2025, 3, 1)));
        assertThat(repo.checks(wang.id())).containsExactly(
                new HouseholdCheck(2025, true, false, true, true, true, null, null));
        assertThat(db.dsl().select(HOUSEHOLD_CHECK.HOUSEHOLD_ID, HOUSEHOLD_CHECK.VERSION).from(HOUSEHOLD_CHECK)
                .fetchMap(HOUSEHOLD_CHECK.HOUSEHOLD_ID, HOUSEHOLD_CHECK.VERSION))
                .containsEntry(zhang.id(), 1).containsEntry(wang.id(), 0);
        assertThat(repo.incomes(zhang.id())).containsExactly(new Income(2025, new BigDecimal("9100.50")));
        assertThat(repo.incomes(wang.id())).containsExactly(new Income(2025, new BigDecimal("7000.00")));
        assertThat(db.dsl().select(HOUSEHOLD_INCOME.CREATED_AT).from(HOUSEHOLD_INCOME)
                .where(HOUSEHOLD_INCOME.HOUSEHOLD_ID.eq(zhang.id())).fetchOne().value1().toInstant())
                .isEqualTo(T1.toInstant());
    }
}
