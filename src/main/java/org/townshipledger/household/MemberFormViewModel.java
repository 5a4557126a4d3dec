package org.townshipledger.household;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;

/**
 * The form of one household member. A valid ID number fills in sex and birth date; the household's own checks
 * (one head, sex and birth date against the ID, one ID one person) run when the member is put into the household.
 */
public final class MemberFormViewModel {

    private final UUID memberId;
    private final boolean isNew;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty idNumber = new SimpleStringProperty("");
    private final ObjectProperty<Relation> relation = new SimpleObjectProperty<>();
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>();
    private final StringProperty ethnicity = new SimpleStringProperty("");
    private final ObjectProperty<Education> education = new SimpleObjectProperty<>();
    private final ObjectProperty<InSchool> inSchool = new SimpleObjectProperty<>();
    private final ObjectProperty<Health> health = new SimpleObjectProperty<>();
    private final ObjectProperty<LabourSkill> labourSkill = new SimpleObjectProperty<>();
    private final ObjectProperty<WorkStatus> workStatus = new SimpleObjectProperty<>();
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty idError = new SimpleStringProperty("");
    private final BooleanBinding complete;

    /**
     * @param existing    the member to edit, or null for a new one
     * @param defaultHead for a new member: start with 户主 as the relation (the household has none yet)
     */
    MemberFormViewModel(Member existing, boolean defaultHead) {
        isNew = existing == null;
        memberId = existing == null ? null : existing.id();
        if (existing != null) {
            name.set(nz(existing.name()));
            idNumber.set(nz(existing.idNumber()));
            relation.set(existing.relation());
            sex.set(existing.sex());
            birthDate.set(existing.birthDate());
            ethnicity.set(nz(existing.ethnicity()));
            education.set(existing.education());
            inSchool.set(existing.inSchool());
            health.set(existing.health());
            labourSkill.set(existing.labourSkill());
            workStatus.set(existing.workStatus());
        } else if (defaultHead) {
            relation.set(Relation.HEAD);
        }
        idNumber.addListener((obs, old, text) -> idTyped(text));
        name.addListener((obs, old, text) -> {
            if (!text.isBlank()) {
                nameError.set("");
            }
        });
        complete = Bindings.createBooleanBinding(() -> !name.get().isBlank()
                        && IdNumber.isValid(IdNumber.normalize(idNumber.get())) && relation.get() != null,
                name, idNumber, relation);
    }

    /** As the ID is typed: once it is complete and valid, sex and birth date follow it; a full wrong one is said. */
    private void idTyped(String text) {
        String id = IdNumber.normalize(text);
        Optional<String> problem = IdNumber.problem(id);
        if (problem.isEmpty()) {
            idError.set("");
            sex.set(IdNumber.sex(id));
            birthDate.set(IdNumber.birthDate(id));
        } else if (id.length() >= IdNumber.LENGTH) {
            idError.set(problem.get());
        } else {
            idError.set("");
        }
    }

    /** Checks the fields as the clerk leaves them (an unfinished ID is only reported then). */
    public void validateName() {
        nameError.set(name.get().isBlank() ? Messages.get("member.form.nameRequired") : "");
    }

    public void validateId() {
        idError.set(IdNumber.problem(IdNumber.normalize(idNumber.get())).orElse(""));
    }

    /** True when the member can go into the household (name, a valid ID and the relation are there). */
    public BooleanBinding completeBinding() {
        return complete;
    }

    /** The member as entered; the ID number normalised (full-width digits, a lower-case x). */
    public Member toMember() {
        return new Member(memberId, name.get().strip(), IdNumber.normalize(idNumber.get()), relation.get(), sex.get(),
                birthDate.get(), ethnicity.get().isBlank() ? null : ethnicity.get().strip(), education.get(),
                inSchool.get(), health.get(), labourSkill.get(), workStatus.get());
    }

    public boolean isNew() {
        return isNew;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty idNumberProperty() {
        return idNumber;
    }

    public ObjectProperty<Relation> relationProperty() {
        return relation;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public ObjectProperty<LocalDate> birthDateProperty() {
        return birthDate;
    }

    public StringProperty ethnicityProperty() {
        return ethnicity;
    }

    public ObjectProperty<Education> educationProperty() {
        return education;
    }

    public ObjectProperty<InSchool> inSchoolProperty() {
        return inSchool;
    }

    public ObjectProperty<Health> healthProperty() {
        return health;
    }

    public ObjectProperty<LabourSkill> labourSkillProperty() {
        return labourSkill;
    }

    public ObjectProperty<WorkStatus> workStatusProperty() {
        return workStatus;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty idErrorProperty() {
        return idError;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
