package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.common.Progress;
import org.townshipledger.household.Household;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingKind;
import org.townshipledger.village.Village;
import org.townshipledger.visit.DisputeKind;
import org.townshipledger.visit.HelpItem;
import org.townshipledger.visit.HelpKind;
import org.townshipledger.visit.HelpStatus;
import org.townshipledger.visit.Problem;
import org.townshipledger.visit.ProblemKind;
import org.townshipledger.visit.ProblemStatus;
import org.townshipledger.visit.SettledLevel;
import org.townshipledger.visit.Visit;
import org.townshipledger.visit.VisitKind;
import org.townshipledger.visit.VisitLedgerAccess;
import org.townshipledger.visit.VisitService;

/** 走访台账, 问题化解台账 and 帮扶项目与资金统计, written as PDF and read back. */
class VisitSheetsTest {

    @TempDir
    Path dir;

    private VisitLedgerAccess ledger;
    private ReportService reports;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedgerAccess(dir.resolve("ledger"));
        VisitService visits = ledger.visits();
        Village dashi = ledger.village("大石村");
        Village xiaohe = ledger.village("小河村");
        Cadre li = ledger.cadre("李走访");
        Cadre zhao = ledger.cadre("赵干部");
        Household wang = ledger.household(dashi, "王大山");
        Household sun = ledger.household(xiaohe, "孙小河");
        ledger.pairings().pair(Pairing.ofHousehold(zhao.id(), sun.id(), PairingKind.ONE_TO_ONE,
                LocalDate.of(2025, 1, 1)));
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 1, 5), VisitKind.HOME_VISIT,
                List.of(li.id(), zhao.id())));
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 3, 5), VisitKind.HOME_VISIT,
                List.of(li.id())));
        visits.record(Visit.ofVillage(xiaohe.id(), LocalDate.of(2026, 3, 9), VisitKind.FORUM, List.of(li.id())));
        for (int i = 0; i < 7; i++) {
            Problem p = visits.raise(Problem.found(ProblemKind.DISPUTE, DisputeKind.HOMESTEAD, "张三" + i,
                    i < 4 ? dashi.id() : xiaohe.id(), LocalDate.of(2026, 2, 1).plusDays(i), "宅基地界址"));
            if (i < 6) {
                visits.updateProblem(p.withStatus(ProblemStatus.RESOLVED, p.raisedOn().plusDays(2), "调解",
                        i < 5 ? SettledLevel.VILLAGE : SettledLevel.TOWNSHIP));
            }
        }
        visits.give(HelpItem.forHousehold(wang.id(), HelpKind.INDUSTRY, "养牛", new BigDecimal("1234.56"),
                new BigDecimal("300.10"), LocalDate.of(2026, 3, 1), HelpStatus.DONE));
        visits.give(HelpItem.forVillage(dashi.id(), HelpKind.INDUSTRY, "合作社", new BigDecimal("1000000.01"), null,
                LocalDate.of(2026, 3, 2), HelpStatus.IN_PROGRESS));
        visits.give(HelpItem.forVillage(xiaohe.id(), HelpKind.WATER, "水井", new BigDecimal("0.09"), null,
                LocalDate.of(2026, 4, 1), HelpStatus.DONE));
        reports = new ReportService(ledger.settings(), ledger.villages(), List.of(new VisitLogSheet(visits),
                new ProblemSheet(visits), new HelpSheet(visits)), ledger.clock());
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private String pdfText(String key) throws Exception {
        Path pdf = dir.resolve(key + ".pdf");
        reports.write(reports.sheet(key), new ReportParams(2026, null, false), ReportFormat.PDF, pdf, Progress.NONE);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
        }
    }

    @Test
    void visitLogCountsEachCadresVisitsByMonthAndListsTheHouseholdsNotVisited() throws Exception {
        String text = pdfText("visits");
        assertThat(text).contains("青石镇 走访台账（2026 年）")
                .contains("李走访 1 2 3").contains("赵干部 1 1")
                .contains("干部 2 人 2 0 2 0 0 0 0 0 0 0 0 0 4")
                .contains("未走访：小河村 户主 孙小河").contains("帮扶人 赵干部")
                .contains("全年未走访的贫困户、监测户共 1 户")
                .contains("第 1 页").contains("共 1 页");
    }

    @Test
    void problemSheetListsTheProblemsAndTheRate() throws Exception {
        String text = pdfText("problems");
        assertThat(text).contains("青石镇 问题化解台账（2026 年）")
                .contains("大石村 2026-02-01 矛盾纠纷（宅基地） 张三0 宅基地界址 已化解 2026-02-03 调解 村")
                .contains("小河村 2026-02-07 矛盾纠纷（宅基地） 张三6 宅基地界址 排查")
                .contains("大石村 发现 4 件 化解 4 件 化解率 100.00%")
                .contains("小河村 发现 3 件 化解 2 件 化解率 66.67%")
                .contains("合计 发现 7 件 化解 6 件 化解率 85.71% 村级 5，乡级 1，县级 0");
    }

    @Test
    void helpSheetSumsByKindAndVillageToTheFen() throws Exception {
        String text = pdfText("help");
        assertThat(text).contains("青石镇 帮扶项目与资金统计（2026 年）")
                .contains("大石村 产业 2 1,001,234.57 300.10 1,001,534.67")
                .contains("大石村 小计 2 1,001,234.57 300.10 1,001,534.67")
                .contains("小河村 饮水 1 0.09 0.00 0.09")
                .contains("各村合计 产业 2 1,001,234.57")
                .contains("合计 3 1,001,234.66 300.10 1,001,534.76");
    }
}
