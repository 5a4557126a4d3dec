package org.townshipledger.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The system's file dialogs, behind an interface so screen tests can answer them without a native dialog.
 * Both offer .xlsx and .csv.
 */
public interface FileDialogs {

    /** A spreadsheet to import, or empty when the clerk cancels. */
    Optional<Path> chooseToOpen(Window owner, String title);

    /**
     * Where to save a spreadsheet, or empty when the clerk cancels. The file ends in .xlsx or .csv (the type chosen
     * in the dialog is added when the name has neither).
     */
    Optional<Path> chooseToSave(Window owner, String title, String initialName);

    /** A backup file to restore (.zip or .tlbak), or empty when the clerk cancels. */
    default Optional<Path> chooseBackupToOpen(Window owner, String title) {
        return chooseToOpen(owner, title);
    }

    /** Where to write a backup ({@code initialName} carries its extension), or empty when the clerk cancels. */
    default Optional<Path> chooseBackupToSave(Window owner, String title, String initialName) {
        return chooseToSave(owner, title, initialName);
    }
}
