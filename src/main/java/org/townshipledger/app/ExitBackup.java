package org.townshipledger.app;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;

/**
 * The backup when the window closes: the window shows its progress (with 跳过备份, which stops it at its next step;
 * the thread inside H2 is never interrupted), the backup runs on the ledger's worker thread, then the program ends.
 */
final class ExitBackup {

    private final AtomicBoolean skip = new AtomicBoolean();
    private boolean running;

    /** True while the backup runs: a second close request only asks it to stop. */
    boolean running() {
        return running;
    }

    void skip() {
        skip.set(true);
    }

    void run(Stage stage, AppContext ctx, Runnable then) {
        running = true;
        ProgressBar bar = new ProgressBar(-1);
        bar.setPrefWidth(380);
        Label text = new Label(Messages.get("backup.exit.text"));
        Button skipButton = new Button(Messages.get("backup.exit.skip"));
        skipButton.setOnAction(e -> {
            skip();
            skipButton.setDisable(true);
        });
        VBox box = new VBox(16, text, bar, skipButton);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("exit-backup");
        stage.getScene().setRoot(box);
        stage.setTitle(Messages.get("backup.exit.title"));
        Progress progress = ctx.executor.progress(bar::setProgress, skip::get);
        ctx.executor.execute(() -> ctx.backups.atExit(progress), made -> then.run(), e -> {
            LoggerFactory.getLogger(ExitBackup.class).warn("Backup at exit not made: {}", e.getMessage());
            then.run();
        });
    }
}
