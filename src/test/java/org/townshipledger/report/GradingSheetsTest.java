package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.grading.Grade;
import org.townshipledger.grading.GradeScores;
import org.townshipledger.grading.GradingService;
import org.townshipledger.grading.ReviewKind;
import org.townshipledger.grading.SecretaryReview;
import org.townshipledger.grading.VillageGrade;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** 村级格次评定汇总表 and 述职考核结果, written as PDF and read back. */
class GradingSheetsTest {

    @TempDir
    Path dir;

    private Database db;
    private ReportService reports;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir.resolve("ledger"), LedgerSettings.of("青石镇", "示范县", 2025));
        Clock clock = Clock.fixed(Instant.parse("2026-02-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        CadreService cadres = new CadreService(db, villages, settings, clock);
        GradingService grading = new GradingService(db, cadres, settings, clock);
        Village anle = villages.save(village("安乐村", Set.of()));
        Village baishi = villages.save(village("白石村", Set.of(2025)));
        Village chenjia = villages.save(village("陈家村", Set.of()));
        grading.save(VillageGrade.of(anle.id(), 2024, Grade.POOR));
        grading.save(VillageGrade.scored(anle.id(), 2025, GradeScores.of("75", "72", "72.3"), null));
        grading.save(VillageGrade.of(baishi.id(), 2024, Grade.AVERAGE));
        grading.save(VillageGrade.of(baishi.id(), 2025, Grade.POOR));
        grading.save(VillageGrade.of(chenjia.id(), 2024, Grade.GOOD));
        grading.save(VillageGrade.scored(chenjia.id(), 2025, GradeScores.of("95", "92", "93"), null).withStars(5));

        Cadre li = cadre(cadres, "李书记");
        Cadre wang = cadre(cadres, "王第一");
        Cadre zhao = cadre(cadres, "赵书记");
        grading.review(SecretaryReview.of(li.id(), anle.id(), 2025, ReviewKind.BRANCH_SECRETARY,
                scores("100", "100", "80", "80")));
        grading.review(SecretaryReview.of(zhao.id(), baishi.id(), 2025, ReviewKind.BRANCH_SECRETARY,
                scores("60", "50", "55", "58")));
        grading.review(SecretaryReview.of(wang.id(), anle.id(), 2025, ReviewKind.FIRST_SECRETARY,
                scores("90", "90", "90", "90")));
        reports = new ReportService(settings, villages, List.of(new GradingSummarySheet(grading),
                new ReviewResultSheet(grading)), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static List<BigDecimal> scores(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    private static Village village(String name, Set<Integer> weak) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null, weak,
                List.of(), 0, null, null);
    }

    private static Cadre cadre(CadreService cadres, String name) {
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, LocalDate.of(1975, 6, 1), null, null, null, null,
                Rank.VILLAGE_CADRE, true, null, 0, null));
    }

    private String pdfText(String key) throws Exception {
        Path pdf = dir.resolve(key + ".pdf");
        reports.write(reports.sheet(key), new ReportParams(2025, null, false), ReportFormat.PDF, pdf, Progress.NONE);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
        }
    }

    @Test
    void theSummaryHasTheCountsTheMovementAndTheVillagesByGrade() throws Exception {
        String text = pdfText("grades");
        assertThat(text).contains("青石镇 村级格次评定汇总表（2025 年）")
                // 好, 较好, 一般, 较差, total
                .contains("2024 年 1 0 1 1 3")
                .contains("2025 年 1 0 1 1 3")
                .contains("五星党组织 1 3 33.3% 50% 未达到")
                // last year's grade × this year's
                .contains("上年“好” 1 0 0 0 1")
                .contains("上年“一般” 0 0 0 1 1")
                .contains("上年“较差” 0 0 1 0 1")
                .contains("升降情况 升 1 降 1 持平 1")
                .contains("好（1 个）").contains("陈家村 93.33 好 → 持平")
                .contains("一般（1 个）").contains("安乐村 73.1 较差 → 升")
                .contains("较差（1 个）").contains("白石村（软弱涣散） ✓ 一般 → 降")
                .contains("第 1 页").contains("共 1 页").contains("制表人");
    }

    @Test
    void theReviewSheetHasEachSecretarysPartsTotalAndResult() throws Exception {
        String text = pdfText("reviews");
        assertThat(text).contains("青石镇 书记述职考核结果（2025 年）")
                .contains("村党组织书记 2 人 日常记实 20% 现场观摩 20% 年度综合 40% 述职评议 20%")
                .contains("安乐村 李书记 100.0 100.0 80.0 80.0 88.00 称职")
                .contains("白石村 赵书记 60.0 50.0 55.0 58.0 55.60 不称职")
                .contains("驻村第一书记 1 人 电视述职 25% 明查暗访 25% 百姓测评 25% 相互比拼 25%")
                .contains("安乐村 王第一 90.0 90.0 90.0 90.0 90.00 优秀")
                .contains("合计 3 人 优秀 1 称职 1 基本称职 0 不称职 1");
    }
}
