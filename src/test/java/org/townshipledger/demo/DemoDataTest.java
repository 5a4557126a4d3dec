package org.townshipledger.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_CHECK;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_INCOME;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_MEMBER;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GROUP;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Finding;
import org.townshipledger.cadre.Role;
import org.townshipledger.common.IdNumber;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.LedgerUnavailableException;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.ExportOptions;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdEntry;
import org.townshipledger.household.HouseholdIssue;
import org.townshipledger.household.HouseholdQuery;
import org.townshipledger.household.HouseholdRow;
import org.townshipledger.household.HouseholdRules;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageRules;
import org.townshipledger.village.VillageService;

class DemoDataTest {

    @TempDir
    Path dir;

    @Test
    void townshipScaleGivesTwentyFiveValidVillages() {
        DemoData.Summary summary = DemoData.create(dir, DemoScale.TOWNSHIP, 7);

        try (Database db = Database.open(dir)) {
            VillageService service = new VillageService(db);
            List<Village> villages = service.villages();
            assertThat(villages).hasSize(25);
            assertThat(villages).extracting(Village::name).doesNotHaveDuplicates()
                    .allSatisfy(n -> assertThat(n).matches(".+(村|社区)"));
            assertThat(villages).allSatisfy(v -> {
                assertThat(v.groups()).isNotEmpty();
                assertThat(v.statsCode()).matches("\\d{12}");
                assertThat(VillageRules.validate(v, name -> false)).isEmpty();
            });
            assertThat(villages).extracting(Village::statsCode).doesNotHaveDuplicates();

            int groups = villages.stream().mapToInt(v -> v.groups().size()).sum();
            assertThat(summary).isEqualTo(new DemoData.Summary(db.file(), 25, groups, 2_000,
                    new HouseholdService(db).memberCount()));
            assertThat(db.dsl().fetchCount(VILLAGE_GROUP)).isEqualTo(groups);
            assertThat(service.groupCount()).isEqualTo(groups);

            LedgerSettings settings = new SettingsStore(db.dsl()).ledgerSettings();
            assertThat(settings.township()).isEqualTo("青石镇");
            assertThat(settings.workingYear()).isEqualTo(DemoData.DEMO_YEAR);
        }
    }

    @Test
    void townshipCadresStaffEveryPovertyVillageAndBreakSomeRulesOnPurpose() {
        DemoData.create(dir, DemoScale.TOWNSHIP, 1);

        try (Database db = Database.open(dir)) {
            CadreService cadres = new CadreService(db);
            assertThat(cadres.unitCount()).isEqualTo(40);
            // About 150 from the cadre demo, plus the organs' staff that 2,000 households need as helpers within
            // the household limits (5 per 一般干部): the pairing demo adds them.
            assertThat(cadres.cadreCount()).isBetween(140, 500);
            assertThat(new org.townshipledger.pairing.PairingService(db, cadres, new VillageService(db),
                    new org.townshipledger.db.SettingsStore(db.dsl()), java.time.Clock.systemDefaultZone()).count())
                    .isBetween(1_900, 2_300);
            java.time.LocalDate on = java.time.LocalDate.of(DemoData.DEMO_YEAR, 12, 31);
            List<Village> poor = new VillageService(db).villages().stream().filter(Village::povertyVillage).toList();
            assertThat(poor).isNotEmpty().allSatisfy(v -> {
                List<Assignment> team = cadres.team(v.id(), on);
                assertThat(team).as(v.name()).anyMatch(a -> a.role().equals(Role.FIRST_SECRETARY));
                assertThat(team.stream().filter(a -> Role.WORK_TEAM.contains(a.role()))).as(v.name()).hasSizeGreaterThan(1);
            });
            List<Finding> findings = cadres.checkAssignments(DemoData.DEMO_YEAR);
            assertThat(findings.stream().map(Finding::rule).distinct()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    void theDemoLedgerHasTheIndexesOfANewLedgerAndUsesThem() {
        DemoData.create(dir.resolve("demo"), DemoScale.TOWNSHIP, 7);
        Database.create(dir.resolve("fresh")).close();

        List<String> demo;
        try (Database db = Database.open(dir.resolve("demo"))) {
            demo = indexes(db);
            String plan = db.dsl().fetchValue("EXPLAIN SELECT ID FROM HOUSEHOLD_MEMBER WHERE ID_REVERSED = '1'")
                    .toString();
            assertThat(plan).contains("HOUSEHOLD_MEMBER_ID_REVERSED_IDX");
        }
        try (Database db = Database.open(dir.resolve("fresh"))) {
            assertThat(demo).isEqualTo(indexes(db)).contains(
                    "HOUSEHOLD HOUSEHOLD_PAGE_IDX DELETED_AT,HEAD_INITIALS,HEAD_NAME,ID,CATEGORY,POVERTY_STATUS,"
                            + "MONITORING_TYPE,SEARCH_TEXT",
                    "HOUSEHOLD_MEMBER HOUSEHOLD_MEMBER_ID_REVERSED_IDX ID_REVERSED");
        }
    }

    private static List<String> indexes(Database db) {
        return db.dsl().resultQuery("""
                        SELECT I.TABLE_NAME || ' ' || I.INDEX_NAME || ' ' || LISTAGG(C.COLUMN_NAME || CASE
                            WHEN C.ORDERING_SPECIFICATION = 'DESC' THEN ' DESC' ELSE '' END, ',')
                            WITHIN GROUP (ORDER BY C.ORDINAL_POSITION)
                        FROM INFORMATION_SCHEMA.INDEXES I JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C
                          ON C.INDEX_SCHEMA = I.INDEX_SCHEMA AND C.INDEX_NAME = I.INDEX_NAME
                        WHERE I.TABLE_SCHEMA = 'PUBLIC' AND I.TABLE_NAME LIKE 'HOUSEHOLD%'
                        GROUP BY I.TABLE_NAME, I.INDEX_NAME ORDER BY 1""")
                .fetch(0, String.class);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        DemoData.create(dir.resolve("a"), DemoScale.TOWNSHIP, 42);
        DemoData.create(dir.resolve("b"), DemoScale.TOWNSHIP, 42);
        DemoData.create(dir.resolve("c"), DemoScale.TOWNSHIP, 43);

        List<String> a = snapshot(dir.resolve("a"));
        List<String> b = snapshot(dir.resolve("b"));
        List<String> c = snapshot(dir.resolve("c"));

        assertThat(a).hasSize(25).isEqualTo(b);
        assertThat(c).hasSize(25).isNotEqualTo(a);
    }

    @Test
    void countyScaleVillagesAreDistinctAndValid() {
        // Generated only (no ledger) to stay fast; the CLI test writes a county ledger.
        List<Village> villages = DemoData.villages(DemoScale.COUNTY, new Random(3));

        assertThat(villages).hasSize(650);
        assertThat(villages).extracting(Village::name).doesNotHaveDuplicates();
        assertThat(villages).extracting(Village::statsCode).allSatisfy(c -> assertThat(c).matches("\\d{12}"));
        assertThat(villages).allSatisfy(v -> assertThat(VillageRules.validate(v, n -> false)).isEmpty());
    }

    @Test
    void townshipHouseholdsAreValidUniqueAndTheSameForTheSameSeed() throws java.io.IOException {
        DemoData.create(dir.resolve("a"), DemoScale.TOWNSHIP, 42);
        DemoData.create(dir.resolve("b"), DemoScale.TOWNSHIP, 42);
        Path exportA = dir.resolve("a.csv");
        Path exportB = dir.resolve("b.csv");
        int members;
        try (Database db = Database.open(dir.resolve("a"))) {
            HouseholdService service = new HouseholdService(db);
            assertThat(service.householdCount()).isEqualTo(2_000);
            members = service.memberCount();
            assertThat(members).isBetween(7_200, 8_800);
            assertThat(db.dsl().fetchCount(HOUSEHOLD_MEMBER)).isEqualTo(members);
            List<String> ids = db.dsl().select(HOUSEHOLD_MEMBER.ID_NUMBER).from(HOUSEHOLD_MEMBER)
                    .fetch(HOUSEHOLD_MEMBER.ID_NUMBER);
            assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
                assertThat(IdNumber.isValid(id)).as(id).isTrue();
                assertThat(id).startsWith("430599");
            });
            // Every household of the township is poor or monitored; about 8% are monitored, each with a risk.
            assertThat(db.dsl().fetchCount(HOUSEHOLD, HOUSEHOLD.CATEGORY.isNull()
                    .and(HOUSEHOLD.MONITORING_TYPE.isNull()))).isZero();
            assertThat(db.dsl().fetchCount(HOUSEHOLD, HOUSEHOLD.MONITORING_TYPE.isNotNull())).isBetween(100, 220);
            assertThat(db.dsl().fetchCount(HOUSEHOLD, HOUSEHOLD.MONITORING_TYPE.isNotNull()
                    .and(HOUSEHOLD.RISK_TYPE.isNull()))).isZero();
            assertThat(db.dsl().fetchCount(HOUSEHOLD, HOUSEHOLD.POVERTY_STATUS.eq("OUT")
                    .and(HOUSEHOLD.EXIT_YEAR.between(2016, 2020)))).isGreaterThan(1_800);
            assertThat(db.dsl().fetchCount(HOUSEHOLD_CHECK, HOUSEHOLD_CHECK.CHECK_YEAR.eq(DemoData.DEMO_YEAR)))
                    .isBetween(1_100, 1_500);
            assertThat(db.dsl().fetchCount(HOUSEHOLD_INCOME)).isEqualTo(2_000);
            // No household breaks a rule, and only a few have a warning.
            List<String> warnings = new java.util.ArrayList<>();
            for (int offset = 0; offset < 2_000; offset += 500) {
                for (HouseholdRow row : service.search(HouseholdQuery.all(), offset, 500).rows()) {
                    List<HouseholdIssue> issues = HouseholdRules.check(service.household(row.id()).orElseThrow(),
                            (id, memberId) -> java.util.Optional.empty());
                    assertThat(issues).as(row.headName()).noneMatch(i -> !i.warning());
                    if (!issues.isEmpty()) {
                        warnings.add(issues.get(0).message());
                    }
                }
            }
            assertThat(warnings).isEmpty();
            service.exportHouseholds(exportA, new ExportOptions(null, true));
        }
        try (Database db = Database.open(dir.resolve("b"))) {
            new HouseholdService(db).exportHouseholds(exportB, new ExportOptions(null, true));
        }
        assertThat(java.nio.file.Files.readAllLines(exportB)).isEqualTo(java.nio.file.Files.readAllLines(exportA))
                .hasSize(members + 2);
    }

    @Test
    void countyHouseholdsAreSpreadOverTheVillagesWithUniqueIds() {
        // Generated only (no ledger): the CLI test writes a county ledger.
        Random random = new Random(3);
        List<Village> villages = DemoData.villages(DemoScale.COUNTY, random).stream()
                .map(v -> new Village(java.util.UUID.randomUUID(), v.name(), null, v.statsCode(), v.kind(),
                        v.povertyVillage(), v.exitYear(), v.householdCount(), v.population(), null, v.weakYears(),
                        v.groups(), 0, null, null)).toList();
        int households = 0;
        int poor = 0;
        int members = 0;
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Map<java.util.UUID, Integer> perVillage = new java.util.HashMap<>();
        for (HouseholdEntry e : new DemoHouseholds(random, DemoData.DEMO_YEAR).forVillages(villages, 100_000, 30_000)) {
            households++;
            Household h = e.household();
            poor += h.category() != null || h.monitoringType() != null ? 1 : 0;
            members += h.members().size();
            h.members().forEach(m -> ids.add(m.idNumber()));
            perVillage.merge(h.villageId(), 1, Integer::sum);
        }
        assertThat(households).isEqualTo(100_000);
        assertThat(poor).isBetween(29_000, 30_000);
        assertThat(members).isBetween(380_000, 420_000);
        assertThat(ids).hasSize(members);
        assertThat(perVillage).hasSize(650);
    }

    @Test
    void demoRefusesToOverwriteALedger() {
        Path ledger = dir.resolve("ledger");
        DemoData.create(ledger, DemoScale.TOWNSHIP, 1);

        assertThatThrownBy(() -> DemoData.create(ledger, DemoScale.TOWNSHIP, 2))
                .isInstanceOfSatisfying(LedgerUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(LedgerUnavailableException.Reason.EXISTS));
        assertThat(snapshot(ledger)).isEqualTo(snapshotOfSeed(1));
    }

    private List<String> snapshotOfSeed(long seed) {
        Path other = dir.resolve("seed-" + seed);
        DemoData.create(other, DemoScale.TOWNSHIP, seed);
        return snapshot(other);
    }

    private static List<String> snapshot(Path dataDir) {
        try (Database db = Database.open(dataDir)) {
            return new VillageService(db).villages().stream()
                    .map(v -> String.join("|", v.name(), v.statsCode(), v.kind().name(),
                            String.valueOf(v.povertyVillage()), String.valueOf(v.exitYear()),
                            String.valueOf(v.householdCount()), String.valueOf(v.population()),
                            v.weakYears().stream().sorted().toList().toString(), v.groupNames().toString()))
                    .toList();
        }
    }
}
