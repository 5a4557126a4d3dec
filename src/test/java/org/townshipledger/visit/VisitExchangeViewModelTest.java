package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.household.Household;
import org.townshipledger.ui.ExportViewModel;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.ui.ImportViewModel.Issue;
import org.townshipledger.ui.ImportViewModel.Phase;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/**
 * The import and export dialogs of the visits, problems and help screens on a real ledger: the preview and the
 * result say what was added, updated and left unchanged; a file imported again has nothing to import.
 */
class VisitExchangeViewModelTest {

    @TempDir
    Path dir;

    private VisitLedger ledger;
    private StatusBarModel status;
    private CurrentThreadTaskExecutor executor;
    private Village dashi;
    private Cadre li;
    private Household wang;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedger(dir.resolve("ledger"));
        status = new StatusBarModel();
        executor = new CurrentThreadTaskExecutor();
        dashi = ledger.village("大石村");
        li = ledger.cadre("李干部");
        wang = ledger.household(dashi, "王大山");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private Path csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aVisitsFileImportedTwiceAddsItsVisitsOnceAndSaysWhatItDid() throws Exception {
        VisitsViewModel visits = new VisitsViewModel(ledger.visits, executor, status, ledger.clock);
        visits.load();
        String row = "2026-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,,,,,,,\n";
        Path file = csv("走访.csv", VisitReimportTest.VISIT_HEADER + row
                + "2026-03-02,座谈,李干部,村,大石村,,,,,,,,,,\n" + row);

        ImportViewModel dialog = visits.importer();
        assertThat(dialog.title()).isEqualTo("导入走访记录");
        dialog.check(file);
        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.CHECKED);
        assertThat(dialog.summaryProperty().get())
                .isEqualTo("检查完成：将新增 2 条走访记录，更新 0 条，未变 0 条；文件中 1 行与前面的行相同，只计一次");
        assertThat(dialog.issues()).extracting(Issue::kind, Issue::line)
                .containsExactly(tuple("提示", 4));
        assertThat(dialog.issues().get(0).reason()).isEqualTo("与第 2 行是同一条记录、内容相同，只计一次");
        assertThat(dialog.canImportBinding().get()).isTrue();
        dialog.importChecked();
        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.IMPORTED);
        assertThat(status.messageProperty().get()).isEqualTo("已导入走访记录：新增 2 条走访记录，更新 0 条，未变 0 条；"
                + "文件中 1 行与前面的行相同，只计一次");
        assertThat(visits.rows()).hasSize(2);

        // The same file again: nothing to import, and the dialog says why.
        ImportViewModel again = visits.importer();
        again.check(file);
        assertThat(again.summaryProperty().get())
                .isEqualTo("检查完成：将新增 0 条走访记录，更新 0 条，未变 2 条；文件中 1 行与前面的行相同，只计一次");
        assertThat(again.verdictProperty().get()).isEqualTo("文件里的记录都已在台账中，内容也相同，没有要导入的改动。");
        assertThat(again.canImportBinding().get()).isFalse();

        // A changed row updates its visit.
        ImportViewModel later = visits.importer();
        later.check(csv("走访-补充.csv", VisitReimportTest.VISIT_HEADER
                + "2026-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,联系村医,,,,,,\n"));
        assertThat(later.summaryProperty().get()).isEqualTo("检查完成：将新增 0 条走访记录，更新 1 条，未变 0 条");
        later.importChecked();
        assertThat(ledger.visits.count()).isEqualTo(2);
        assertThat(visits.rows()).extracting(Visit::done).contains("联系村医");
    }

    @Test
    void theExportWritesWhatTheFiltersShowAndImportsBackUnchanged() throws Exception {
        ledger.visits.raise(Problem.found(ProblemKind.HARDSHIP, null, "张三", dashi.id(), LocalDate.of(2026, 2, 1),
                "缺劳力"));
        ledger.visits.raise(Problem.found(ProblemKind.HARDSHIP, null, "张三", dashi.id(), LocalDate.of(2025, 2, 1),
                "去年的"));
        ledger.visits.give(HelpItem.forHousehold(wang.id(), HelpKind.INDUSTRY, "养牛", new BigDecimal("1200.50"),
                null, LocalDate.of(2026, 3, 1), HelpStatus.DONE).withHelper(li.id(), null));

        ProblemsViewModel problems = new ProblemsViewModel(ledger.visits, executor, status, ledger.clock);
        problems.load();
        problems.villageProperty().set(dashi);
        problems.yearProperty().set(2026);
        ExportViewModel export = problems.exporter();
        assertThat(export.title()).isEqualTo("导出诉求");
        assertThat(export.scope()).isEqualTo("大石村、2026 年的诉求");
        assertThat(export.hasIdNumbers()).isTrue();
        Path file = dir.resolve("诉求.xlsx");
        export.export(file);
        assertThat(status.messageProperty().get()).isEqualTo("已导出 1 条诉求 → " + file);
        ImportViewModel dialog = problems.importer();
        dialog.check(file);
        assertThat(dialog.summaryProperty().get()).isEqualTo("检查完成：将新增 0 条诉求，更新 0 条，未变 1 条");
        assertThat(dialog.canImportBinding().get()).isFalse();

        HelpViewModel help = new HelpViewModel(ledger.visits, executor, status, ledger.clock);
        help.load();
        ExportViewModel helpExport = help.exporter();
        assertThat(helpExport.scope()).isEqualTo(help.yearProperty().get() == null ? "全部帮扶措施"
                : help.yearProperty().get() + " 年的帮扶措施");
        Path helpFile = dir.resolve("帮扶.csv");
        helpExport.export(helpFile);
        assertThat(Files.readString(helpFile, StandardCharsets.UTF_8)).contains("养牛", "1200.50", "李干部");
        ImportViewModel helpDialog = help.importer();
        helpDialog.check(csv("帮扶-改.csv", Files.readString(helpFile, StandardCharsets.UTF_8)
                .replace("1200.50", "1300.00")));
        assertThat(helpDialog.summaryProperty().get()).isEqualTo("检查完成：将新增 0 条帮扶措施，更新 1 条，未变 0 条");
        helpDialog.importChecked();
        assertThat(ledger.visits.helpItems(HelpFilter.all())).extracting(HelpItem::money)
                .containsExactly(new BigDecimal("1300.00"));
        assertThat(List.of(ledger.visits.helpCount(), ledger.visits.problemCount())).containsExactly(1, 2);
    }
}
