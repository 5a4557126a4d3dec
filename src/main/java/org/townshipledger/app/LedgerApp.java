package org.townshipledger.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class LedgerApp extends Application {

    static void start(String dataDirOption, String lang) {
        Application.launch(LedgerApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
