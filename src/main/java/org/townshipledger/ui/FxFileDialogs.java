package org.townshipledger.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.townshipledger.common.Messages;

/** {@link FileDialogs} by JavaFX's {@link FileChooser}; remembers the last folder while the program runs. */
public final class FxFileDialogs implements FileDialogs {

    private Path lastFolder;

    @Override
    public Optional<Path> chooseToOpen(Window owner, String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(Messages.get("file.filter.sheets"), "*.xlsx", "*.csv"),
                new FileChooser.ExtensionFilter(Messages.get("file.filter.xlsx"), "*.xlsx"),
                new FileChooser.ExtensionFilter(Messages.get("file.filter.csv"), "*.csv"));
        File f = chooser.showOpenDialog(owner);
        return remember(f);
    }

    @Override
    public Optional<Path> chooseToSave(Window owner, String title, String initialName) {
        FileChooser chooser = chooser(title);
        FileChooser.ExtensionFilter xlsx = new FileChooser.ExtensionFilter(Messages.get("file.filter.xlsx"), "*.xlsx");
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter(Messages.get("file.filter.csv"), "*.csv");
        chooser.getExtensionFilters().setAll(xlsx, csv);
        chooser.setSelectedExtensionFilter(xlsx);
        chooser.setInitialFileName(initialName + ".xlsx");
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        String name = f.getName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
            // Some desktops do not add the extension of the chosen type.
            f = new File(f.getParentFile(), f.getName() + (chooser.getSelectedExtensionFilter() == csv ? ".csv" : ".xlsx"));
        }
        return remember(f);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null && Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        return chooser;
    }

    private Optional<Path> remember(File f) {
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath().toAbsolutePath();
        lastFolder = p.getParent();
        return Optional.of(p);
    }

    @Override
    public Optional<Path> chooseBackupToOpen(Window owner, String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(Messages.get("file.filter.backups"), "*.zip", "*.tlbak"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseBackupToSave(Window owner, String title, String initialName) {
        FileChooser chooser = chooser(title);
        String ext = initialName.substring(initialName.lastIndexOf('.') + 1);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(Messages.get("file.filter.backups"), "*." + ext));
        chooser.setInitialFileName(initialName);
        File f = chooser.showSaveDialog(owner);
        if (f != null && !f.getName().toLowerCase(Locale.ROOT).endsWith("." + ext)) {
            f = new File(f.getParentFile(), f.getName() + "." + ext);
        }
        return remember(f);
    }
}
