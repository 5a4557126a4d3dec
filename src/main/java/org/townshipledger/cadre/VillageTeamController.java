package org.townshipledger.cadre;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.townshipledger.common.Messages;

/** Binds VillageTeamView.fxml (a section of the village form) to {@link VillageTeamViewModel}. */
public final class VillageTeamController {

    private final VillageTeamViewModel vm;

    @FXML private VBox teamRoot;
    @FXML private Label teamLabel;
    @FXML private Label reservesLabel;
    @FXML private Label pathLabel;
    @FXML private TextArea pathArea;
    @FXML private Label teamError;
    @FXML private Button savePathButton;

    public VillageTeamController(VillageTeamViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        teamLabel.textProperty().bind(vm.teamProperty());
        reservesLabel.textProperty().bind(vm.reservesProperty());
        pathLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("team.path", vm.yearProperty().get()), vm.yearProperty()));
        pathArea.textProperty().bindBidirectional(vm.developmentPathProperty());
        teamError.textProperty().bind(vm.errorProperty());
        teamError.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        teamError.managedProperty().bind(teamError.visibleProperty());
        savePathButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.developmentPathProperty().get().strip().equals(vm.savedPathProperty().get()),
                vm.developmentPathProperty(), vm.savedPathProperty()));
        teamRoot.visibleProperty().bind(vm.villageIdProperty().isNotNull());
        teamRoot.managedProperty().bind(teamRoot.visibleProperty());
    }

    @FXML
    private void onSavePath() {
        vm.saveDevelopmentPath();
    }
}
