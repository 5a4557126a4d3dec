package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.HouseholdCheck;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;
import org.townshipledger.visit.Visit;
import org.townshipledger.visit.VisitCheck;
import org.townshipledger.visit.VisitFilter;
import org.townshipledger.visit.VisitKind;
import org.townshipledger.visit.VisitService;

/**
 * The 走访录入 screen in the real main window, headless, on a real ledger file, typed with the keyboard only: the
 * cadre by initials, the household by initials, Enter through the fields, a check item toggled off with Space,
 * Ctrl+S; then a second visit of the same household picked from the recent list with Alt+1. Read back through the
 * service once the window is closed.
 */
@ExtendWith(ApplicationExtension.class)
class VisitEntryScreenTest {

    private static Path dataDir;
    private static UUID householdId;
    private LedgerApp app;

    /** Made before the window starts: TestFX gives the start a few seconds only, and a loaded machine is slow. */
    @org.junit.jupiter.api.BeforeAll
    static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-visit-entry-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", LocalDate.now().getYear()))) {
            VillageService villages = new VillageService(db);
            Village dashi = villages.save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, true, null, null,
                    null, null, Set.of(), List.of(), 0, null, null));
            HouseholdService households = new HouseholdService(db);
            householdId = households.save(SampleHouseholds.household(dashi,
                    SampleHouseholds.member("王大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11))).household().id();
            households.save(SampleHouseholds.household(dashi,
                    SampleHouseholds.member("刘小红", Relation.HEAD, LocalDate.of(1980, 5, 6), 42)));
            CadreService cadres = new CadreService(db);
            Unit bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
            cadres.saveCadre(new Cadre(null, "李明", Sex.MALE, LocalDate.of(1985, 6, 1), null, "13912345678",
                    bureau.id(), null, Rank.GENERAL, true, null, 0, null));
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        LedgerApp.dataDirOption = dataDir.toString();
        app = new LedgerApp();
        app.start(stage);
    }

    private void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            app.stop();
            Platform.runLater(() -> { });
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aVisitTypedWithTheKeyboardOnlyIsSavedWithTheHouseholdsCheck(FxRobot robot) throws Exception {
        try {
            typeVisits(robot);
        } finally {
            closeApp();
        }
        try (Database db = Database.open(dataDir)) {
            VillageService villages = new VillageService(db);
            HouseholdService households = new HouseholdService(db);
            SettingsStore settings = new SettingsStore(db.dsl());
            VisitService visits = new VisitService(db, new CadreService(db), households, villages, settings,
                    Clock.systemDefaultZone());
            List<Visit> saved = visits.page(VisitFilter.all(), 0).rows();
            assertThat(saved).hasSize(2);
            assertThat(saved).allMatch(v -> v.householdId().equals(householdId) && v.date().equals(LocalDate.now())
                    && v.kind().equals(VisitKind.HOME_VISIT) && v.cadreNames().equals(List.of("李明")));
            Visit first = saved.stream().filter(v -> "bp high".equals(v.seen())).findFirst().orElseThrow();
            assertThat(first.done()).isEqualTo("doctor called");
            assertThat(first.check()).isEqualTo(new VisitCheck(true, true, false, true, true, null));
            Visit second = saved.stream().filter(v -> "second".equals(v.seen())).findFirst().orElseThrow();
            assertThat(second.check()).isEqualTo(VisitCheck.allAssured());
            HouseholdCheck check = households.checks(householdId).stream()
                    .filter(c -> c.year() == LocalDate.now().getYear()).findFirst().orElseThrow();
            assertThat(check.verifiedOn()).isEqualTo(LocalDate.now());
            assertThat(check.foodAndClothing()).isTrue();
        }
    }

    private void typeVisits(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".nav-list .list-cell")
                .match(n -> n instanceof Labeled l && "走访录入".equals(l.getText())).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> nav = robot.lookup(".nav-list .list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> "走访录入".equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(nav);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#cadreField").tryQuery().isPresent());
        TextField cadreField = robot.lookup("#cadreField").queryAs(TextField.class);
        TextField householdField = robot.lookup("#householdField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, cadreField::isFocused);

        // The cadre by initials, taken with Enter; the focus goes on to the household.
        robot.clickOn("#cadreField").write("lm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "lm".equals(cadreField.getText()));
        waitForPopup(robot, "李明 · 县农业农村局");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, householdField::isFocused);
        assertThat(cadreField.getText()).isEqualTo("李明");

        // The household by initials: Down, Enter; Enter then moves on through date and kind to the notes.
        robot.write("wds");
        waitForPopup(robot, "王大山（大石村）");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(householdField.getText()).isEqualTo("王大山（大石村）");
        assertThat(focused(householdField)).isEqualTo("datePicker");
        robot.type(KeyCode.ENTER);   // date: today
        robot.type(KeyCode.ENTER);   // kind: 入户走访
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused(householdField)).isEqualTo("seenArea");
        robot.write("bp high").type(KeyCode.ENTER).write("doctor called").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused(householdField)).isEqualTo("checkMadeBox");
        robot.type(KeyCode.ENTER, 3);   // food, education, medical
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused(householdField)).isEqualTo("medicalBox");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#medicalBox").queryAs(CheckBox.class).isSelected()).isFalse();
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        // Saved: the status bar says so, the form is empty but for the cadre, the focus is on the household.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".status-bar .label")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.getText() != null
                        && l.getText().matches("已保存 \\d\\d:\\d\\d")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(householdField.getText()).isEmpty();
        assertThat(householdField.isFocused()).isTrue();
        assertThat(cadreField.getText()).isEqualTo("李明");
        assertThat(robot.lookup("#medicalBox").queryAs(CheckBox.class).isSelected()).isTrue();

        // The second visit: the household from the recent list with Alt+1.
        ListView<?> recent = robot.lookup("#recentList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> recent.getItems().size() == 1);
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT1).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(householdField.getText()).isEqualTo("王大山（大石村）");
        robot.clickOn("#seenArea").write("second");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> householdField.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits for the autocompletion popup to be open. (What it lists is checked by what Enter takes: under Monocle
     * the popup's cells are not laid out for a lookup to read.)
     */
    private static void waitForPopup(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.PopupWindow && w.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The fx:id of the focused node (or of its nearest parent that has one). */
    private static String focused(Node anyInTheWindow) {
        Node n = anyInTheWindow.getScene().getFocusOwner();
        while (n != null && n.getId() == null) {
            n = n.getParent();
        }
        return n == null ? null : n.getId();
    }
}
