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
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.grading.GradingService;
import org.townshipledger.grading.ReviewResult;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * The 述职考核 screen in the real main window, headless, on a real ledger file: the four part scores typed like a
 * spreadsheet, the total and the result following each key, Ctrl+S saves, and the screen opened again shows the saved
 * review (as does the service once the window is closed).
 */
@ExtendWith(ApplicationExtension.class)
class ReviewsScreenTest {

    private static Path dataDir;
    private static final int YEAR = LocalDate.now().getYear();
    private final ScreenTestApp app = new ScreenTestApp();

    @BeforeAll
    static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-reviews-ui-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", YEAR))) {
            VillageService villages = new VillageService(db);
            CadreService cadres = new CadreService(db);
            Village dashi = villages.save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, false, null,
                    null, null, null, Set.of(), List.of(), 0, null, null));
            Unit town = cadres.saveUnit(Unit.named("青石镇党委", UnitLevel.TOWNSHIP, UnitType.ORGAN));
            Cadre wang = cadres.saveCadre(new Cadre(null, "王书记", Sex.MALE, null,
                    IdNumber.make("430598", LocalDate.of(1975, 5, 1), 3), "13900001234", town.id(), null,
                    Rank.GENERAL, true, null, 0, null));
            cadres.assign(Assignment.start(wang.id(), dashi.id(), Role.BRANCH_SECRETARY,
                    LocalDate.of(YEAR - 3, 1, 1), null));
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
    void partScoresTypedGiveTheTotalAndResultAndAreSavedAndShownAgain(FxRobot robot) throws Exception {
        ScreenTestApp.open(robot, "述职考核");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#branchTable").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#branchTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(cell(robot, "branchNameColumn", 0))).isEqualTo("王书记");
        assertThat(cell(robot, "branchPart3Column", 0).getTableColumn().getText()).isEqualTo("年度综合（40%）");

        // 日常记实 90, 现场观摩 85, 年度综合 80, 述职评议 95, moving on with Tab.
        robot.clickOn(cell(robot, "branchPart1Column", 0));
        robot.write("90");
        robot.type(KeyCode.TAB);
        robot.write("85");
        robot.type(KeyCode.TAB);
        robot.write("80");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(cell(robot, "branchTotalColumn", 0))).as("three parts: no total yet").isEmpty();
        robot.write("9");
        WaitForAsyncUtils.waitForFxEvents();
        // 18 + 17 + 32 + 1.8 = 68.8 → 基本称职, as the first key is typed.
        assertThat(text(cell(robot, "branchTotalColumn", 0))).isEqualTo("68.8");
        assertThat(text(cell(robot, "branchResultColumn", 0))).isEqualTo("基本称职");
        robot.write("5");
        WaitForAsyncUtils.waitForFxEvents();
        // 18 + 17 + 32 + 19 = 86 → 称职.
        assertThat(text(cell(robot, "branchTotalColumn", 0))).isEqualTo("86");
        assertThat(text(cell(robot, "branchResultColumn", 0))).isEqualTo("称职");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reviewSummary").queryAs(Label.class).getText()).contains("称职 1");

        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "已保存 1 行".equals(
                robot.lookup("#reviewMessage").queryAs(Label.class).getText()));

        // Opened again (another screen, then back): read from the ledger.
        ScreenTestApp.open(robot, "格次评定");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#gradeTable").tryQuery().isPresent());
        ScreenTestApp.open(robot, "述职考核");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#branchTable").tryQuery().isPresent()
                && "86".equals(text(find(robot, "branchTotalColumn", 0))));
        assertThat(text(cell(robot, "branchPart1Column", 0))).isEqualTo("90");
        assertThat(text(cell(robot, "branchPart4Column", 0))).isEqualTo("95");
        assertThat(text(cell(robot, "branchResultColumn", 0))).isEqualTo("称职");

        app.stop();
        try (Database db = Database.open(dataDir)) {
            assertThat(service(db).reviews(YEAR)).singleElement().satisfies(r -> {
                assertThat(r.cadreName()).isEqualTo("王书记");
                assertThat(r.villageName()).isEqualTo("大石村");
                assertThat(r.total()).isEqualByComparingTo("86");
                assertThat(r.result()).isEqualTo(ReviewResult.COMPETENT);
                assertThat(r.parts()).extracting(java.math.BigDecimal::intValue).containsExactly(90, 85, 80, 95);
            });
        }
    }

    private static TableCell<?, ?> cell(FxRobot robot, String columnId, int row) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> find(robot, columnId, row) != null);
        return find(robot, columnId, row);
    }

    private static TableCell<?, ?> find(FxRobot robot, String columnId, int row) {
        return robot.lookup("#branchTable .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getIndex() == row && c.isVisible())
                .findFirst().orElse(null);
    }

    private static String text(TableCell<?, ?> cell) {
        return cell == null || cell.getText() == null ? "" : cell.getText();
    }
}
