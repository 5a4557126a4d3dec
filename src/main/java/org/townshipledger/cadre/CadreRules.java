package org.townshipledger.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;

/**
 * What makes a cadre entry valid, field by field, so that the form can show each problem under its field and an
 * import under its column. Each problem's {@code field} is one of the FIELD_ keys. Uniqueness of the ID number
 * needs the ledger: {@link CadreService#saveCadre} checks it.
 */
public final class CadreRules {

    public static final String FIELD_NAME = "name";
    public static final String FIELD_SEX = "sex";
    public static final String FIELD_BIRTH = "birthDate";
    public static final String FIELD_ID = "idNumber";
    public static final String FIELD_PHONE = "phone";
    public static final String FIELD_NOTE = "note";

    public static final int NAME_MAX = 50;
    public static final int PHONE_MAX = 30;
    public static final int NOTE_MAX = 1000;

    private CadreRules() {
    }

    /** Every problem of the entry (an ID number is optional; when given it must be valid and agree). */
    public static List<Problem> validate(Cadre d) {
        List<Problem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add(Problem.onField(FIELD_NAME, Messages.get("cadre.error.nameRequired")));
        } else if (name.length() > NAME_MAX) {
            problems.add(Problem.onField(FIELD_NAME, Messages.get("validation.tooLong", NAME_MAX)));
        }
        String id = IdNumber.normalize(d.idNumber());
        Optional<String> idProblem = id.isEmpty() ? Optional.empty() : IdNumber.problem(id);
        idProblem.ifPresent(p -> problems.add(Problem.onField(FIELD_ID, name + "：" + p)));
        if (d.sex() == null) {
            problems.add(Problem.onField(FIELD_SEX, Messages.get("member.error.sexRequired", name)));
        }
        if (!id.isEmpty() && idProblem.isEmpty()) {
            if (d.sex() != null && IdNumber.sex(id) != d.sex()) {
                problems.add(Problem.onField(FIELD_SEX, Messages.get("member.error.sexMismatch", name,
                        d.sex().label(), IdNumber.sex(id).label())));
            }
            LocalDate fromId = IdNumber.birthDate(id);
            if (d.birthDate() != null && !d.birthDate().equals(fromId)) {
                problems.add(Problem.onField(FIELD_BIRTH, Messages.get("member.error.birthMismatch", name,
                        d.birthDate().toString(), fromId.toString())));
            }
        }
        if (d.phone() != null && d.phone().strip().length() > PHONE_MAX) {
            problems.add(Problem.onField(FIELD_PHONE, Messages.get("validation.tooLong", PHONE_MAX)));
        }
        if (d.note() != null && d.note().strip().length() > NOTE_MAX) {
            problems.add(Problem.onField(FIELD_NOTE, Messages.get("validation.tooLong", NOTE_MAX)));
        }
        return problems;
    }

    /** The entry cleaned for saving: trimmed, blanks as null, the ID normalized, a missing birth date from the ID. */
    public static Cadre normalized(Cadre d) {
        String id = IdNumber.normalize(d.idNumber());
        LocalDate birth = d.birthDate();
        if (birth == null && !id.isEmpty() && IdNumber.isValid(id)) {
            birth = IdNumber.birthDate(id);
        }
        return new Cadre(d.id(), d.name() == null ? "" : d.name().strip(), d.sex(), birth, id.isEmpty() ? null : id,
                blank(d.phone()), d.unitId(), d.unitName(), d.rank(), d.partyMember(), blank(d.note()), d.version(),
                null);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
