package org.townshipledger.pairing;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.townshipledger.cadre.Rank;
import org.townshipledger.common.Messages;
import org.townshipledger.ui.FormKeys;
import org.townshipledger.ui.Fxml;

/**
 * Binds PairingRulesView.fxml (the 结对规则 dialog) to {@link PairingRulesViewModel}: a field per quota figure and
 * per rank's limit, red while it is not a whole number; 确定 stays disabled until every figure is valid, and the
 * dialog stays open when the save fails.
 */
public final class PairingRulesController {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final PairingRulesViewModel vm;
    private final List<TextField> fields = new ArrayList<>();

    @FXML private GridPane quotaGrid;
    @FXML private GridPane limitGrid;
    @FXML private Label rulesError;

    public PairingRulesController(PairingRulesViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        quotaGrid.add(header(Messages.get("pairing.rules.category")), 0, 0);
        for (int part = 0; part < PairingRulesViewModel.PARTS.size(); part++) {
            quotaGrid.add(header(PairingRulesViewModel.partLabel(part)), part + 1, 0);
        }
        int row = 1;
        for (HelperCategory c : HelperCategory.values()) {
            quotaGrid.add(label(c.label()), 0, row);
            for (int part = 0; part < PairingRulesViewModel.PARTS.size(); part++) {
                TextField f = field(vm.quotaProperty(c, part), "quota-" + c.name() + "-" + PairingRulesViewModel.PARTS.get(part));
                quotaGrid.add(f, part + 1, row);
            }
            row++;
        }
        limitGrid.add(header(Messages.get("pairing.rules.rank")), 0, 0);
        limitGrid.add(header(Messages.get("pairing.rules.limit")), 1, 0);
        row = 1;
        for (Rank r : Rank.values()) {
            limitGrid.add(label(r.label()), 0, row);
            limitGrid.add(field(vm.limitProperty(r), "limit-" + r.name()), 1, row);
            row++;
        }
        rulesError.textProperty().bind(Bindings.createStringBinding(() -> {
            List<String> lines = new ArrayList<>(vm.problems().get());
            if (!vm.saveErrorProperty().get().isEmpty()) {
                lines.add(vm.saveErrorProperty().get());
            }
            return String.join("\n", lines);
        }, vm.problems(), vm.saveErrorProperty()));
        rulesError.visibleProperty().bind(rulesError.textProperty().isNotEmpty());
        rulesError.managedProperty().bind(rulesError.visibleProperty());
        FormKeys.enterMovesFocus(fields.toArray(Node[]::new));
    }

    private TextField field(StringProperty text, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(4);
        f.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        f.textProperty().bindBidirectional(text);
        f.textProperty().addListener((obs, old, t) -> f.pseudoClassStateChanged(DANGER,
                PairingRulesViewModel.invalid(t)));
        GridPane.setHalignment(f, HPos.CENTER);
        fields.add(f);
        return f;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setHalignment(l, HPos.CENTER);
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setHalignment(l, HPos.RIGHT);
        return l;
    }

    /** The first field, for the focus when the dialog opens. */
    private Node firstField() {
        return fields.get(0);
    }

    /**
     * Shows the dialog over {@code owner} and waits. 确定 saves; the dialog closes once the save is done and stays
     * open (with the reason) when it fails.
     */
    public static void show(Window owner, PairingRulesViewModel vm) {
        PairingRulesController controller = new PairingRulesController(vm);
        Parent content = Fxml.load(PairingRulesController.class, "PairingRulesView.fxml", controller);
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(Messages.get("pairing.rules.title"));
        dialog.setHeaderText(Messages.get("pairing.rules.header"));
        ButtonType ok = new ButtonType(Messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("pairingRulesDialog");
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("saveRulesButton");
        okButton.disableProperty().bind(vm.validBinding().not().or(vm.busyProperty()));
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // closes only once saved
            vm.save();
        });
        vm.savedProperty().addListener((obs, was, is) -> {
            if (is) {
                dialog.setResult(ok);
                dialog.close();
            }
        });
        // The lines saying what is wrong come and go: let the dialog grow and shrink with them.
        controller.rulesError.textProperty().addListener((obs, old, text) -> javafx.application.Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        vm.load();
        javafx.application.Platform.runLater(() -> controller.firstField().requestFocus());
        dialog.showAndWait();
    }
}
