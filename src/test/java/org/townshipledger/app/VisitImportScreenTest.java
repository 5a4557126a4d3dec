package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.visit.Visit;
import org.townshipledger.visit.VisitLedgerAccess;

/**
 * The 走访记录 screen's 导入… in the real main window, headless, on a real ledger file: the preview and the status
 * bar say what was added, updated and left unchanged, and the same file a second time has nothing to import.
 */
@ExtendWith(ApplicationExtension.class)
class VisitImportScreenTest {

    private static final String HEADER = "走访日期,走访类别,走访干部,对象类型,村,对象名称,户主身份证号,了解情况,办理事项\n";

    private Path dataDir;
    private LedgerApp app;
    private final HouseholdsWindowTest.ChosenFiles files = new HouseholdsWindowTest.ChosenFiles();

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-visit-import-ui-test");
        try (VisitLedgerAccess ledger = new VisitLedgerAccess(dataDir)) {
            var dashi = ledger.village("大石村");
            ledger.cadre("李干部");
            ledger.household(dashi, "王大山");
        }
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

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** Opens the import dialog on the file and waits for its check. */
    private void check(FxRobot robot, Path file) throws Exception {
        files.toOpen.add(file);
        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#summaryLabel").tryQuery().isPresent()
                && text(robot, "#summaryLabel").startsWith("检查完成"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFileImportedTwiceAddsItsVisitsOnce(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".nav-list .list-cell")
                .match(n -> n instanceof Labeled l && "走访记录".equals(l.getText())).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("走访记录");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#importButton").tryQuery().isPresent());
        TableView<Visit> table = robot.lookup("#table").queryTableView();

        String row = "2026-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,\n";
        Path file = dataDir.resolve("走访.csv");
        Files.writeString(file, HEADER + row + "2026-03-02,座谈,李干部,村,大石村,,,,\n" + row,
                StandardCharsets.UTF_8);

        check(robot, file);
        assertThat(files.titles).containsExactly("导入走访记录");
        assertThat(text(robot, "#summaryLabel"))
                .isEqualTo("检查完成：将新增 2 条走访记录，更新 0 条，未变 0 条；文件中 1 行与前面的行相同，只计一次");
        TableView<ImportViewModel.Issue> issues = robot.lookup("#issueTable").queryTableView();
        assertThat(issues.getItems()).extracting(ImportViewModel.Issue::kind, ImportViewModel.Issue::line)
                .containsExactly(tuple("提示", 4));
        assertThat(robot.lookup("#confirmImportButton").query().isVisible()).isTrue();
        robot.clickOn("#confirmImportButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#issueTable").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(text(robot, "#statusMessage")).isEqualTo("已导入走访记录：新增 2 条走访记录，更新 0 条，未变 0 条；"
                + "文件中 1 行与前面的行相同，只计一次");

        // The same file again: nothing to import.
        check(robot, file);
        assertThat(text(robot, "#summaryLabel"))
                .isEqualTo("检查完成：将新增 0 条走访记录，更新 0 条，未变 2 条；文件中 1 行与前面的行相同，只计一次");
        assertThat(text(robot, "#verdictLabel")).isEqualTo("文件里的记录都已在台账中，内容也相同，没有要导入的改动。");
        assertThat(robot.lookup("#confirmImportButton").query().isVisible()).isFalse();
        robot.clickOn("#closeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(Visit::seen).containsExactlyInAnyOrder("身体好", null);
        assertThat(List.of(table.getItems().size())).containsExactly(2);
    }
}
