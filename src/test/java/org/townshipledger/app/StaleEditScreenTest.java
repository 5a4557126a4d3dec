package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdRow;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.ui.StaleConflict;
import org.townshipledger.ui.StaleConflictDialog;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * Two edits of one record: the window's save comes second (the first is saved through another handle on the same
 * ledger, as a second window would), is refused, and the window shows both versions field by field.
 */
@ExtendWith(ApplicationExtension.class)
class StaleEditScreenTest {

    private static Path dataDir;
    private LedgerApp app;

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-stale-ui-test");
        try (Database db = Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", 2025))) {
            Village dashi = new VillageService(db).save(new Village(null, "大石村", null, null, VillageKind.VILLAGE,
                    false, null, 120, 400, null, Set.of(), List.of(VillageGroup.named("一组")), 0, null, null));
            new HouseholdService(db).save(SampleHouseholds.household(dashi,
                    SampleHouseholds.member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11)));
        }
        LedgerApp.dataDirOption = dataDir.toString();
        LedgerApp.fileDialogs = null;
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

    /** The other window: the same ledger through a second handle in this process (H2 shares the open file). */
    private static <T> T elsewhere(java.util.function.Function<Database, T> work) {
        Database other = Database.open(dataDir);
        try {
            return work.apply(other);
        } finally {
            other.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<StaleConflict.Field> conflictTable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("." + StaleConflictDialog.STYLE_CLASS).match(NodeQueryUtils.isVisible()).tryQuery()
                        .isPresent());
        DialogPane pane = robot.lookup("." + StaleConflictDialog.STYLE_CLASS).queryAs(DialogPane.class);
        return (TableView<StaleConflict.Field>) pane.lookup(".table-view");
    }

    private static Button button(FxRobot robot, String text) {
        DialogPane pane = robot.lookup("." + StaleConflictDialog.STYLE_CLASS).queryAs(DialogPane.class);
        return (Button) pane.getButtonTypes().stream().map(pane::lookupButton)
                .filter(b -> ((Button) b).getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void aVillageSavedElsewhereMeanwhileShowsBothVersionsAndReloadsTheSavedOne(FxRobot robot) throws Exception {
        ScreenTestApp.open(robot, "村庄");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#table").queryTableView()
                .getItems().size() == 1);
        robot.clickOn("大石村");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "大石村".equals(robot.lookup("#nameField").queryAs(TextField.class).getText()));

        // The other window raises the population and saves first.
        elsewhere(db -> {
            VillageService s = new VillageService(db);
            Village v = s.villages().get(0);
            return s.save(new Village(v.id(), v.name(), null, v.statsCode(), v.kind(), v.povertyVillage(),
                    v.exitYear(), v.householdCount(), 450, "人口已核实", v.weakYears(), v.groups(), v.version(),
                    v.updatedAt(), null));
        });

        // This window changes the household count and saves second.
        robot.doubleClickOn("#householdsField").write("130");
        robot.clickOn("#saveButton");

        TableView<StaleConflict.Field> table = conflictTable(robot);
        assertThat(table.getItems()).filteredOn(StaleConflict.Field::differs)
                .extracting(StaleConflict.Field::label, StaleConflict.Field::yours, StaleConflict.Field::saved)
                .containsExactly(tuple("户数", "130", "120"), tuple("人口", "400", "450"),
                        tuple("备注", "", "人口已核实"));
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Labeled.class).getText())
                .startsWith("“大石村”在您编辑期间已在别处被修改并保存");

        // 复制我填写的内容 keeps the dialog open and puts the clerk's values on the clipboard.
        robot.clickOn(button(robot, "复制我填写的内容"));
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertThat(copied.lines()).contains("村名：大石村", "户数：130", "人口：400");
        assertThat(robot.lookup("." + StaleConflictDialog.STYLE_CLASS).tryQuery()).isPresent();

        robot.clickOn(button(robot, "载入已保存的版本"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "450".equals(robot.lookup("#populationField").queryAs(TextField.class).getText()));
        assertThat(robot.lookup("#householdsField").queryAs(TextField.class).getText()).isEqualTo("120");
        // Saved again from the reloaded form, it goes through.
        robot.doubleClickOn("#householdsField").write("130");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> elsewhere(db -> new VillageService(db).villages()
                .get(0)).householdCount() == 130);
        assertThat(elsewhere(db -> new VillageService(db).villages().get(0)).population()).isEqualTo(450);
    }

    @Test
    void aHouseholdSavedElsewhereMeanwhileShowsBothVersions(FxRobot robot) throws Exception {
        ScreenTestApp.open(robot, "农户");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#searchField").tryQuery().isPresent());
        TableView<HouseholdRow> list = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        WaitForAsyncUtils.asyncFx(() -> {
            list.getSelectionModel().select(0);
            list.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#phoneField").tryQuery()
                .map(Node::isVisible).orElse(false) && !robot.lookup("#saveButton").query().isDisabled());

        elsewhere(db -> {
            HouseholdService s = new HouseholdService(db);
            Household h = s.household(list.getItems().get(0).id()).orElseThrow();
            return s.save(new Household(h.id(), h.householdNo(), h.villageId(), h.villageName(), h.groupId(),
                    h.groupName(), "13900002222", h.category(), h.mainCause(), h.status(), h.exitYear(),
                    h.monitoringType(), h.riskType(), h.riskEliminated(), h.riskEliminatedOn(), h.note(),
                    h.members(), h.version(), h.updatedAt(), null));
        });

        robot.doubleClickOn("#phoneField").push(KeyCode.CONTROL, KeyCode.A).write("13711112222");
        robot.clickOn("#saveButton");

        TableView<StaleConflict.Field> table = conflictTable(robot);
        assertThat(table.getItems()).filteredOn(StaleConflict.Field::differs)
                .extracting(StaleConflict.Field::label, StaleConflict.Field::yours, StaleConflict.Field::saved)
                .containsExactly(tuple("联系电话", "13711112222", "13900002222"));
        assertThat(table.getItems()).extracting(StaleConflict.Field::label).contains("所在村", "家庭成员");

        robot.clickOn(button(robot, "载入已保存的版本"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "13900002222".equals(robot.lookup("#phoneField").queryAs(TextField.class).getText()));
    }
}
