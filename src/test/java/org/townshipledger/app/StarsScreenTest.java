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
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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
import org.townshipledger.grading.GradingService;
import org.townshipledger.grading.StarSubject;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * The 星级评定 screen in the real main window, headless, by keyboard: Ctrl+N, a key picks the village and the stars,
 * the name typed, Ctrl+S saves; Delete sends the line to the recycle bin and 撤销 brings it back.
 */
@ExtendWith(ApplicationExtension.class)
class StarsScreenTest {

    private static Path dataDir;
    private static final int YEAR = LocalDate.now().getYear();
    private final ScreenTestApp app = new ScreenTestApp();

    @BeforeAll
    static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-stars-ui-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", YEAR))) {
            VillageService villages = new VillageService(db);
            for (String name : List.of("大石村", "龙泉村")) {
                villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null,
                        null, Set.of(), List.of(), 0, null, null));
            }
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
    void aMemberIsRatedByKeyboardSavedDeletedAndBroughtBack(FxRobot robot) throws Exception {
        ScreenTestApp.open(robot, "星级评定");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#starTable").tryQuery().isPresent()
                && robot.lookup("#starSummary").queryAs(Label.class).getText().startsWith("五星比例"));
        TableView<?> table = robot.lookup("#starTable").queryTableView();
        robot.clickOn(table);

        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        editing(table, "starVillageColumn");
        robot.write("龙"); // picks 龙泉村
        robot.type(KeyCode.TAB);
        editing(table, "starNameColumn");
        robot.write("孙丽");
        robot.type(KeyCode.TAB);
        editing(table, "starStarsColumn");
        robot.write("5");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(cell(robot, "starSubjectColumn", 0))).isEqualTo("党员");
        assertThat(text(cell(robot, "starVillageColumn", 0))).isEqualTo("龙泉村");
        assertThat(text(cell(robot, "starNameColumn", 0))).isEqualTo("孙丽");
        assertThat(text(cell(robot, "starStarsColumn", 0))).isEqualTo("★★★★★");
        assertThat(robot.lookup("#starSummary").queryAs(Label.class).getText())
                .startsWith("五星比例：五星党员 1/1（100.0%）");

        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "已保存 1 行".equals(
                robot.lookup("#starMessage").queryAs(Label.class).getText()));

        // Delete on the chosen line: to the recycle bin, 撤销 in the status bar.
        robot.clickOn(cell(robot, "starNameColumn", 0));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        Hyperlink undo = robot.lookup("#undoLink").queryAs(Hyperlink.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, undo::isVisible);
        robot.clickOn(undo);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        app.stop();
        try (Database db = Database.open(dataDir)) {
            assertThat(service(db).stars(YEAR)).singleElement().satisfies(s -> {
                assertThat(s.subject()).isEqualTo(StarSubject.MEMBER);
                assertThat(s.villageName()).isEqualTo("龙泉村");
                assertThat(s.personName()).isEqualTo("孙丽");
                assertThat(s.stars()).isEqualTo(5);
            });
            assertThat(service(db).starsInBin()).isEmpty();
        }
    }

    /** Waits until the column's cell is being edited and its editor has the keys (as a person would see it). */
    private static void editing(TableView<?> table, String columnId) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getEditingCell() != null
                && columnId.equals(table.getEditingCell().getTableColumn().getId())
                && table.getScene().getFocusOwner() != null && table.getScene().getFocusOwner() != table);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableCell<?, ?> cell(FxRobot robot, String columnId, int row) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> find(robot, columnId, row) != null);
        return find(robot, columnId, row);
    }

    private static TableCell<?, ?> find(FxRobot robot, String columnId, int row) {
        return robot.lookup("#starTable .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getIndex() == row && c.isVisible())
                .findFirst().orElse(null);
    }

    private static String text(TableCell<?, ?> cell) {
        return cell == null || cell.getText() == null ? "" : cell.getText();
    }
}
