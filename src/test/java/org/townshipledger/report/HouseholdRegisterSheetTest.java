package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
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
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** 贫困户/监测户台账 over 1,500 households: 40-odd landscape pages, read back page by page. */
class HouseholdRegisterSheetTest {

    private static final int PER_VILLAGE = 750;

    @TempDir
    static Path dir;

    private static Database db;
    private static ReportService reports;
    private static String firstId;

    @BeforeAll
    static void ledger() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir.resolve("ledger"), LedgerSettings.of("青石镇", "示范县", 2025));
        VillageService villages = new VillageService(db);
        List<Household> all = new ArrayList<>();
        for (String name : List.of("大石村", "龙泉村")) {
            Village v = villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null,
                    null, Set.of(), List.of(), 0, null, null));
            for (int i = 0; i < PER_VILLAGE; i++) {
                LocalDate birth = LocalDate.of(1950 + i % 40, 1 + i % 12, 1 + i % 28);
                String id = IdNumber.make(name.equals("大石村") ? "430599" : "430598", birth, (i % 500) * 2 + 1);
                Member head = new Member(UUID.randomUUID(), "户主" + name.charAt(0) + i, id, Relation.HEAD,
                        IdNumber.sex(id), birth, "汉族", Education.PRIMARY, InSchool.NONE, Health.HEALTHY,
                        LabourSkill.ORDINARY, WorkStatus.NOT_WORKING);
                all.add(new Household(UUID.randomUUID(), null, v.id(), null, null, null, null,
                        HouseholdCategory.GENERAL, PovertyCause.ILLNESS, i % 2 == 0 ? PovertyStatus.OUT : PovertyStatus.NOT_OUT,
                        i % 2 == 0 ? 2019 : null, i % 10 == 0 ? MonitoringType.UNSTABLE : null, null, false, null, null,
                        List.of(head), 0, null, null));
            }
        }
        new HouseholdRepository(db.dsl()).insertAll(all, OffsetDateTime.now());
        HouseholdService households = new HouseholdService(db);
        Household first = households.search(org.townshipledger.household.HouseholdQuery.all()
                .withText("户主大0"), 0, 1).rows().stream().findFirst()
                .flatMap(r -> households.household(r.id())).orElseThrow();
        firstId = first.members().get(0).idNumber();
        households.saveCheck(first.id(), new HouseholdCheck(2025, true, true, false, true, true, null, LocalDate.of(2025, 5, 1)));
        reports = ReportService.forLedger(db, Clock.systemDefaultZone());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyPageRepeatsTheHeaderAndCountsItselfAndTheTotalsMatch() throws Exception {
        Path pdf = dir.resolve("register.pdf");
        reports.write(reports.sheet("households"), new ReportParams(2025, null, false), ReportFormat.PDF, pdf,
                Progress.NONE);

        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc).replaceAll("[ \\t]+", " "));
            }
        }
        assertThat(pages.size()).isGreaterThanOrEqualTo(30);
        assertThat(pages.get(0)).contains("青石镇 贫困户/监测户台账（2025 年）");
        for (int p = 0; p < pages.size(); p++) {
            assertThat(pages.get(p)).as("page %d", p + 1).contains("户主").contains("身份证号").contains("义务教育")
                    .contains("第 " + (p + 1) + " 页").contains("共 " + pages.size() + " 页");
        }
        String all = String.join("\n", pages);
        String masked = firstId.substring(0, 6) + "********" + firstId.substring(14);
        assertThat(all).contains("户主大0 " + masked).doesNotContain(firstId);
        assertThat(all).contains("√ √ × √ √");
        assertThat(all).contains("大石村 750 户 750").contains("龙泉村 750 户 750").contains("合计 1500 户 1500 ×1");
        assertThat(all).contains("已脱贫（2019）").contains("脱贫不稳定户");
    }

    @Test
    void fullIdsOnlyWhenAskedAndTheXlsxHasTheSameRows() throws Exception {
        Path xlsx = dir.resolve("register.xlsx");
        ReportParams params = new ReportParams(2025, null, true);
        reports.write(reports.sheet("households"), params, ReportFormat.XLSX, xlsx, Progress.NONE);
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in);
             Stream<Row> stream = wb.getFirstSheet().openStream()) {
            stream.forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                rows.add(cells);
            });
        }
        List<ReportRow> expected = new ArrayList<>();
        reports.sheet("households").rows(params, expected::add);
        assertThat(expected).hasSize(1500 + 3);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(rows.get(3 + i)).as("row %d", i).isEqualTo(expected.get(i).cells());
        }
        assertThat(rows.stream().flatMap(List::stream)).contains(firstId);
    }
}
