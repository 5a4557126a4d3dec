package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import org.townshipledger.ui.FileDialogs;

/**
 * The window opened on a folder whose ledger file was moved away: it says so, creates nothing, and the clerk
 * locates the file, which is copied back and opened.
 */
@ExtendWith(ApplicationExtension.class)
class VanishedLedgerWindowTest {

    private Path dataDir;
    private Path moved;
    private LedgerApp app;
    private final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        Path root = Files.createTempDirectory("ledger-vanished-ui");
        dataDir = root.resolve("data");
        Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", 2025)).close();
        moved = Files.createDirectories(root.resolve("usb")).resolve("ledger.mv.db");
        Files.move(Database.ledgerFile(dataDir), moved);
        LedgerApp.dataDirOption = dataDir.toString();
        LedgerApp.fileDialogs = new FileDialogs() {
            @Override
            public Optional<Path> chooseToOpen(Window owner, String title) {
                asked.add(title);
                return Optional.of(moved);
            }

            @Override
            public Optional<Path> chooseToSave(Window owner, String title, String initialName) {
                return Optional.empty();
            }
        };
        app = new LedgerApp();
        app.start(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get(20, TimeUnit.SECONDS);
        LedgerApp.fileDialogs = null;
    }

    @Test
    void asksToLocateTheLedgerThenOpensTheFileChosen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup(".ledger-vanished").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        DialogPane pane = robot.lookup(".ledger-vanished").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("找不到台账文件");
        assertThat(pane.getContentText()).startsWith("台账文件不见了：" + Database.ledgerFile(dataDir));
        assertThat(Database.exists(dataDir)).as("nothing created while asking").isFalse();

        robot.clickOn("查找台账文件…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".status-ledger").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("选择原来的台账文件（ledger.mv.db）");
        assertThat(robot.lookup(".status-ledger").queryAs(Label.class).getText()).isEqualTo("青石镇 · 示范县 · 2025 年度");
        assertThat(Database.exists(dataDir)).isTrue();
        assertThat(moved).exists();
    }
}
