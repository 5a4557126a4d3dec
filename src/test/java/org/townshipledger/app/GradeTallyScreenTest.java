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
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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
 * The 格次统计 screen in the real main window, headless: on the FIRST visit it shows the counts and the villages still
 * 较差 or 软弱涣散 (the list used to stay empty until the screen was opened a second time).
 */
@ExtendWith(ApplicationExtension.class)
class GradeTallyScreenTest {

    private static Path dataDir;
    private static final int YEAR = LocalDate.now().getYear();
    private final ScreenTestApp app = new ScreenTestApp();

    @BeforeAll
    static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-tally-ui-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", YEAR))) {
            VillageService villages = new VillageService(db);
            GradingService grading = new GradingService(db, new CadreService(db), new SettingsStore(db.dsl()),
                    Clock.systemDefaultZone());
            Village dashi = village(villages, "大石村", Set.of());
            Village longquan = village(villages, "龙泉村", Set.of());
            Village qingshan = village(villages, "青山村", Set.of(YEAR));
            Village baishui = village(villages, "白水村", Set.of());
            grading.save(VillageGrade.of(dashi.id(), YEAR - 1, Grade.POOR));
            grading.save(VillageGrade.of(dashi.id(), YEAR, Grade.GOOD));
            grading.save(VillageGrade.of(longquan.id(), YEAR - 1, Grade.AVERAGE));
            grading.save(VillageGrade.of(longquan.id(), YEAR, Grade.POOR));
            grading.save(VillageGrade.of(qingshan.id(), YEAR, Grade.FAIRLY_GOOD));
            grading.save(VillageGrade.of(baishui.id(), YEAR - 1, Grade.POOR));
            grading.save(VillageGrade.of(baishui.id(), YEAR, Grade.POOR));
        }
    }

    private static Village village(VillageService villages, String name, Set<Integer> weak) {
        return villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null,
                weak, List.of(), 0, null, null));
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
    void theFirstVisitShowsTheCountsAndTheLaggards(FxRobot robot) throws Exception {
        ScreenTestApp.open(robot, "格次统计");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#tallySummary").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t.startsWith(YEAR + " 年")).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tallySummary").queryAs(Label.class).getText())
                .isEqualTo(YEAR + " 年已评定 4 村，未评定 0 村。好 1（上年 0）  较好 1（上年 0）  一般 0（上年 1）  较差 2（上年 2）");

        TableView<?> laggards = robot.lookup("#laggardTable").queryTableView();
        assertThat(laggards.getItems()).hasSize(3);
        // The bug: the rows' layout was asked for while the table was laid out, lost, and the rows never drawn (the
        // empty-list text stayed) until something else laid the table out again.
        javafx.scene.Parent flow = (javafx.scene.Parent) laggards.lookup(".virtual-flow");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !flow.isNeedsLayout());
        WaitForAsyncUtils.waitForFxEvents();
        // What the eye sees: the rows drawn, not the placeholder.
        assertThat(shownTexts(robot, "#laggardTable", "laggardVillageColumn"))
                .containsExactly("白水村", "龙泉村", "青山村");
        assertThat(shownTexts(robot, "#laggardTable", "laggardGradeColumn")).containsExactly("较差", "较差", "较好");
        assertThat(shownTexts(robot, "#laggardTable", "laggardWeakColumn")).containsExactly("", "", "软弱涣散");
        Node placeholder = laggards.lookup(".placeholder");
        assertThat(placeholder == null || !placeholder.isVisible()).as("the empty-list text is not shown").isTrue();

        // The movement table: 较差 → 好 (大石村), 一般 → 较差 (龙泉村), 较差 → 较差 (白水村).
        assertThat(shownTexts(robot, "#movementTable", "fromColumn")).containsExactly("好", "较好", "一般", "较差",
                "合计");
        assertThat(shownTexts(robot, "#movementTable", "toPoorColumn")).containsExactly("0", "0", "1", "1", "2");
        // The five-star share against the target is on the screen.
        assertThat(shownTexts(robot, "#starTable", "starSubjectColumn")).contains("五星党组织");
        assertThat(shownTexts(robot, "#starTable", "starTargetColumn")).contains("50%");
    }

    /** The texts of the visible cells of a column, top to bottom, as drawn. */
    static List<String> shownTexts(FxRobot robot, String table, String columnId) {
        return robot.lookup(table + " .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible()
                        && !c.isEmpty() && c.getIndex() >= 0)
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(c -> c.getText() == null ? "" : c.getText()).toList();
    }
}
