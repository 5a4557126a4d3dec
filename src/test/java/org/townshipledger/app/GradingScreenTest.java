package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.grading.Grade;
import org.townshipledger.grading.GradingService;
import org.townshipledger.grading.VillageGrade;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * The 格次评定 screen in the real main window, headless, on a real ledger file: scores typed like a spreadsheet
 * give the proposal, the grade is overridden with a reason, Ctrl+S saves, and the service reads it back.
 */
@ExtendWith(ApplicationExtension.class)
class GradingScreenTest {

    private static Path dataDir;
    private static final int YEAR = LocalDate.now().getYear();
    private final ScreenTestApp app = new ScreenTestApp();

    /** Made before the window starts (TestFX gives the start a few seconds only; the machine may be busy). */
    @BeforeAll
    static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-grading-ui-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", YEAR))) {
            VillageService villages = new VillageService(db);
            villages.save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, true, null, null, null, null,
                    Set.of(), List.of(), 0, null, null));
            Village other = villages.save(new Village(null, "龙泉村", null, null, VillageKind.VILLAGE, true, null,
                    null, null, null, Set.of(), List.of(), 0, null, null));
            service(db).save(VillageGrade.of(other.id(), YEAR - 1, Grade.AVERAGE));
        }
    }

    private static GradingService service(Database db) {
        return new GradingService(db, new CadreService(db), new SettingsStore(db.dsl()), Clock.systemDefaultZone());
    }

    @Start
    void start(Stage stage) throws Exception {
        app.start(stage, dataDir);
    }

    @AfterEach
    void closeLedger() throws Exception {
        app.stop();
    }

    @Test
    void scoresTypedLikeASpreadsheetAreGradedOverriddenWithAReasonAndSaved(FxRobot robot) throws Exception {
        ScreenTestApp.open(robot, "格次评定");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gradeTable").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#gradeTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        // 大石村: type the three scores and the satisfaction, moving on with Tab.
        robot.clickOn(cell(robot, "memberColumn", 0));
        robot.write("95");
        robot.type(KeyCode.TAB);
        robot.write("92");
        robot.type(KeyCode.TAB);
        robot.write("88");
        robot.type(KeyCode.TAB);
        robot.write("9");
        WaitForAsyncUtils.waitForFxEvents();
        // 支部考评 "9" so far: (95 + 92 + 9) / 3 = 65.33 → 一般; one more key makes it 91.
        assertThat(text(cell(robot, "proposedColumn", 0))).as("proposed as the user types").isEqualTo("一般");
        robot.write("1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(cell(robot, "proposedColumn", 0))).as("proposed as the user types").isEqualTo("好");
        assertThat(text(cell(robot, "compositeColumn", 0))).isEqualTo("92.67");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(cell(robot, "gradeColumn", 0))).isEqualTo("好");
        assertThat(text(cell(robot, "satisfactionColumn", 0))).isEqualTo("88");

        // A bad number is refused in the line.
        robot.clickOn(cell(robot, "publicColumn", 1));
        robot.write("9o");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(cell(robot, "problemColumn", 1))).isEqualTo("群众测评：“9o”不是数字");
        robot.clickOn(cell(robot, "villageColumn", 1));
        robot.clickOn(cell(robot, "publicColumn", 1));
        robot.type(KeyCode.ENTER); // edits the chosen cell, its text selected
        robot.type(KeyCode.BACK_SPACE);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(cell(robot, "problemColumn", 1))).isEmpty();

        // Override 好 with 较好: the screen asks why.
        robot.clickOn(cell(robot, "gradeColumn", 0));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> box = robot.lookup("#gradeTable .combo-box").queryAs(ComboBox.class);
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        Node fairlyGood = robot.lookup(".combo-box-popup .list-cell")
                .match(n -> n instanceof Labeled l && "较好".equals(l.getText())).query();
        robot.clickOn(fairlyGood);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gradeReasonDialog").tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Button ok = robot.lookup("#gradeReasonDialog .button").match(n -> n instanceof Button b
                && "确定".equals(b.getText())).queryButton();
        assertThat(ok.isDisabled()).as("no reason, no override").isTrue();
        robot.clickOn(robot.lookup("#gradeReasonDialog .text-field").queryAs(TextField.class));
        robot.write("集体经济薄弱");
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(cell(robot, "gradeColumn", 0))).isEqualTo("较好");
        assertThat(text(cell(robot, "proposedColumn", 0))).isEqualTo("好");
        assertThat(text(cell(robot, "reasonColumn", 0))).isEqualTo("集体经济薄弱");

        // Ctrl+S saves the changed line.
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "已保存 1 行".equals(
                robot.lookup("#gradeMessage").queryAs(Label.class).getText()));

        app.stop();
        try (Database db = Database.open(dataDir)) {
            List<VillageGrade> saved = service(db).grades(YEAR);
            assertThat(saved).singleElement().satisfies(g -> {
                assertThat(g.villageName()).isEqualTo("大石村");
                assertThat(g.scores().memberScore()).isEqualByComparingTo("95");
                assertThat(g.scores().publicScore()).isEqualByComparingTo("92");
                assertThat(g.scores().branchScore()).isEqualByComparingTo("91");
                assertThat(g.satisfaction()).isEqualByComparingTo("88");
                assertThat(g.proposed()).isEqualTo(Grade.GOOD);
                assertThat(g.grade()).isEqualTo(Grade.FAIRLY_GOOD);
                assertThat(g.overrideReason()).isEqualTo("集体经济薄弱");
            });
            assertThat(service(db).grades(YEAR - 1)).singleElement().extracting(VillageGrade::grade)
                    .isEqualTo(Grade.AVERAGE);
        }
    }

    /** The cell of a column (by its fx:id) in a line of the grading table. */
    private static TableCell<?, ?> cell(FxRobot robot, String columnId, int row) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> find(robot, columnId, row) != null);
        return find(robot, columnId, row);
    }

    private static TableCell<?, ?> find(FxRobot robot, String columnId, int row) {
        return robot.lookup("#gradeTable .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getIndex() == row && c.isVisible())
                .findFirst().orElse(null);
    }

    private static String text(TableCell<?, ?> cell) {
        return cell.getText() == null ? "" : cell.getText();
    }
}
