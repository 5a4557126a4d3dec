package org.townshipledger.app;

import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.townshipledger.cli.VersionInfo;
import org.townshipledger.common.Messages;

/** 帮助 → 关于: name, version, where the ledger is, the licence. */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner, Path ledgerFile) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(owner);
        about.setTitle(Messages.get("about.title"));
        about.setHeaderText(Messages.get("app.title") + "  " + Messages.get("about.version", VersionInfo.version()));
        about.setContentText(Messages.get("about.text", ledgerFile, System.getProperty("java.version")));
        about.showAndWait();
    }
}
