package org.townshipledger.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.ui.ExportViewModel;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.ui.ImportViewModel.Issue;
import org.townshipledger.ui.ImportViewModel.Phase;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * The import and export dialogs' state for the households register, against a real ledger file with real .xlsx
 * files, the work run on the test thread.
 */
class HouseholdsExchangeViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private HouseholdService service;
    private StatusBarModel status;
    private TestExecutor executor;
    private HouseholdsViewModel vm;
    private Village dashi;

    /** Runs on the test thread; its progress can say "cancelled" from the start, or from the first report on. */
    static final class TestExecutor implements TaskExecutor {
        private final CurrentThreadTaskExecutor inner = new CurrentThreadTaskExecutor();
        boolean cancelFromStart;
        boolean cancelAtFirstReport;
        private boolean reported;

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            reported = false;
            inner.execute(work, onSuccess, onFailure);
        }

        @Override
        public Progress progress(DoubleConsumer onUi, BooleanSupplier cancelled) {
            return new Progress() {
                @Override
                public void worked(long done, long total) {
                    reported = true;
                    onUi.accept(total > 0 ? (double) done / total : -1);
                }

                @Override
                public boolean cancelled() {
                    return cancelFromStart || (cancelAtFirstReport && reported) || cancelled.getAsBoolean();
                }
            };
        }
    }

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir.resolve("ledger"), LedgerSettings.of("青石镇", "示范县", 2025));
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T06:05:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        dashi = villages.save(HouseholdImportTest.village("大石村", "一组", "二组"));
        villages.save(HouseholdImportTest.village("龙泉村", "一组"));
        service = new HouseholdService(db, villages, settings, clock);
        status = new StatusBarModel();
        executor = new TestExecutor();
        vm = new HouseholdsViewModel(service, executor, status, clock);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<String> heads() {
        return vm.rows().stream().map(HouseholdRow::headName).toList();
    }

    @Test
    void aBadFileShowsWhatItWouldDoAndEveryErrorByRowAndWritesNothing() throws Exception {
        ImportViewModel dialog = vm.importer();
        assertThat(dialog.title()).isEqualTo("导入农户");
        Path bad = ImportSheets.badHouseholds(dir.resolve("农户表.xlsx"));

        dialog.check(bad);

        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.CHECKED);
        assertThat(dialog.busyProperty().get()).isFalse();
        ImportCheck check = dialog.checkProperty().get();
        assertThat(check.errors()).hasSize(2);
        assertThat(dialog.issues()).extracting(Issue::kind, Issue::line, Issue::column).containsExactly(
                tuple("错误", 3, "证件号码"),
                tuple("错误", 5, "村"));
        assertThat(dialog.issues().get(0).value()).startsWith("4.30599");
        assertThat(dialog.issues().get(0).reason()).contains("被 Excel 当成数字保存了");
        assertThat(dialog.issues().get(1).value()).isEqualTo("白云村");
        assertThat(dialog.issues().get(1).reason()).contains("台账中没有这个村");
        assertThat(dialog.summaryProperty().get()).isEqualTo("检查完成：将" + "新增 " + check.added() + " 户，更新 "
                + check.updated() + " 户，共 " + check.rows() + " 人");
        assertThat(dialog.verdictProperty().get()).startsWith("有 2 处错误，全部改正后才能导入；台账未作任何改动。");
        assertThat(dialog.verdictBadProperty().get()).isTrue();
        assertThat(dialog.canImportBinding().get()).isFalse();
        assertThat(dialog.canSaveReportBinding().get()).isTrue();

        // 导入 is not offered; even if asked, nothing is written.
        dialog.importChecked();
        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.CHECKED);
        assertThat(service.householdCount()).isZero();
        assertThat(service.memberCount()).isZero();
        assertThat(status.messageProperty().get()).isEmpty();

        // The error report is the one `households import --errors` writes: the bad rows with 错误原因.
        assertThat(dialog.reportFileName()).isEqualTo("农户表-错误报告");
        Path report = dir.resolve("农户表-错误报告.xlsx");
        dialog.saveErrorReport(report);
        assertThat(dialog.reportMessageProperty().get()).isEqualTo("错误报告已保存：" + report);
        List<List<String>> cells = HouseholdImportTest.readXlsx(report);
        assertThat(cells).hasSize(3);
        assertThat(cells.get(0)).startsWith("户编号", "村", "组", "姓名").endsWith("错误原因");
        assertThat(cells.get(1)).contains("李秀英");
        assertThat(cells.get(1).get(cells.get(1).size() - 1)).startsWith("证件号码：“4.30599");
        assertThat(cells.get(2)).contains("王强", "白云村");
        assertThat(cells.get(2).get(cells.get(2).size() - 1)).startsWith("村：“白云村” 台账中没有这个村");
        assertThat(service.householdCount()).isZero();
    }

    @Test
    void aGoodFileIsOnlyWrittenAfterImportIsConfirmedThenTheListReloads() throws Exception {
        ImportViewModel dialog = vm.importer();
        Path good = ImportSheets.goodHouseholds(dir.resolve("good.xlsx"));

        dialog.check(good);

        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.CHECKED);
        assertThat(dialog.checkProperty().get()).extracting(ImportCheck::added, ImportCheck::updated, ImportCheck::rows)
                .containsExactly(2, 0, 5);
        assertThat(dialog.summaryProperty().get()).isEqualTo("检查完成：将新增 2 户，更新 0 户，共 5 人");
        assertThat(dialog.verdictProperty().get()).isEqualTo("没有发现错误。点“导入”写入台账。");
        assertThat(dialog.verdictBadProperty().get()).isFalse();
        assertThat(dialog.issues()).isEmpty();
        assertThat(dialog.canImportBinding().get()).isTrue();
        assertThat(dialog.canSaveReportBinding().get()).isFalse();
        assertThat(service.householdCount()).as("a check writes nothing").isZero();
        assertThat(heads()).isEmpty();

        dialog.importChecked();

        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.IMPORTED);
        assertThat(service.householdCount()).isEqualTo(2);
        assertThat(service.memberCount()).isEqualTo(5);
        assertThat(status.messageProperty().get()).isEqualTo("已导入农户：新增 2 户，更新 0 户，共 5 人");
        assertThat(heads()).containsExactlyInAnyOrder("张大山", "王强");

        // The same file again updates the two households instead of adding them twice.
        ImportViewModel again = vm.importer();
        again.check(good);
        assertThat(again.summaryProperty().get()).isEqualTo("检查完成：将新增 0 户，更新 2 户，共 5 人");
        again.importChecked();
        assertThat(service.householdCount()).isEqualTo(2);
        assertThat(status.messageProperty().get()).isEqualTo("已导入农户：新增 0 户，更新 2 户，共 5 人");
    }

    @Test
    void warningsAreListedButDoNotBlock() throws Exception {
        ImportViewModel dialog = vm.importer();

        dialog.check(ImportSheets.householdWithWarnings(dir.resolve("warn.xlsx")));

        assertThat(dialog.issues()).extracting(Issue::kind, Issue::line, Issue::column).containsExactly(
                tuple("提示", 2, "风险类别"),
                tuple("提示", 3, "出生日期"));
        assertThat(dialog.verdictProperty().get()).startsWith("没有错误；另有 2 条提示，不影响导入");
        assertThat(dialog.canImportBinding().get()).isTrue();
        dialog.importChecked();
        assertThat(service.householdCount()).isEqualTo(1);
    }

    @Test
    void cancelStopsTheCheckOrTheImportAndNothingIsWritten() throws Exception {
        Path good = ImportSheets.goodHouseholds(dir.resolve("good.xlsx"));
        ImportViewModel dialog = vm.importer();

        executor.cancelAtFirstReport = true;
        dialog.check(good);
        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(dialog.summaryProperty().get()).isEqualTo("已取消检查，台账未作任何改动。");
        assertThat(dialog.canImportBinding().get()).isFalse();

        executor.cancelAtFirstReport = false;
        dialog.recheck();
        assertThat(dialog.canImportBinding().get()).isTrue();
        executor.cancelAtFirstReport = true;
        dialog.importChecked();
        assertThat(dialog.phaseProperty().get()).as("the preview stays").isEqualTo(Phase.CHECKED);
        assertThat(dialog.verdictProperty().get()).isEqualTo("已取消导入，台账未作任何改动。");
        assertThat(service.householdCount()).isZero();
        assertThat(service.memberCount()).isZero();
    }

    @Test
    void aFileWithoutAHeaderRowSaysSo() throws Exception {
        Path f = dir.resolve("names.csv");
        Files.writeString(f, "名字,号码\n张三,1\n", StandardCharsets.UTF_8);
        ImportViewModel dialog = vm.importer();

        dialog.check(f);

        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(dialog.summaryProperty().get()).isEqualTo("无法检查这个文件");
        assertThat(dialog.verdictProperty().get()).startsWith("没有找到表头行");
        assertThat(dialog.verdictBadProperty().get()).isTrue();
        assertThat(dialog.canImportBinding().get()).isFalse();
    }

    @Test
    void exportTakesTheVillageFilterAndMasksIdsUnlessAskedAndCanBeCancelled() throws Exception {
        ImportViewModel importer = vm.importer();
        importer.check(ImportSheets.goodHouseholds(dir.resolve("good.xlsx")));
        importer.importChecked();
        vm.villageProperty().set(vm.villages().stream().filter(v -> v.id().equals(dashi.id())).findFirst()
                .orElseThrow());

        ExportViewModel export = vm.exporter();
        assertThat(export.title()).isEqualTo("导出农户");
        assertThat(export.scope()).startsWith("大石村的农户");
        assertThat(export.hasIdNumbers()).isTrue();
        assertThat(export.fullIdProperty().get()).as("masked by default").isFalse();
        assertThat(export.fileName()).isEqualTo("农户名册-大石村");

        Path masked = dir.resolve("out").resolve("masked.xlsx");
        export.export(masked);
        assertThat(export.doneProperty().get()).isTrue();
        assertThat(status.messageProperty().get()).isEqualTo("已导出 1 户（3 人）→ " + masked);
        String zhang = HouseholdImportTest.ZHANG;
        List<List<String>> rows = HouseholdImportTest.readXlsx(masked);
        assertThat(rows.toString()).contains("张大山", zhang.substring(0, 6) + "********" + zhang.substring(14))
                .doesNotContain(zhang).doesNotContain("王强");

        ExportViewModel full = vm.exporter();
        full.fullIdProperty().set(true);
        Path fullFile = dir.resolve("out").resolve("full.csv");
        full.export(fullFile);
        assertThat(Files.readString(fullFile, StandardCharsets.UTF_8)).contains(zhang);

        ExportViewModel cancelled = vm.exporter();
        executor.cancelFromStart = true;
        Path none = dir.resolve("out").resolve("cancelled.xlsx");
        cancelled.export(none);
        assertThat(cancelled.doneProperty().get()).isFalse();
        assertThat(cancelled.messageProperty().get()).isEqualTo("已取消导出，没有留下文件。");
        assertThat(none).doesNotExist();
        try (var files = Files.list(none.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("masked.xlsx", "full.csv");
        }
    }
}
