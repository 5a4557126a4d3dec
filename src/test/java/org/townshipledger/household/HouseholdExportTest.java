package org.townshipledger.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/** Exporting households, and importing the export into a fresh ledger. */
class HouseholdExportTest {

    /** One demo ledger (township, seed 5) for every test here: the tests only read it. */
    @TempDir
    static Path shared;

    private static Path demo;

    @TempDir
    Path dir;

    private Database db;
    private HouseholdService service;

    @BeforeEach
    void open() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        if (demo == null) {
            demo = shared.resolve("demo");
            DemoData.create(demo, DemoScale.TOWNSHIP, 5);
        }
        db = Database.open(demo);
        service = new HouseholdService(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A household as the file carries it: no ids, versions, notes or dates the format does not have. */
    record Comparable(String no, String village, String group, String phone, HouseholdCategory category,
                      PovertyCause cause, PovertyStatus status, Integer exitYear, MonitoringType monitoring,
                      RiskType risk, boolean eliminated, List<List<Object>> members, List<Boolean> check,
                      BigDecimal income) {
    }

    static List<Comparable> everything(Database db, int year) {
        HouseholdRepository repo = new HouseholdRepository(db.dsl());
        List<UUID> ids = repo.idsInListOrder(null);
        Map<UUID, Household> all = repo.findAllById(ids);
        Map<UUID, HouseholdCheck> checks = repo.checksOf(ids, year);
        Map<UUID, Income> incomes = repo.incomesOf(ids, year);
        List<Comparable> out = new ArrayList<>();
        for (UUID id : ids) {
            Household h = all.get(id);
            HouseholdCheck c = checks.get(id);
            out.add(new Comparable(h.householdNo(), h.villageName(), h.groupName(), h.phone(), h.category(),
                    h.mainCause(), h.status(), h.exitYear(), h.monitoringType(), h.riskType(), h.riskEliminated(),
                    h.members().stream().map(m -> List.<Object>of(m.name(), m.idNumber(), m.relation(), m.sex(),
                            m.birthDate(), String.valueOf(m.ethnicity()), String.valueOf(m.education()),
                            String.valueOf(m.inSchool()), String.valueOf(m.health()), String.valueOf(m.labourSkill()),
                            String.valueOf(m.workStatus()))).toList(),
                    c == null ? null : List.of(c.foodAndClothing(), c.compulsoryEducation(), c.basicMedical(),
                            c.housingSafety(), c.drinkingWater()),
                    incomes.containsKey(id) ? incomes.get(id).perCapita() : null));
        }
        out.sort(java.util.Comparator.comparing(c -> (String) c.members().get(0).get(1)));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"households.xlsx", "households.csv"})
    void exportWithFullIdsImportsIntoAFreshLedgerAsTheSameHouseholds(String name) throws IOException {
        Path file = dir.resolve("export").resolve(name);
        Path villagesFile = dir.resolve("villages.xlsx");

        ExportResult exported = service.exportHouseholds(file, new ExportOptions(null, true));
        new VillageService(db).exportVillages(villagesFile);

        assertThat(exported.households()).isEqualTo(2_000);
        assertThat(exported.members()).isEqualTo(service.memberCount());
        try (Database fresh = Database.create(dir.resolve("fresh"), LedgerSettings.of("青石镇", "示范县", DemoData.DEMO_YEAR))) {
            new VillageService(fresh).importVillages(villagesFile);
            HouseholdService target = new HouseholdService(fresh);

            ImportResult r = target.importHouseholds(file, ImportOptions.defaults());

            assertThat(r.errors()).isEmpty();
            assertThat(r).extracting(ImportResult::added, ImportResult::updated, ImportResult::members)
                    .containsExactly(2_000, 0, exported.members());
            List<Comparable> before = everything(db, DemoData.DEMO_YEAR);
            List<Comparable> after = everything(fresh, DemoData.DEMO_YEAR);
            assertThat(after).hasSize(2_000);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i)).isEqualTo(before.get(i));
            }
            assertThat(before.stream().filter(c -> c.check() != null)).isNotEmpty();
            assertThat(before.stream().filter(c -> c.monitoring() != null)).isNotEmpty();

            if (name.endsWith(".xlsx")) {
                // Importing the same export again updates every household and adds none.
                ImportResult again = target.importHouseholds(file, ImportOptions.defaults());
                assertThat(again).extracting(ImportResult::added, ImportResult::updated).containsExactly(0, 2_000);
                assertThat(target.householdCount()).isEqualTo(2_000);
                assertThat(everything(fresh, DemoData.DEMO_YEAR)).isEqualTo(after);
            }
        }
    }

    @Test
    void idNumbersAreMaskedUnlessAskedAndAMaskedFileDoesNotImport() throws IOException {
        Path file = dir.resolve("masked.csv");

        service.exportHouseholds(file, ExportOptions.all());

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF青石镇 贫困户、监测户台账（2025 年）");
        Table t = TableReader.read(file, List.of("户编号", "证件号码"));
        assertThat(t.headers()).isEqualTo(HouseholdSheet.HEADERS);
        assertThat(t.rows()).hasSize(service.memberCount());
        assertThat(t.rows()).extracting(r -> r.get("证件号码"))
                .allSatisfy(id -> assertThat(id).matches("430599\\*{8}\\d{3}[\\dX]"));
        assertThat(text).doesNotContain(firstHead().members().get(0).idNumber());

        ImportResult r = service.importHouseholds(file, ImportOptions.defaults().withDryRun(true));
        assertThat(r.errors()).hasSizeGreaterThanOrEqualTo(t.rows().size());
        assertThat(r.errors().get(0).reason()).contains("格式不对");
    }

    @Test
    void oneVillageOnlyHeadFirstWithItsHouseholdNumber() throws IOException {
        Village village = service.villages().get(3);
        Path file = dir.resolve("one.xlsx");

        ExportResult r = service.exportHouseholds(file, new ExportOptions(village.id(), true));

        int inVillage = service.search(HouseholdQuery.all().withVillage(village.id()), 0, 1).total();
        assertThat(r.households()).isEqualTo(inVillage).isPositive();
        Table t = TableReader.read(file, List.of("户编号", "证件号码"));
        assertThat(t.rows()).allSatisfy(row -> assertThat(row.get("村")).isEqualTo(village.name()));
        Map<String, List<TableRow>> byNo = t.rows().stream().collect(Collectors.groupingBy(row -> row.get("户编号")));
        assertThat(byNo).hasSize(inVillage);
        assertThat(byNo.values()).allSatisfy(rows -> {
            assertThat(rows.get(0).get("与户主关系")).isEqualTo("户主");
            assertThat(rows).allSatisfy(row -> {
                String id = row.get("证件号码");
                assertThat(IdNumber.isValid(id)).isTrue();
                assertThat(row.get("性别")).isEqualTo(IdNumber.sex(id) == Sex.MALE ? "男" : "女");
                assertThat(row.get("出生日期")).isEqualTo(IdNumber.birthDate(id).toString());
            });
        });
    }

    @Test
    void aHouseholdWithoutNumberGetsAStableOne() {
        Household h = firstHead();
        Household unnumbered = new Household(h.id(), null, h.villageId(), h.villageName(), h.groupId(), h.groupName(),
                h.phone(), h.category(), h.mainCause(), h.status(), h.exitYear(), h.monitoringType(), h.riskType(),
                h.riskEliminated(), h.riskEliminatedOn(), h.note(), h.members(), h.version(), null, null);

        String no = HouseholdSheet.householdNo(unnumbered);

        assertThat(no).matches("TL[0-9A-F]{16}").isEqualTo(HouseholdSheet.householdNo(unnumbered));
        assertThat(HouseholdSheet.householdNo(h)).isEqualTo(h.householdNo()).matches("\\d{16}");
    }

    private Household firstHead() {
        return service.household(service.search(HouseholdQuery.all(), 0, 1).rows().get(0).id()).orElseThrow();
    }
}
