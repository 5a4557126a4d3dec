package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.household.Education;
import org.townshipledger.household.Health;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdCategory;
import org.townshipledger.household.HouseholdCheck;
import org.townshipledger.household.HouseholdRepository;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.InSchool;
import org.townshipledger.household.LabourSkill;
import org.townshipledger.household.Member;
import org.townshipledger.household.MonitoringType;
import org.townshipledger.household.PovertyCause;
import org.townshipledger.household.PovertyStatus;
import org.townshipledger.household.Relation;
import org.townshipledger.household.WorkStatus;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * Which households the 贫困户/监测户台账 prints and in what order: villages by pinyin, groups in their own order
 * (no group first), heads by pinyin; only poor or monitored households, none from the recycle bin; the year's
 * check; and the first N households of a long register with totals of what was printed.
 */
class HouseholdRegisterRowsTest {

    @TempDir
    static Path dir;

    private static Database db;
    private static ReportSheet sheet;
    private static int sequence;

    @BeforeAll
    static void ledger() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir.resolve("ledger"), LedgerSettings.of("青石镇", "示范县", 2025));
        VillageService villages = new VillageService(db);
        // 十组 is the first group of 大石村 although 二组 sorts before it by name and pinyin.
        Village dashi = villages.save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, true, null, null,
                null, null, Set.of(), List.of(VillageGroup.named("十组"), VillageGroup.named("二组")), 0, null, null));
        Village anle = villages.save(new Village(null, "安乐村", null, null, VillageKind.VILLAGE, false, null, null,
                null, null, Set.of(), List.of(), 0, null, null));
        UUID shi = dashi.groups().get(0).id();
        UUID er = dashi.groups().get(1).id();

        List<Household> all = new ArrayList<>();
        all.add(household(dashi.id(), er, "安心", HouseholdCategory.GENERAL, PovertyStatus.NOT_OUT, null, null));
        Household zhang = household(dashi.id(), shi, "张三", HouseholdCategory.LOW_INCOME, PovertyStatus.OUT, 2019,
                null);
        all.add(zhang);
        all.add(household(dashi.id(), shi, "白云", null, null, null, MonitoringType.MARGINAL));
        all.add(household(dashi.id(), null, "赵六", HouseholdCategory.GENERAL, PovertyStatus.OUT, 2020, null));
        all.add(household(dashi.id(), er, "李四", null, null, null, null));
        Household binned = household(dashi.id(), shi, "陈七", HouseholdCategory.GENERAL, PovertyStatus.OUT, 2018,
                null);
        all.add(binned);
        all.add(household(anle.id(), null, "王五", HouseholdCategory.SPECIAL_SUPPORT, PovertyStatus.OUT, 2017,
                MonitoringType.UNSTABLE));
        new HouseholdRepository(db.dsl()).insertAll(all, OffsetDateTime.now());

        HouseholdService households = new HouseholdService(db);
        households.saveCheck(zhang.id(), new HouseholdCheck(2025, true, false, true, true, true, null,
                LocalDate.of(2025, 6, 1)));
        households.saveCheck(zhang.id(), new HouseholdCheck(2024, false, false, false, false, false, null,
                LocalDate.of(2024, 6, 1)));
        households.moveToBin(households.household(binned.id()).orElseThrow());
        sheet = ReportService.forLedger(db, Clock.systemDefaultZone()).sheet("households");
    }

    private static Household household(UUID village, UUID group, String head, HouseholdCategory category,
                                       PovertyStatus status, Integer exitYear, MonitoringType monitoring) {
        LocalDate birth = LocalDate.of(1960, 3, 1 + sequence);
        String id = IdNumber.make("430599", birth, 2 * sequence++ + 1);
        Member m = new Member(UUID.randomUUID(), head, id, Relation.HEAD, IdNumber.sex(id), birth, "汉族",
                Education.PRIMARY, InSchool.NONE, Health.HEALTHY, LabourSkill.ORDINARY, WorkStatus.NOT_WORKING);
        return new Household(UUID.randomUUID(), null, village, null, group, null, null, category,
                category == null ? null : PovertyCause.ILLNESS, status, exitYear, monitoring, null, false, null, null,
                List.of(m), 0, null, null);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<ReportRow> rows(ReportParams params) {
        List<ReportRow> rows = new ArrayList<>();
        sheet.rows(params, rows::add);
        return rows;
    }

    /** Village, group and head of each row (the village and "N 户" on a subtotal). */
    private static List<String> outline(List<ReportRow> rows) {
        return rows.stream().map(r -> r.summary() ? r.cells().get(1) + " " + r.cells().get(3)
                : r.cells().get(1) + " " + r.cells().get(2) + " " + r.cells().get(3)).toList();
    }

    @Test
    void villagesByPinyinThenGroupsInTheirOrderThenHeadsByPinyin() {
        List<ReportRow> rows = rows(new ReportParams(2025, null, false));

        assertThat(outline(rows)).containsExactly(
                "安乐村  王五", "安乐村 1 户",
                "大石村  赵六", "大石村 十组 白云", "大石村 十组 张三", "大石村 二组 安心", "大石村 4 户",
                "合计 5 户");
        assertThat(rows.get(0).cells()).containsExactly("1", "安乐村", "", "王五", rows.get(0).cells().get(4), "1",
                "特困供养贫困户", "因病", "已脱贫（2017）", "脱贫不稳定户", "", "", "", "", "");
        assertThat(rows.get(0).cells().get(4)).matches("430599\\*{8}\\d{3}[0-9X]");
        assertThat(rows.get(3).cells().subList(6, 15)).containsExactly("", "", "", "边缘易致贫户", "", "", "", "",
                "");
        assertThat(rows.get(4).cells().subList(8, 15)).containsExactly("已脱贫（2019）", "", "√", "×", "√", "√", "√");
        assertThat(rows.get(6).cells()).containsExactly("", "大石村", "", "4 户", "", "4", "", "", "", "", "", "×1", "",
                "", "");
        assertThat(rows.stream().map(r -> r.cells().get(0)).filter(s -> !s.isEmpty()))
                .containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void anotherYearShowsThatYearsCheck() {
        List<ReportRow> rows = rows(new ReportParams(2024, null, false));

        assertThat(rows.get(4).cells().get(3)).isEqualTo("张三");
        assertThat(rows.get(4).cells().subList(10, 15)).containsExactly("×", "×", "×", "×", "×");
        assertThat(rows.get(5).cells().subList(10, 15)).containsOnly("");
    }

    @Test
    void oneVillage() {
        UUID dashi = new VillageService(db).villages().stream().filter(v -> v.name().equals("大石村")).findFirst()
                .orElseThrow().id();

        assertThat(outline(rows(new ReportParams(2025, dashi, false)))).containsExactly(
                "大石村  赵六", "大石村 十组 白云", "大石村 十组 张三", "大石村 二组 安心", "大石村 4 户", "合计 4 户");
    }

    @Test
    void theFirstHouseholdsOnlyWithTotalsOfWhatIsPrinted() {
        ReportParams firstThree = new ReportParams(2025, null, false, 3);

        assertThat(outline(rows(firstThree))).containsExactly(
                "安乐村  王五", "安乐村 1 户", "大石村  赵六", "大石村 十组 白云", "大石村 2 户", "合计 3 户");
        assertThat(sheet.expectedRows(firstThree)).isEqualTo(3);
        assertThat(sheet.expectedRows(new ReportParams(2025, null, false))).isEqualTo(5);
    }
}
