package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.db.Database;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/** Printouts written from a county demo ledger, read back with PDFBox and fastexcel. */
class ReportServiceTest {

    @TempDir
    static Path dir;

    private static Database db;
    private static ReportService reports;

    @BeforeAll
    static void ledger() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        DemoData.create(dir.resolve("ledger"), DemoScale.COUNTY, 3, false);
        db = Database.open(dir.resolve("ledger"));
        reports = ReportService.forLedger(db, Clock.fixed(Instant.parse("2026-03-02T04:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<String> pagesOf(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    @Test
    void villagesPdfHasTitleHeaderOnEveryPagePageNumbersAndTheTotals() throws Exception {
        Path pdf = dir.resolve("villages.pdf");
        reports.write(reports.sheet("villages"), new ReportParams(DemoData.DEMO_YEAR, null, false),
                ReportFormat.PDF, pdf, Progress.NONE);

        List<String> pages = pagesOf(pdf);
        List<Village> villages = new VillageService(db).villages();
        assertThat(pages.size()).isGreaterThan(10);
        assertThat(pages.get(0)).contains("示范县（全县） 村情一览（2025 年）");
        for (int p = 0; p < pages.size(); p++) {
            String text = pages.get(p);
            assertThat(text).as("page %d", p + 1)
                    .contains("村代码").contains("村民小组")
                    .contains("第 " + (p + 1) + " 页").contains("共 " + pages.size() + " 页")
                    .contains("制表人：李明").contains("审核人：王建国").contains("日期：2026 年 3 月 2 日");
        }
        long households = villages.stream().mapToLong(v -> v.householdCount() == null ? 0 : v.householdCount()).sum();
        long groups = villages.stream().mapToLong(v -> v.groups().size()).sum();
        String last = pages.get(pages.size() - 1).replaceAll("\\s+", " ");
        assertThat(last).contains("合计 650 个村 " + groups + " " + households);
        assertThat(String.join("", pages)).contains(villages.get(0).name()).contains(villages.get(649).name());
    }

    @Test
    void villagesXlsxHasTheSameRows() throws Exception {
        Path xlsx = dir.resolve("villages.xlsx");
        reports.write(reports.sheet("villages"), new ReportParams(DemoData.DEMO_YEAR, null, false),
                ReportFormat.XLSX, xlsx, Progress.NONE);

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
        reports.sheet("villages").rows(new ReportParams(DemoData.DEMO_YEAR, null, false), expected::add);

        assertThat(rows.get(0).get(0)).isEqualTo("示范县（全县） 村情一览（2025 年）");
        assertThat(rows.get(2)).startsWith("序号", "村名", "村代码");
        for (int i = 0; i < expected.size(); i++) {
            assertThat(rows.get(3 + i)).as("row %d", i).isEqualTo(expected.get(i).cells());
        }
        assertThat(rows.get(3 + expected.size() - 1).get(1)).isEqualTo("合计 650 个村");
    }
}
