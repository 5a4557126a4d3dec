package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;

/** The real main window, headless (Monocle), on a real ledger file. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static Path dataDir;
    private LedgerApp app;

    @BeforeAll
    static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-ui-test");
        Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", 2025)).close();
    }

    @Start
    void start(Stage stage) {
        LedgerApp.dataDirOption = dataDir.toString();
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

    private void waitForMainWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".nav-list").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnTheLedgerWithItsRegistersAndTownship(FxRobot robot) throws Exception {
        waitForMainWindow(robot);
        ListView<Screen> nav = robot.lookup(".nav-list").queryListView();
        assertThat(nav.getItems()).extracting(Screen::title)
                .containsExactly("村庄", "农户", "干部", "帮扶单位", "结对帮扶", "走访录入", "走访记录", "诉求矛盾", "帮扶措施",
                        "格次评定", "述职考核", "星级评定", "格次统计", "报表", "检查", "回收站");
        Label ledger = robot.lookup(".status-ledger").queryAs(Label.class);
        assertThat(ledger.getText()).isEqualTo("青石镇 · 示范县 · 2025 年度");
        assertThat(robot.lookup("村庄名册").tryQuery()).isPresent();
    }

    @Test
    void addsAVillageThroughTheFormAndFindsItInTheLedgerFile(FxRobot robot) throws Exception {
        waitForMainWindow(robot);
        robot.clickOn("#nameField").write("大石村");
        robot.clickOn("#codeField").write("430599101201");
        robot.clickOn("#householdsField").write("320");
        robot.clickOn("#newGroupField").write("一组");
        robot.clickOn("#addGroupButton");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#table").queryTableView().getItems().size() == 1);

        assertThat(villagesInFile()).containsExactly("大石村|430599101201|320");
        assertThat(robot.lookup(".status-bar .label").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().startsWith("已保存 "));

        robot.clickOn("#filterField").write("dsc");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#table").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        robot.doubleClickOn("#filterField").eraseText(3).write("xyz");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isEmpty();
    }

    @Test
    void aBadCodeIsShownWhenLeavingTheFieldAndNothingIsSaved(FxRobot robot) throws Exception {
        waitForMainWindow(robot);
        int before = villagesInFile().size();
        robot.clickOn("#nameField").write("龙泉村");
        robot.clickOn("#codeField").write("12345");
        robot.clickOn("#householdsField");
        WaitForAsyncUtils.waitForFxEvents();
        Label codeError = robot.lookup("#codeError").queryAs(Label.class);
        assertThat(codeError.isVisible()).isTrue();
        assertThat(codeError.getText()).isEqualTo("村代码应为 12 位数字（统计用区划代码），现为“12345”");

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(villagesInFile()).hasSize(before);
    }

    /** Reads the ledger file through its own JDBC connection, not through the app. */
    private static List<String> villagesInFile() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger") + ";IFEXISTS=TRUE",
                "ledger", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT NAME, STATS_CODE, HOUSEHOLD_COUNT FROM VILLAGE WHERE DELETED_AT IS NULL ORDER BY NAME")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return rows;
    }
}
