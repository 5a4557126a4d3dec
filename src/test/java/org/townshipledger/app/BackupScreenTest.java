package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/** 文件 → 备份…: the daily backup made at open, 立即备份, and a restore that reopens the ledger. */
@ExtendWith(ApplicationExtension.class)
class BackupScreenTest {

    private Path dataDir;
    private LedgerApp app;

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-backup-ui-test");
        Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", 2025)).close();
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

    private List<String> backups() throws Exception {
        Path folder = dataDir.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")).sorted().toList();
        }
    }

    @Test
    void backUpNowThenRestoreTheDailyBackupAndTheLedgerOpensAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(".nav-list").tryQuery().isPresent());
        // The first backup of the month is made in the background as the ledger opens.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> backups().stream().anyMatch(n -> n.endsWith("-monthly.zip")));

        robot.clickOn("文件");
        robot.clickOn("备份……");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#backupTable").tryQuery().isPresent()
                && robot.lookup("#backupTable").queryTableView().getItems().size() == 1);
        TableView<?> table = robot.lookup("#backupTable").queryTableView();

        robot.clickOn("#backupNowButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#backupMessage").queryAs(Label.class).getText()).startsWith("已备份：");
        assertThat(backups()).anyMatch(n -> n.endsWith("-manual.zip"));

        robot.interact(() -> table.getSelectionModel().select(1));
        robot.clickOn("#restoreButton");
        // The dialog's button exists before its window is shown; under load the gap is long enough to click into nothing.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#confirmRestore").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                .contains("备份时间：").contains("村 0 个、农户 0 户");
        robot.clickOn("#confirmRestore");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(".status-bar .label")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().startsWith("已从 ")));
        assertThat(backups()).anyMatch(n -> n.endsWith("-before-restore.zip"));
        assertThat(robot.lookup(".nav-list").tryQuery()).isPresent();
    }
}
