package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** The 结对帮扶 screen in the real main window, headless, on a real ledger file: one household paired. */
@ExtendWith(ApplicationExtension.class)
class PairingScreenTest {

    private static Path dataDir;
    private LedgerApp app;

    /** Two poor households in 大石村 nobody helps, and one cadre of a county bureau. */
    private static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-pairing-ui-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", LocalDate.now().getYear()))) {
            VillageService villages = new VillageService(db);
            Village dashi = villages.save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, true, null, null,
                    null, null, Set.of(), List.of(), 0, null, null));
            HouseholdService households = new HouseholdService(db);
            households.save(SampleHouseholds.household(dashi,
                    SampleHouseholds.member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11)));
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
        createLedger();
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

    @Test
    void pairsAHouseholdWithACadreAndItLeavesTheUncoveredList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".nav-list .list-cell")
                .match(n -> n instanceof Labeled l && "结对帮扶".equals(l.getText())).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> nav = robot.lookup(".nav-list .list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> "结对帮扶".equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(nav);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#uncoveredTable").tryQuery().isPresent());
        TableView<?> uncovered = robot.lookup("#uncoveredTable").queryTableView();
        TableView<?> helpers = robot.lookup("#helperTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> uncovered.getItems().size() == 2 && helpers.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(cell(robot, "张大山"));
        assertThat(robot.lookup("#selectedLabel").queryAs(Label.class).getText()).isEqualTo("已选 1 户");
        robot.clickOn("#helperSearchField").write("lm");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell(robot, "李明"));
        assertThat(robot.lookup(".table-cell").match(n -> n instanceof Labeled l
                && "已帮扶 0/上限 5".equals(l.getText())).tryQuery()).isPresent();
        robot.clickOn("#pairButton");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> uncovered.getItems().size() == 1);
        TableView<?> running = robot.lookup("#pairingTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> running.getItems().size() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-cell").match(n ->
                n instanceof Labeled l && "已帮扶 1/上限 5".equals(l.getText())).tryQuery().isPresent());
        assertThat(robot.lookup(".status-bar .label").queryAllAs(Label.class))
                .anyMatch(l -> "已为 1 户结对，帮扶人 李明".equals(l.getText()));
        assertThat(pairingsInFile()).containsExactly("李明|张大山|ONE_TO_ONE|" + LocalDate.now());
    }

    /** The table cell showing {@code text} (drawn on a later pulse than the items arrive). */
    private static Labeled cell(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-cell")
                .match(n -> n instanceof Labeled l && text.equals(l.getText())).tryQuery().isPresent());
        return robot.lookup(".table-cell").match(n -> n instanceof Labeled l && text.equals(l.getText()))
                .queryAs(Labeled.class);
    }

    /** Reads the ledger file through its own JDBC connection, not through the app. */
    private static List<String> pairingsInFile() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger") + ";IFEXISTS=TRUE",
                "ledger", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT K.NAME, H.HEAD_NAME, P.PAIRING_KIND, P.START_DATE "
                     + "FROM PAIRING P JOIN CADRE K ON K.ID = P.HELPER_CADRE_ID JOIN HOUSEHOLD H ON H.ID = P.HOUSEHOLD_ID "
                     + "WHERE P.DELETED_AT IS NULL AND P.END_DATE IS NULL")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return rows;
    }
}
