package org.townshipledger.household;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.ui.Choice;
import org.townshipledger.ui.Dates;
import org.townshipledger.ui.FormKeys;

/** Binds MemberFormView.fxml to {@link MemberFormViewModel}. */
public final class MemberFormController {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final MemberFormViewModel vm;

    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private TextField idField;
    @FXML private Label idError;
    @FXML private ComboBox<Choice<Relation>> relationBox;
    @FXML private ComboBox<Choice<Sex>> sexBox;
    @FXML private DatePicker birthPicker;
    @FXML private TextField ethnicityField;
    @FXML private ComboBox<Choice<Education>> educationBox;
    @FXML private ComboBox<Choice<InSchool>> inSchoolBox;
    @FXML private ComboBox<Choice<Health>> healthBox;
    @FXML private ComboBox<Choice<LabourSkill>> labourBox;
    @FXML private ComboBox<Choice<WorkStatus>> workBox;

    public MemberFormController(MemberFormViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        idField.textProperty().bindBidirectional(vm.idNumberProperty());
        ethnicityField.textProperty().bindBidirectional(vm.ethnicityProperty());
        Dates.iso(birthPicker);
        birthPicker.valueProperty().bindBidirectional(vm.birthDateProperty());
        String choose = Messages.get("household.choice.choose");
        String none = Messages.get("household.choice.none");
        Choice.bind(relationBox, choose, Relation.values(), Relation::label, vm.relationProperty());
        Choice.bind(sexBox, choose, Sex.values(), Sex::label, vm.sexProperty());
        Choice.bind(educationBox, none, Education.values(), Education::label, vm.educationProperty());
        Choice.bind(inSchoolBox, none, InSchool.values(), InSchool::label, vm.inSchoolProperty());
        Choice.bind(healthBox, none, Health.values(), Health::label, vm.healthProperty());
        Choice.bind(labourBox, none, LabourSkill.values(), LabourSkill::label, vm.labourSkillProperty());
        Choice.bind(workBox, none, WorkStatus.values(), WorkStatus::label, vm.workStatusProperty());

        errorLabel(nameError, vm.nameErrorProperty(), nameField);
        errorLabel(idError, vm.idErrorProperty(), idField);
        nameField.focusedProperty().addListener((obs, had, has) -> {
            if (had && !has) {
                vm.validateName();
            }
        });
        idField.focusedProperty().addListener((obs, had, has) -> {
            if (had && !has && !idField.getText().isBlank()) {
                vm.validateId();
            }
        });
        FormKeys.enterMovesFocus(nameField, idField, relationBox, sexBox, birthPicker, ethnicityField, educationBox,
                inSchoolBox, healthBox, labourBox, workBox);
    }

    private static void errorLabel(Label label, StringProperty error, TextField field) {
        label.textProperty().bind(error);
        ObservableValue<Boolean> shown = error.isNotEmpty();
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
        error.addListener((obs, old, msg) -> field.pseudoClassStateChanged(DANGER, !msg.isEmpty()));
    }

    /** Puts the cursor in the first field. */
    public void focusFirst() {
        nameField.requestFocus();
    }
}
