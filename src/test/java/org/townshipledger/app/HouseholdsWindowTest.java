package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.household.HouseholdRow;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.ImportSheets;
import org.townshipledger.household.Member;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** The 农户 screen in the real main window, headless (Monocle), on a real ledger file. */
@ExtendWith(ApplicationExtension.class)
class HouseholdsWindowTest {

    private static Path dataDir;
    private static Member wife;
    private LedgerApp app;
    private final ChosenFiles files = new ChosenFiles();

    /** Answers the file dialogs with the paths a test queued, instead of opening the system's dialog. */
    static final class ChosenFiles implements FileDialogs {
        final Deque<Path> toOpen = new ArrayDeque<>();
        final Deque<Path> toSave = new ArrayDeque<>();
        final List<String> titles = new ArrayList<>();

        @Override
        public Optional<Path> chooseToOpen(Window owner, String title) {
            titles.add(title);
            return Optional.ofNullable(toOpen.poll());
        }

        @Override
        public Optional<Path> chooseToSave(Window owner, String title, String initialName) {
            titles.add(title + "|" + initialName);
            return Optional.ofNullable(toSave.poll());
        }
    }

    /** A fresh ledger for each test, made before the window opens on it. */
    private static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-households-ui-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", 2025))) {
            VillageService villages = new VillageService(db);
            Village dashi = villages.save(village("大石村"));
            Village longquan = villages.save(village("龙泉村"));
            HouseholdService service = new HouseholdService(db);
            wife = SampleHouseholds.member("李秀英", Relation.SPOUSE, LocalDate.of(1972, 8, 9), 22);
            service.save(SampleHouseholds.household(dashi,
                    SampleHouseholds.member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11), wife));
            service.save(SampleHouseholds.household(longquan,
                    SampleHouseholds.member("王建国", Relation.HEAD, LocalDate.of(1965, 1, 2), 31),
                    SampleHouseholds.member("王小明", Relation.SON, LocalDate.of(1990, 7, 7), 33)));
            service.save(SampleHouseholds.household(dashi,
                    SampleHouseholds.member("刘小红", Relation.HEAD, LocalDate.of(1980, 5, 6), 42)));
        }
    }

    private static Village village(String name) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null, Set.of(),
                List.of(VillageGroup.named("一组")), 0, null, null);
    }

    @Start
    void start(Stage stage) throws Exception {
        createLedger();
        LedgerApp.dataDirOption = dataDir.toString();
        LedgerApp.fileDialogs = files;
        app = new LedgerApp();
        app.start(stage);
    }

    @AfterEach
    void closeLedger() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            app.stop();
            Platform.runLater(() -> { });
        }).get(20, TimeUnit.SECONDS);
    }

    private TableView<HouseholdRow> openHouseholds(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".nav-list .list-cell")
                .match(n -> n instanceof Labeled l && "农户".equals(l.getText())).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("农户");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#searchField").tryQuery().isPresent());
        TableView<HouseholdRow> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() >= 3);
        return table;
    }

    /** Read on the FX thread: the list is replaced there while the test waits (a read from here raced it). */
    private static List<String> heads(TableView<HouseholdRow> table) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> table.getItems().stream().map(HouseholdRow::headName).toList())
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitForHeads(TableView<HouseholdRow> table, String... expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heads(table).equals(List.of(expected)));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(heads(table)).containsExactly(expected);
        }
    }

    @Test
    void searchNarrowsTheListByMemberNameInitialsAndIdTail(FxRobot robot) throws Exception {
        TableView<HouseholdRow> table = openHouseholds(robot);
        assertThat(heads(table)).containsExactly("刘小红", "王建国", "张大山");
        assertThat(robot.lookup("#pageLabel").queryAs(Labeled.class).getText()).isEqualTo("第 1 / 1 页，共 3 户");

        robot.clickOn("#searchField").write("李秀英");
        waitForHeads(table, "张大山");

        // Ctrl+F selects the search text, so typing replaces it.
        robot.clickOn(table).push(KeyCode.CONTROL, KeyCode.F).write("wxm");
        waitForHeads(table, "王建国");

        robot.push(KeyCode.CONTROL, KeyCode.F).write(wife.idNumber().substring(12));
        waitForHeads(table, "张大山");
        assertThat(table.getItems().get(0).villageName()).isEqualTo("大石村");

        // Enter goes to the first row; Ctrl+C there copies it for Excel, the ID masked.
        robot.clickOn("#searchField").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.isFocused()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertThat(copied.lines().toList()).containsExactly(
                "村\t组\t户主\t身份证号\t人数\t贫困户属性\t脱贫状态\t监测类型\t联系电话",
                "大石村\t一组\t张大山\t" + "430599********" + wifesHead(table)
                        + "\t2\t一般贫困户\t未脱贫\t\t13800001111");

        robot.push(KeyCode.CONTROL, KeyCode.F).write("找不到的人");
        waitForHeads(table);
    }

    @Test
    void addsAHouseholdWithOneMemberAndFindsItInTheLedgerFile(FxRobot robot) throws Exception {
        TableView<HouseholdRow> table = openHouseholds(robot);
        robot.clickOn(table).push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#villageBox").tryQuery()
                .map(Node::isVisible).orElse(false) && !robot.lookup("#addMemberButton").query().isDisabled());
        ComboBox<?> villages = robot.lookup("#villageBox").queryComboBox();
        // The list opens on "（请选择）"; the next entry is 大石村.
        robot.clickOn(villages).type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(villages.getValue().toString()).isEqualTo("大石村");

        robot.clickOn("#addMemberButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#idField").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        String id = IdNumber.make("430599", LocalDate.of(1968, 4, 12), 135);
        robot.clickOn("#nameField").write("赵铁柱");
        robot.clickOn("#idField").write(id);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sexBox").queryComboBox().getValue().toString()).isEqualTo("男");
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#phoneField").write("13712345678");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#saveButton").query().isDisabled());
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> householdsInFile().contains("大石村|赵铁柱|" + id + "|13712345678|1"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heads(table).contains("赵铁柱"));
        assertThat(robot.lookup("#titleLabel").queryAs(Labeled.class).getText()).isEqualTo("赵铁柱户 · 大石村");
        TextField phone = robot.lookup("#phoneField").queryAs(TextField.class);
        assertThat(phone.getText()).isEqualTo("13712345678");
    }

    @Test
    void importsAFileThroughTheDialogOnlyAfterTheCheckFindsNoErrors(FxRobot robot) throws Exception {
        TableView<HouseholdRow> table = openHouseholds(robot);
        Path bad = ImportSheets.badHouseholds(dataDir.resolve("农户表.xlsx"));
        Path good = ImportSheets.goodHouseholds(dataDir.resolve("农户表-改正后.xlsx"));

        // 导入… asks for a file, then the dialog checks it in the background and lists the errors.
        files.toOpen.add(bad);
        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#issueTable").tryQuery().isPresent()
                && !robot.lookup("#issueTable").queryTableView().getItems().isEmpty());
        // The list is filled before the summary in the same FX callback: let it finish.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(files.titles).containsExactly("导入农户");
        TableView<ImportViewModel.Issue> issues = robot.lookup("#issueTable").queryTableView();
        // Two errors, then a warning: with her ID unreadable, 李秀英 of the ledger's household seems to be missing.
        assertThat(issues.getItems()).extracting(ImportViewModel.Issue::kind, ImportViewModel.Issue::line,
                ImportViewModel.Issue::column, ImportViewModel.Issue::value).containsExactly(
                tuple("错误", 3, "证件号码", "4.30599197208092E+17"),
                tuple("错误", 5, "村", "白云村"),
                tuple("提示", 2, "姓名", "李秀英"));
        assertThat(issues.getItems().get(1).reason()).startsWith("台账中没有这个村");
        assertThat(issues.getColumns()).extracting(c -> c.getText()).containsExactly("类型", "行", "列", "值", "原因");
        assertThat(text(robot, "#summaryLabel")).startsWith("检查完成：将");
        assertThat(text(robot, "#verdictLabel")).startsWith("有 2 处错误");
        assertThat(robot.lookup("#confirmImportButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#reportButton").query().isVisible()).isTrue();

        // The error report goes where the clerk chose.
        Path report = dataDir.resolve("报告").resolve("农户表-错误报告.xlsx");
        files.toSave.add(report);
        robot.clickOn("#reportButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(report)
                && text(robot, "#reportLabel").startsWith("错误报告已保存"));
        assertThat(files.titles).contains("保存错误报告…|农户表-错误报告");
        assertThat(householdsInFile()).noneMatch(r -> r.contains("王强"));

        // 选择文件… picks the corrected file; without errors, 导入 appears.
        files.toOpen.add(good);
        robot.clickOn("#chooseButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#confirmImportButton").query().isVisible());
        assertThat(issues.getItems()).isEmpty();
        // 张大山's household is in the ledger already (same head ID): it is updated; 王强's is new.
        assertThat(text(robot, "#summaryLabel")).isEqualTo("检查完成：将新增 1 户，更新 1 户，共 5 人");
        assertThat(text(robot, "#verdictLabel")).isEqualTo("没有发现错误。点“导入”写入台账。");
        assertThat(householdsInFile()).noneMatch(r -> r.contains("王强"));

        robot.clickOn("#confirmImportButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#issueTable").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heads(table).contains("王强"));
        assertThat(text(robot, "#statusMessage")).isEqualTo("已导入农户：新增 1 户，更新 1 户，共 5 人");
        assertThat(householdsInFile()).contains("龙泉村|王强|" + IdNumber.make("430599", LocalDate.of(1996, 4, 4), 33) + "|13800001111|2");
        assertThat(heads(table)).containsExactlyInAnyOrder("刘小红", "王建国", "王强", "张大山");
    }

    @Test
    void exportsTheFilteredVillageWithMaskedIdsUnlessFullIsTicked(FxRobot robot) throws Exception {
        TableView<HouseholdRow> table = openHouseholds(robot);
        ComboBox<?> villages = robot.lookup("#villageFilter").queryComboBox();
        robot.clickOn(villages).type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitForHeads(table, "刘小红", "张大山");

        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fullIdBox").tryQuery().isPresent());
        assertThat(text(robot, "#titleLabel")).isEqualTo("导出农户");
        assertThat(text(robot, "#scopeLabel")).startsWith("大石村的农户");
        CheckBox full = robot.lookup("#fullIdBox").queryAs(CheckBox.class);
        assertThat(full.isSelected()).isFalse();
        Path out = dataDir.resolve("导出").resolve("大石村.csv");
        files.toSave.add(out);
        robot.clickOn("#startExportButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fullIdBox").tryQuery().isEmpty());
        assertThat(files.titles).contains("导出农户|农户名册-大石村");
        assertThat(text(robot, "#statusMessage")).isEqualTo("已导出 2 户（3 人）→ " + out);
        String csv = Files.readString(out);
        assertThat(csv).contains("张大山", "刘小红", "430599********").doesNotContain(wife.idNumber())
                .doesNotContain("王建国");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** The last four characters of the first row's head's ID, as the masked column shows them. */
    private static String wifesHead(TableView<HouseholdRow> table) {
        return table.getItems().get(0).headIdNumber().substring(14);
    }

    /** Reads the ledger file through its own JDBC connection, not through the app. */
    private static List<String> householdsInFile() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger") + ";IFEXISTS=TRUE",
                "ledger", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT V.NAME, H.HEAD_NAME, M.ID_NUMBER, H.PHONE, H.MEMBER_COUNT FROM HOUSEHOLD H"
                             + " JOIN VILLAGE V ON V.ID = H.VILLAGE_ID"
                             + " JOIN HOUSEHOLD_MEMBER M ON M.HOUSEHOLD_ID = H.ID AND M.DELETED_AT IS NULL"
                             + " WHERE H.DELETED_AT IS NULL ORDER BY H.HEAD_NAME")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getInt(5));
            }
        }
        return rows;
    }
}
