package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
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
import org.townshipledger.db.LedgerSettings;

/** The window on a ledger written by a newer program: refused with a clear message, the file left as it was. */
@ExtendWith(ApplicationExtension.class)
class TooNewLedgerWindowTest {

    private Path dataDir;
    private String url;
    private List<String> historyBefore;
    private LedgerApp app;

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        dataDir = Files.createTempDirectory("ledger-too-new-ui");
        Database.create(dataDir, LedgerSettings.of("青石镇", "示范县", 2025)).close();
        url = "jdbc:h2:file:" + dataDir.resolve("ledger");
        try (Connection c = DriverManager.getConnection(url, "ledger", ""); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\","
                    + " \"success\") VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 42,"
                    + " 'LEDGER', CURRENT_TIMESTAMP, 1, TRUE)");
        }
        historyBefore = history();
        LedgerApp.dataDirOption = dataDir.toString();
        LedgerApp.exit = () -> { };
        app = new LedgerApp();
        app.start(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get(20, TimeUnit.SECONDS);
        LedgerApp.exit = javafx.application.Platform::exit;
    }

    private List<String> history() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "ledger", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                     + " ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getBoolean(2));
            }
        }
        return rows;
    }

    @Test
    void isRefusedWithAMessageAndLeftUntouched(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("更新版本").contains("999");
        assertThat(robot.lookup(".status-ledger").tryQuery()).as("no main window on a refused ledger").isEmpty();
        // The dialog is still open (the window waits for OK), so the ledger is not held: read its history now.
        assertThat(history()).isEqualTo(historyBefore).contains("999|true");
    }
}
