package org.townshipledger.household;

import java.time.LocalDate;
import java.util.UUID;
import org.townshipledger.common.Sex;

/**
 * A member of a household (家庭成员), the head included.
 *
 * @param id       null until first saved; kept when the member moves to another household
 * @param idNumber the 18-character ID number, normalised
 */
public record Member(UUID id, String name, String idNumber, Relation relation, Sex sex, LocalDate birthDate,
                     String ethnicity, Education education, InSchool inSchool, Health health, LabourSkill labourSkill,
                     WorkStatus workStatus) {

    public boolean isHead() {
        return relation == Relation.HEAD;
    }

    public Member withId(UUID newId) {
        return new Member(newId, name, idNumber, relation, sex, birthDate, ethnicity, education, inSchool, health,
                labourSkill, workStatus);
    }
}
