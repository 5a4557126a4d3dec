package org.townshipledger.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** Postings and the office's checks, each rule on a ledger built for it: it fires, then stops once fixed. */
class CadreServiceTest {

    private static final int YEAR = 2025;

    @TempDir
    Path dir;

    private Database db;
    private VillageService villages;
    private CadreService cadres;
    private Unit bureau;
    private int sequence = 1;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", YEAR));
        // Checks look at today for the current year, else 31 December: a fixed clock in 2026 makes it 31.12.2025.
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Village village(String name, boolean poor, boolean weak) {
        return villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, poor, null, null, null, null,
                weak ? Set.of(YEAR) : Set.of(), List.of(), 0, null, null));
    }

    private Cadre cadre(String name, int birthYear, Rank rank) {
        LocalDate birth = LocalDate.of(birthYear, 5, 1);
        String id = IdNumber.make("430599", birth, 2 * sequence++ + 1);
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, null, id, null, bureau.id(), null, rank, true, null,
                0, null));
    }

    private Assignment post(Cadre c, Village v, String role, LocalDate from) {
        return cadres.assign(Assignment.start(c.id(), v.id(), role, from, bureau.id()));
    }

    private List<String> rulesFor(String village) {
        return cadres.checkAssignments(YEAR).stream().filter(f -> f.village().equals(village)).map(Finding::rule).toList();
    }

    private void reserves(Village v) {
        post(cadre("后备甲", 1995, Rank.VILLAGE_CADRE), v, Role.RESERVE, LocalDate.of(2024, 1, 1));
        post(cadre("后备乙", 1996, Rank.VILLAGE_CADRE), v, Role.RESERVE, LocalDate.of(2024, 1, 1));
    }

    @Test
    void aPovertyVillageWithoutAFirstSecretaryIsFoundUntilOneIsPosted() {
        Village v = village("大石村", true, false);
        reserves(v);
        Cadre leader = cadre("周县长", 1970, Rank.COUNTY_LEVEL);
        post(leader, v, Role.LEADER_IN_CHARGE, LocalDate.of(2024, 1, 1));

        List<Finding> findings = cadres.checkAssignments(YEAR);
        assertThat(findings).extracting(Finding::village, Finding::rule, Finding::inCharge)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("大石村", "缺驻村第一书记", "包村领导 周县长"));

        post(cadre("李书记", 1985, Rank.SECTION_LEVEL), v, Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1));
        // The first secretary is there now; a team of one is the next thing to fix.
        assertThat(rulesFor("大石村")).containsExactly("工作队人数不足");
    }

    @Test
    void aWorkTeamOfTwoIsTooSmallAndThreeIsEnough() {
        Village v = village("龙泉村", true, false);
        reserves(v);
        post(cadre("李书记", 1985, Rank.SECTION_LEVEL), v, Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1));
        post(cadre("王队员", 1990, Rank.GENERAL), v, Role.TEAM_MEMBER, LocalDate.of(2024, 3, 1));

        assertThat(cadres.checkAssignments(YEAR)).extracting(Finding::detail)
                .containsExactly("驻村工作队只有 2 人，应不少于 3 人");

        post(cadre("赵队员", 1991, Rank.GENERAL), v, Role.TEAM_MEMBER, LocalDate.of(2024, 3, 1));
        assertThat(rulesFor("龙泉村")).isEmpty();
    }

    @Test
    void aFullTimePostingEndedEarlyNeedsAReason() {
        Village v = village("王家湾村", false, false);
        reserves(v);
        Assignment early = post(cadre("钱队员", 1990, Rank.GENERAL), v, Role.TEAM_MEMBER, LocalDate.of(2024, 9, 1));
        cadres.end(early, LocalDate.of(2025, 6, 30), null);

        assertThat(cadres.checkAssignments(YEAR)).extracting(Finding::detail)
                .containsExactly("钱队员（驻村工作队员）任职不满 2 年：2024-09-01 至 2025-06-30，未填写离任原因");

        Assignment stored = cadres.assignments(early.cadreId(), null, null).get(0);
        cadres.end(stored, LocalDate.of(2025, 6, 30), "因病调离");
        assertThat(rulesFor("王家湾村")).isEmpty();
    }

    @Test
    void reserveCadresOverTheAgeLimitDoNotCount() {
        Village v = village("青坪村", false, false);
        post(cadre("后备甲", 1995, Rank.VILLAGE_CADRE), v, Role.RESERVE, LocalDate.of(2024, 1, 1));
        Cadre old = cadre("后备老", 1985, Rank.VILLAGE_CADRE);
        post(old, v, Role.RESERVE, LocalDate.of(2024, 1, 1));

        assertThat(cadres.checkAssignments(YEAR)).extracting(Finding::detail)
                .containsExactly("35 岁及以下的后备干部只有 1 人，应不少于 2 人");

        // 35 on 31 December of the year still counts.
        post(cadre("后备丙", 1990, Rank.VILLAGE_CADRE), v, Role.RESERVE, LocalDate.of(2025, 1, 1));
        assertThat(rulesFor("青坪村")).isEmpty();
    }

    @Test
    void aWeakVillageNeedsTheFourOnes() {
        Village v = village("前圳村", false, true);
        reserves(v);
        post(cadre("李书记", 1985, Rank.SECTION_LEVEL), v, Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1));
        post(cadre("王队员", 1990, Rank.GENERAL), v, Role.TEAM_MEMBER, LocalDate.of(2024, 3, 1));
        post(cadre("赵队员", 1991, Rank.GENERAL), v, Role.TEAM_LEADER, LocalDate.of(2024, 3, 1));

        assertThat(cadres.checkAssignments(YEAR)).extracting(Finding::detail)
                .containsExactly("缺少：县级领导联系、2025 年发展思路、村党组织书记在岗");

        post(cadre("周县长", 1970, Rank.COUNTY_LEVEL), v, Role.LEADER_IN_CHARGE, LocalDate.of(2024, 1, 1));
        post(cadre("孙支书", 1975, Rank.VILLAGE_CADRE), v, Role.BRANCH_SECRETARY, LocalDate.of(2020, 1, 1));
        cadres.saveDevelopmentPath(v.id(), YEAR, "发展油茶产业，盘活村集体资产");
        assertThat(rulesFor("前圳村")).isEmpty();
    }

    @Test
    void anEarlyEndCountsWholeMonthsAsPeriodDoes() {
        Village v = village("王家湾村", false, false);
        reserves(v);
        // One day short of two years: 1 year, 11 months and 30 days.
        Assignment shortOfTwo = post(cadre("钱队员", 1990, Rank.GENERAL), v, Role.TEAM_MEMBER, LocalDate.of(2023, 7, 15));
        cadres.end(shortOfTwo, LocalDate.of(2025, 7, 14), null);
        // Exactly two years, and a part-time posting ended early: neither is found.
        Assignment two = post(cadre("孙队员", 1991, Rank.GENERAL), v, Role.TEAM_LEADER, LocalDate.of(2023, 7, 15));
        cadres.end(two, LocalDate.of(2025, 7, 15), null);
        Assignment partTime = post(cadre("周干部", 1988, Rank.GENERAL), v, Role.CADRE_IN_CHARGE, LocalDate.of(2025, 1, 1));
        cadres.end(partTime, LocalDate.of(2025, 3, 1), null);
        // Ended early the year before: not this year's finding.
        Assignment lastYear = post(cadre("吴队员", 1992, Rank.GENERAL), v, Role.TEAM_MEMBER, LocalDate.of(2023, 1, 1));
        cadres.end(lastYear, LocalDate.of(2024, 12, 31), null);

        assertThat(cadres.checkAssignments(YEAR)).extracting(Finding::detail)
                .containsExactly("钱队员（驻村工作队员）任职不满 2 年：2023-07-15 至 2025-07-14，未填写离任原因");
        assertThat(cadres.checkAssignments(YEAR - 1)).extracting(Finding::detail)
                .contains("吴队员（驻村工作队员）任职不满 2 年：2023-01-01 至 2024-12-31，未填写离任原因");
    }

    @Test
    void theThresholdsAreSettings() {
        Village v = village("龙泉村", true, false);
        post(cadre("李书记", 1985, Rank.SECTION_LEVEL), v, Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1));
        post(cadre("王队员", 1990, Rank.GENERAL), v, Role.TEAM_MEMBER, LocalDate.of(2024, 3, 1));
        post(cadre("后备甲", 1988, Rank.VILLAGE_CADRE), v, Role.RESERVE, LocalDate.of(2024, 1, 1));
        Assignment early = post(cadre("钱队员", 1990, Rank.GENERAL), v, Role.TEAM_MEMBER, LocalDate.of(2024, 1, 1));
        cadres.end(early, LocalDate.of(2025, 6, 30), null);
        assertThat(rulesFor("龙泉村")).containsExactly("工作队人数不足", "未满期离任无原因", "后备干部不足");

        SettingsStore settings = new SettingsStore(db.dsl());
        settings.put(AssignmentRules.MIN_TEAM_SIZE, "2");
        settings.put(AssignmentRules.MIN_POSTING_YEARS, "1");
        settings.put(AssignmentRules.MIN_RESERVES, "1");
        settings.put(AssignmentRules.RESERVE_MAX_AGE, " 37 ");
        assertThat(cadres.rules()).isEqualTo(new AssignmentRules(2, 1, 1, 37));
        assertThat(rulesFor("龙泉村")).isEmpty();

        settings.put(AssignmentRules.RESERVE_MAX_AGE, "36");
        assertThat(cadres.checkAssignments(YEAR)).extracting(Finding::detail)
                .containsExactly("36 岁及以下的后备干部只有 0 人，应不少于 1 人");
        settings.put(AssignmentRules.RESERVE_MAX_AGE, "很多");
        assertThat(cadres.rules()).isEqualTo(new AssignmentRules(2, 1, 1, 35));
    }

    @Test
    void twoFullTimePostingsAtOnceAreRefusedNamingTheOther() {
        Village a = village("大石村", true, false);
        Village b = village("龙泉村", true, false);
        Cadre li = cadre("李书记", 1985, Rank.SECTION_LEVEL);
        post(li, a, Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> post(li, b, Role.TEAM_MEMBER, LocalDate.of(2025, 1, 1)));
        assertThat(e.getMessage()).isEqualTo(
                "李书记 在此期间已在 大石村 任 驻村第一书记（2024-03-01 至 至今），同一时间只能担任一个全职驻村岗位");

        // A part-time role at the same time is fine.
        post(li, b, Role.CADRE_IN_CHARGE, LocalDate.of(2025, 1, 1));
        assertThat(cadres.assignments(li.id(), null, null)).hasSize(2);
    }

    @Test
    void replacingAFirstSecretaryKeepsTheOldPostingInTheHistory() {
        Village v = village("大石村", true, false);
        Assignment old = post(cadre("李书记", 1985, Rank.SECTION_LEVEL), v, Role.FIRST_SECRETARY, LocalDate.of(2023, 3, 1));
        Cadre next = cadre("张书记", 1988, Rank.SECTION_LEVEL);

        Assignment stored = cadres.assignments(null, v.id(), Role.FIRST_SECRETARY).get(0);
        cadres.replace(stored, next.id(), LocalDate.of(2025, 3, 1), "期满轮换", bureau.id());

        List<Assignment> history = cadres.assignments(null, v.id(), Role.FIRST_SECRETARY);
        assertThat(history).extracting(Assignment::cadreName, Assignment::startDate, Assignment::endDate,
                Assignment::endReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("张书记", LocalDate.of(2025, 3, 1), null, null),
                org.assertj.core.groups.Tuple.tuple("李书记", LocalDate.of(2023, 3, 1), LocalDate.of(2025, 2, 28), "期满轮换"));
        assertThat(cadres.team(v.id(), LocalDate.of(2025, 6, 1))).extracting(Assignment::cadreName)
                .containsExactly("张书记");
        assertThat(old.id()).isEqualTo(history.get(1).id());
    }

    @Test
    void aCadreIdMustAgreeWithSexAndBelongToOneCadre() {
        String id = IdNumber.make("430599", LocalDate.of(1980, 1, 1), 12);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> cadres.saveCadre(
                new Cadre(null, "赵六", Sex.MALE, null, id, null, null, null, Rank.GENERAL, false, null, 0, null)));
        assertThat(e.getMessage()).isEqualTo("赵六：性别填的是“男”，但身份证号显示为“女”");

        Cadre saved = cadres.saveCadre(new Cadre(null, "赵芳", Sex.FEMALE, null, id, null, null, null, Rank.GENERAL,
                false, null, 0, null));
        assertThat(saved.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        e = catchThrowableOfType(InvalidInputException.class, () -> cadres.saveCadre(
                new Cadre(null, "钱芳", Sex.FEMALE, null, id, null, null, null, Rank.GENERAL, false, null, 0, null)));
        assertThat(e.getMessage()).isEqualTo("钱芳 的身份证号已属于干部 赵芳");
        assertThat(cadres.cadres("zf", null, null)).extracting(Cadre::name).containsExactly("赵芳");
        assertThat(saved.id()).isNotEqualTo(UUID.randomUUID());
    }
    @Test
    void theCadreListFiltersByCurrentPostingsAndShowsThem() {
        Village a = village("大石村", true, false);
        Village b = village("龙泉村", false, false);
        Cadre li = cadre("李书记", 1985, Rank.SECTION_LEVEL);
        Cadre wang = cadre("王队员", 1990, Rank.GENERAL);
        Cadre zhao = cadre("赵后备", 1996, Rank.VILLAGE_CADRE);
        post(li, a, Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1));
        post(li, b, Role.CADRE_IN_CHARGE, LocalDate.of(2024, 3, 1));
        Assignment ended = post(wang, a, Role.TEAM_MEMBER, LocalDate.of(2023, 3, 1));
        cadres.end(ended, LocalDate.of(2024, 2, 28), "期满");
        post(zhao, b, Role.RESERVE, LocalDate.of(2025, 1, 1));
        LocalDate on = LocalDate.of(2025, 6, 1);

        assertThat(cadres.listCadres(null, null, null, null, null, on)).extracting(l -> l.cadre().name(),
                l -> l.current().size()).containsExactly(org.assertj.core.groups.Tuple.tuple("李书记", 2),
                org.assertj.core.groups.Tuple.tuple("王队员", 0), org.assertj.core.groups.Tuple.tuple("赵后备", 1));
        assertThat(cadres.listCadres(null, null, null, Role.FIRST_SECRETARY, null, on))
                .extracting(l -> l.cadre().name()).containsExactly("李书记");
        assertThat(cadres.listCadres(null, null, null, null, b.id(), on))
                .extracting(l -> l.cadre().name()).containsExactly("李书记", "赵后备");
        assertThat(cadres.listCadres(null, null, null, Role.TEAM_MEMBER, a.id(), on)).isEmpty();
        assertThat(cadres.listCadres("zhb", null, Rank.VILLAGE_CADRE, null, null, on))
                .extracting(l -> l.cadre().name()).containsExactly("赵后备");
    }

    @Test
    void aDevelopmentPathIsKeptPerYear() {
        Village v = village("前圳村", false, true);
        assertThat(cadres.developmentPath(v.id(), YEAR)).isEmpty();
        cadres.saveDevelopmentPath(v.id(), YEAR, "  发展油茶产业  ");
        cadres.saveDevelopmentPath(v.id(), YEAR - 1, "修路");
        assertThat(cadres.developmentPath(v.id(), YEAR)).isEqualTo("发展油茶产业");
        assertThat(cadres.developmentPath(v.id(), YEAR - 1)).isEqualTo("修路");
    }
}
