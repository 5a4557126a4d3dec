package org.townshipledger.app;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.db.LedgerSettings;

/**
 * Asks for the township, the county and the working year (and the names printed under sheets).
 * At first start it creates the ledger's settings; from 文件 → 台账设置 it edits them.
 * OK stays disabled until the entries are valid, so nothing bad can be saved.
 */
final class SettingsDialog {

    private SettingsDialog() {
    }

    static Optional<LedgerSettings> ask(Window owner, LedgerSettings initial, boolean firstStart) {
        Dialog<LedgerSettings> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(Messages.get(firstStart ? "setup.title" : "settings.title"));
        dialog.setHeaderText(Messages.get(firstStart ? "setup.header" : "settings.header"));
        ButtonType ok = new ButtonType(Messages.get(firstStart ? "setup.create" : "dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);

        TextField township = field(initial.township(), Messages.get("setup.township.prompt"));
        TextField county = field(initial.county(), Messages.get("setup.county.prompt"));
        TextField year = field(Integer.toString(initial.workingYear()), "");
        year.setPrefColumnCount(6);
        township.setId("townshipField");
        county.setId("countyField");
        year.setId("yearField");
        TextField preparer = field(initial.preparer(), "");
        TextField reviewer = field(initial.reviewer(), "");
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(16, 20, 8, 20));
        int row = 0;
        grid.addRow(row++, label(Messages.get("settings.township") + " *"), township);
        grid.addRow(row++, label(Messages.get("settings.county")), county);
        grid.addRow(row++, label(Messages.get("settings.year") + " *"), year);
        grid.addRow(row++, label(Messages.get("settings.preparer")), preparer);
        grid.addRow(row++, label(Messages.get("settings.reviewer")), reviewer);
        grid.add(error, 0, row, 2, 1);
        Label hint = new Label(Messages.get("setup.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        grid.add(hint, 0, row + 1, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(500);

        javafx.beans.binding.ObjectBinding<List<Problem>> problems = Bindings.createObjectBinding(
                () -> settingsOf(township, county, year, preparer, reviewer).map(LedgerSettings::problems)
                        .orElse(List.of(Problem.onField(Messages.get("settings.year"), Messages.get("validation.integer")))),
                township.textProperty(), county.textProperty(), year.textProperty(),
                preparer.textProperty(), reviewer.textProperty());
        error.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                problems.get().stream().map(Problem::describe).toList()), problems));
        // Say what is wrong only once the clerk has typed something; until then OK is simply disabled.
        javafx.beans.property.BooleanProperty touched = new javafx.beans.property.SimpleBooleanProperty(false);
        problems.addListener((obs, old, now) -> touched.set(true));
        error.visibleProperty().bind(touched);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !problems.get().isEmpty(), problems));

        dialog.setResultConverter(button -> button == ok
                ? settingsOf(township, county, year, preparer, reviewer).orElse(null) : null);
        javafx.application.Platform.runLater(township::requestFocus);
        return dialog.showAndWait();
    }

    private static Optional<LedgerSettings> settingsOf(TextField township, TextField county, TextField year,
                                                       TextField preparer, TextField reviewer) {
        try {
            int y = Integer.parseInt(year.getText().strip());
            return Optional.of(new LedgerSettings(township.getText(), county.getText(), y, preparer.getText(),
                    reviewer.getText()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String text, String prompt) {
        TextField f = new TextField(text);
        f.setPromptText(prompt);
        f.setPrefColumnCount(20);
        return f;
    }
}
