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
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import org.townshipledger.cadre.Finding;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.TableCopy;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** The 干部 and 检查 screens in the real main window, headless, on a real ledger file. */
@ExtendWith(ApplicationExtension.class)
class CadreScreensTest {

    private static final String LI_ID = IdNumber.make("430599", LocalDate.of(1985, 6, 1), 13);

    private static Path dataDir;
    private LedgerApp app;

    /** A poverty village with nobody posted: 缺驻村第一书记 and 后备干部不足 for any year. */
    @BeforeAll
    static void createLedger() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-cadre-ui-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", 2025))) {
            new VillageService(db).save(new Village(null, "大石村", null, null, VillageKind.VILLAGE, true, null, null,
                    null, null, Set.of(), List.of(), 0, null, null));
            assertThat(new CadreService(db).checkAssignments(2025)).isNotEmpty();
        }
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

    @Test
    void addsACadreThroughTheFormAndFindsItInTheLedgerFile(FxRobot robot) throws Exception {
        ScreenTestApp.open(robot, "干部");
        assertThat(robot.lookup("干部名册").tryQuery()).isPresent();

        robot.clickOn("#cadreNameField").write("李明");
        robot.clickOn("#cadreIdField").write(LI_ID);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Choice<?>> sex = robot.lookup("#cadreSexBox").queryComboBox();
        assertThat(sex.getValue().label()).as("filled in from the ID number").isEqualTo("男");
        robot.clickOn("#cadrePhoneField").write("13912345678");
        robot.clickOn("#cadreSaveButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#cadreTable").queryTableView().getItems().size() == 1);

        assertThat(cadresInFile()).containsExactly("李明|MALE|1985-06-01|" + LI_ID + "|13912345678");
        TableView<?> table = robot.lookup("#cadreTable").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(TableCopy.text(table)).contains("430599********" + LI_ID.substring(14)).doesNotContain(LI_ID);

        robot.clickOn("#searchField").write("xyz");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        robot.interact(() -> search.setText("lm"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
    }

    @Test
    void runsTheChecksAndShowsWhatIsWrong(FxRobot robot) throws Exception {
        ScreenTestApp.open(robot, "检查");

        robot.clickOn("#runChecksButton");
        TableView<Finding> table = robot.lookup("#findingsTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());

        assertThat(table.getItems()).extracting(Finding::village, Finding::rule).contains(
                org.assertj.core.groups.Tuple.tuple("大石村", "缺驻村第一书记"));
        // The cells are drawn on a later pulse than the one that fills the items.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-cell")
                .match(n -> n instanceof javafx.scene.control.Labeled l && "缺驻村第一书记".equals(l.getText()))
                .tryQuery().isPresent());
        robot.interact(() -> table.getSelectionModel().selectAll());
        assertThat(TableCopy.text(table).lines().toList()).startsWith("村\t规则\t情况\t负责人")
                .anyMatch(l -> l.startsWith("大石村\t缺驻村第一书记\t贫困村没有在任的驻村第一书记\t"));
    }

    /** Reads the ledger file through its own JDBC connection, not through the app. */
    private static List<String> cadresInFile() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger") + ";IFEXISTS=TRUE",
                "ledger", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT NAME, SEX, BIRTH_DATE, ID_NUMBER, PHONE FROM CADRE WHERE DELETED_AT IS NULL")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5));
            }
        }
        return rows;
    }
}
