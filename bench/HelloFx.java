import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline for start-up: a bare JavaFX window, timed from JVM start to its first show. Started through
 * a main class that does not extend Application, as the ledger's Launcher is (plain classpath).
 */
public class HelloFx {
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("你好"), 1200, 760));
            stage.setOnShown(e -> {
                System.out.println("first-window-ms " + (System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime()));
                Platform.exit();
            });
            stage.show();
        }
    }
}
