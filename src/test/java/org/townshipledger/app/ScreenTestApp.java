package org.townshipledger.app;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window on a ledger folder, for a TestFX screen test: {@link #start} from the test's {@code @Start},
 * {@link #stop} after each test (and where a test reads the ledger file itself, before that); stopping twice is
 * harmless. {@link #open} goes to a screen through the navigation list, as a clerk does.
 */
final class ScreenTestApp {

    private LedgerApp app;

    void start(Stage stage, Path dataDir) throws Exception {
        LedgerApp.dataDirOption = dataDir.toString();
        app = new LedgerApp();
        app.start(stage);
    }

    /** Closes the ledger as the window's close does, and waits for it. */
    void stop() throws Exception {
        if (app == null) {
            return;
        }
        LedgerApp running = app;
        app = null;
        WaitForAsyncUtils.asyncFx(() -> {
            running.stop();
            Platform.runLater(() -> { });
        }).get(20, TimeUnit.SECONDS);
    }

    /** Clicks the screen's entry in the navigation list once the list shows it. */
    static void open(FxRobot robot, String screen) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".nav-list .list-cell")
                .match(n -> n instanceof Labeled l && screen.equals(l.getText())).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> nav = robot.lookup(".nav-list .list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> screen.equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(nav);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
