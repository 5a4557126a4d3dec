package org.townshipledger.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.ui.ExportViewModel;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.ui.ImportViewModel.Issue;
import org.townshipledger.ui.ImportViewModel.Phase;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.VillageService;

/** The import and export dialogs' state for the units and cadres registers, against a real ledger file. */
class CadreExchangeViewModelTest {

    private static final String LI_ID = IdNumber.make("430599", LocalDate.of(1985, 6, 1), 13);

    @TempDir
    Path dir;

    private Database db;
    private CadreService service;
    private StatusBarModel status;
    private UnitsViewModel units;
    private CadresViewModel cadres;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir.resolve("ledger"), LedgerSettings.of("青石镇", "示范县", 2025));
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        service = new CadreService(db, villages, settings, clock);
        status = new StatusBarModel();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        units = new UnitsViewModel(service, executor, status, clock);
        cadres = new CadresViewModel(service, villages, executor, status, clock);
        units.load();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Path csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aBadUnitsSheetListsItsCellsAndWritesNothingAGoodOneIsImportedOnConfirm() throws Exception {
        Path bad = csv("单位.csv", "单位名称,级别,类型\n"
                + "县农业农村局,部级,机关单位\n"
                + "县财政局,县/旗,机关单位\n"
                + "县农业农村局,县/旗,机关单位\n");
        ImportViewModel dialog = units.importer();
        assertThat(dialog.title()).isEqualTo("导入帮扶单位");

        dialog.check(bad);

        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.CHECKED);
        assertThat(dialog.issues()).extracting(Issue::kind, Issue::line, Issue::column, Issue::value).containsExactly(
                tuple("错误", 2, "级别", "部级"),
                tuple("错误", 4, "单位名称", "县农业农村局"));
        assertThat(dialog.issues().get(1).reason()).isEqualTo("单位“县农业农村局”在第 2 行已出现过");
        assertThat(dialog.summaryProperty().get()).isEqualTo("检查完成：将新增 1 个单位，更新 0 个");
        assertThat(dialog.canImportBinding().get()).isFalse();
        assertThat(service.unitCount()).isZero();

        Path report = dir.resolve("单位-错误报告.csv");
        dialog.saveErrorReport(report);
        assertThat(Files.readString(report, StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "\uFEFF单位名称,级别,类型,错误原因",
                "县农业农村局,部级,机关单位,级别：级别“部级”无法识别，应为 " + String.join("、",
                        java.util.Arrays.stream(UnitLevel.values()).map(UnitLevel::fileLabel).toList()),
                "县农业农村局,县/旗,机关单位,单位名称：单位“县农业农村局”在第 2 行已出现过");

        Path good = csv("单位-改正后.csv", "单位名称,级别,类型\n"
                + "县农业农村局,县/旗,机关单位\n"
                + "县财政局,县/旗,机关单位\n");
        dialog.check(good);
        assertThat(dialog.issues()).isEmpty();
        assertThat(service.unitCount()).isZero();
        dialog.importChecked();

        assertThat(dialog.phaseProperty().get()).isEqualTo(Phase.IMPORTED);
        assertThat(service.unitCount()).isEqualTo(2);
        assertThat(units.allUnits()).extracting(Unit::name).containsExactlyInAnyOrder("县农业农村局", "县财政局");
        assertThat(status.messageProperty().get()).isEqualTo("已导入帮扶单位：新增 2 个单位，更新 0 个");
    }

    @Test
    void cadresAreImportedAndExportedWithIdsMaskedUnlessAsked() throws Exception {
        ImportViewModel dialog = cadres.cadreImporter();
        dialog.check(csv("干部.csv", "姓名,性别,身份证号\n李明,男," + LI_ID + "\n"));
        assertThat(dialog.summaryProperty().get()).isEqualTo("检查完成：将新增 1 名干部，更新 0 名");
        dialog.importChecked();
        assertThat(service.cadreCount()).isEqualTo(1);

        ExportViewModel export = cadres.cadreExporter();
        assertThat(export.hasIdNumbers()).isTrue();
        Path masked = dir.resolve("干部名册.csv");
        export.export(masked);
        assertThat(status.messageProperty().get()).isEqualTo("已导出 1 名干部 → " + masked);
        assertThat(Files.readString(masked, StandardCharsets.UTF_8)).contains("李明").doesNotContain(LI_ID);

        ExportViewModel full = cadres.cadreExporter();
        full.fullIdProperty().set(true);
        Path fullFile = dir.resolve("干部名册-完整.csv");
        full.export(fullFile);
        assertThat(Files.readString(fullFile, StandardCharsets.UTF_8)).contains(LI_ID);

        assertThat(cadres.assignmentExporter().hasIdNumbers()).isFalse();
        assertThat(cadres.assignmentImporter().title()).isEqualTo("导入任职记录");
    }
}
