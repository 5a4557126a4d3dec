package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;

/** The first start on an empty data folder asks for the township, county and year, then creates the ledger. */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {

    private Path dataDir;
    private LedgerApp app;

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-first-start").resolve("data");
        LedgerApp.dataDirOption = dataDir.toString();
        app = new LedgerApp();
        app.start(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get(20, TimeUnit.SECONDS);
    }

    @Test
    void asksForTheTownshipThenCreatesTheLedger(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#townshipField").tryQuery().isPresent());
        Node create = robot.lookup("创建台账").query();
        assertThat(create.isDisabled()).as("nothing to create before a township is named").isTrue();
        assertThat(Database.exists(dataDir)).isFalse();

        robot.clickOn("#townshipField").write("青石镇");
        robot.clickOn("#countyField").write("示范县");
        robot.doubleClickOn("#yearField").eraseText(4).write("2025");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(create.isDisabled()).isFalse();
        robot.clickOn(create);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".status-ledger").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".status-ledger").queryAs(Label.class).getText()).isEqualTo("青石镇 · 示范县 · 2025 年度");
        assertThat(Database.exists(dataDir)).isTrue();
        assertThat(settingInFile(SettingsStore.TOWNSHIP)).isEqualTo("青石镇");
        assertThat(settingInFile(SettingsStore.WORKING_YEAR)).isEqualTo("2025");
    }

    private String settingInFile(String key) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger") + ";IFEXISTS=TRUE",
                "ledger", "");
             PreparedStatement ps = c.prepareStatement("SELECT SETTING_VALUE FROM SETTING WHERE SETTING_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
