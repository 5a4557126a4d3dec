package org.townshipledger.household;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;

/**
 * The checks made on every save and every import of a household. Pure: the caller says who else holds an
 * ID number, so the same rules serve the form, the service and a 100,000-row import.
 */
public final class HouseholdRules {

    public static final String FIELD_VILLAGE = "village";
    public static final String FIELD_MEMBERS = "members";
    public static final String FIELD_NAME = "name";
    public static final String FIELD_ID_NUMBER = "idNumber";
    public static final String FIELD_SEX = "sex";
    public static final String FIELD_BIRTH_DATE = "birthDate";
    public static final String FIELD_RELATION = "relation";
    public static final String FIELD_STATUS = "status";
    public static final String FIELD_EXIT_YEAR = "exitYear";
    public static final String FIELD_RISK = "riskType";
    public static final String FIELD_PHONE = "phone";

    public static final int NAME_MAX = 50;
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("[0-9+\\- ]{5,30}");
    private static final Set<Relation> MALE = EnumSet.of(Relation.SON, Relation.SON_IN_LAW, Relation.GRANDSON,
            Relation.FATHER);
    private static final Set<Relation> FEMALE = EnumSet.of(Relation.DAUGHTER, Relation.DAUGHTER_IN_LAW,
            Relation.GRANDDAUGHTER, Relation.MOTHER);
    private static final Set<Relation> YOUNGER_GENERATION = EnumSet.of(Relation.SON, Relation.DAUGHTER,
            Relation.SON_IN_LAW, Relation.DAUGHTER_IN_LAW, Relation.GRANDSON, Relation.GRANDDAUGHTER);

    private HouseholdRules() {
    }

    /**
     * All errors and warnings of {@code h}.
     *
     * @param holderElsewhere given an ID number and the member's own id (null when new), describes the other person
     *                        in the ledger who holds it ("大石村 张三"), or empty
     */
    public static List<HouseholdIssue> check(Household h, BiFunction<String, UUID, Optional<String>> holderElsewhere) {
        List<HouseholdIssue> issues = new ArrayList<>();
        if (h.villageId() == null) {
            issues.add(HouseholdIssue.error(-1, FIELD_VILLAGE, Messages.get("household.error.village")));
        }
        checkHeads(h, issues);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < h.members().size(); i++) {
            checkMember(h.members().get(i), i, issues);
            String id = h.members().get(i).idNumber();
            if (id != null && IdNumber.isValid(id)) {
                Integer first = seen.putIfAbsent(id, i);
                if (first != null) {
                    issues.add(HouseholdIssue.error(i, FIELD_ID_NUMBER, Messages.get("household.error.idTwiceInHousehold",
                            h.members().get(i).name(), h.members().get(first).name())));
                } else {
                    Member m = h.members().get(i);
                    Optional<String> other = holderElsewhere.apply(id, m.id());
                    if (other.isPresent()) {
                        issues.add(HouseholdIssue.error(i, FIELD_ID_NUMBER,
                                Messages.get("household.error.idElsewhere", m.name(), other.get())));
                    }
                }
            }
        }
        checkStatus(h, issues);
        h.head().ifPresent(head -> relationWarnings(h, head, issues));
        if (h.isMonitored() && h.riskType() == null) {
            issues.add(HouseholdIssue.warning(-1, FIELD_RISK, Messages.get("household.warning.noRisk")));
        }
        if (h.phone() != null && !h.phone().isBlank() && !PHONE.matcher(h.phone().strip()).matches()) {
            issues.add(HouseholdIssue.error(-1, FIELD_PHONE, Messages.get("household.error.phone", h.phone())));
        }
        return issues;
    }

    public static boolean hasErrors(List<HouseholdIssue> issues) {
        return issues.stream().anyMatch(i -> !i.warning());
    }

    private static void checkHeads(Household h, List<HouseholdIssue> issues) {
        if (h.members().isEmpty()) {
            issues.add(HouseholdIssue.error(-1, FIELD_MEMBERS, Messages.get("household.error.noMembers")));
            return;
        }
        long heads = h.members().stream().filter(Member::isHead).count();
        if (heads == 0) {
            issues.add(HouseholdIssue.error(-1, FIELD_MEMBERS, Messages.get("household.error.noHead")));
        } else if (heads > 1) {
            issues.add(HouseholdIssue.error(-1, FIELD_MEMBERS, Messages.get("household.error.manyHeads", heads)));
        }
    }

    private static void checkMember(Member m, int i, List<HouseholdIssue> issues) {
        String name = m.name() == null ? "" : m.name().strip();
        if (name.isEmpty()) {
            issues.add(HouseholdIssue.error(i, FIELD_NAME, Messages.get("member.error.nameRequired", i + 1)));
        } else if (name.length() > NAME_MAX) {
            issues.add(HouseholdIssue.error(i, FIELD_NAME, Messages.get("validation.tooLong", NAME_MAX)));
        }
        if (m.relation() == null) {
            issues.add(HouseholdIssue.error(i, FIELD_RELATION, Messages.get("member.error.relationRequired", name)));
        }
        Optional<String> idProblem = IdNumber.problem(m.idNumber() == null ? "" : m.idNumber());
        if (idProblem.isPresent()) {
            issues.add(HouseholdIssue.error(i, FIELD_ID_NUMBER, name + "：" + idProblem.get()));
            return;
        }
        Sex idSex = IdNumber.sex(m.idNumber());
        if (m.sex() == null) {
            issues.add(HouseholdIssue.error(i, FIELD_SEX, Messages.get("member.error.sexRequired", name)));
        } else if (m.sex() != idSex) {
            issues.add(HouseholdIssue.error(i, FIELD_SEX,
                    Messages.get("member.error.sexMismatch", name, m.sex().label(), idSex.label())));
        }
        if (m.birthDate() == null) {
            issues.add(HouseholdIssue.error(i, FIELD_BIRTH_DATE, Messages.get("member.error.birthRequired", name)));
        } else if (!m.birthDate().equals(IdNumber.birthDate(m.idNumber()))) {
            issues.add(HouseholdIssue.error(i, FIELD_BIRTH_DATE, Messages.get("member.error.birthMismatch", name,
                    m.birthDate().toString(), IdNumber.birthDate(m.idNumber()).toString())));
        }
    }

    private static void checkStatus(Household h, List<HouseholdIssue> issues) {
        if (h.status() == PovertyStatus.OUT && h.exitYear() == null) {
            issues.add(HouseholdIssue.error(-1, FIELD_EXIT_YEAR, Messages.get("household.error.exitYearMissing")));
        } else if (h.status() != PovertyStatus.OUT && h.exitYear() != null) {
            issues.add(HouseholdIssue.error(-1, FIELD_EXIT_YEAR, Messages.get("household.error.exitYearNotOut")));
        } else if (h.exitYear() != null && (h.exitYear() < 2013 || h.exitYear() > 2100)) {
            issues.add(HouseholdIssue.error(-1, FIELD_EXIT_YEAR, Messages.get("validation.yearRange", 2013, 2100)));
        }
    }

    /** Warnings only: a relation that contradicts sex, a child older than the head. */
    private static void relationWarnings(Household h, Member head, List<HouseholdIssue> issues) {
        for (int i = 0; i < h.members().size(); i++) {
            Member m = h.members().get(i);
            if (m.relation() == null || m.sex() == null) {
                continue;
            }
            boolean contradicts = (MALE.contains(m.relation()) && m.sex() != Sex.MALE)
                    || (FEMALE.contains(m.relation()) && m.sex() != Sex.FEMALE)
                    || (m.relation() == Relation.SPOUSE && m.sex() == head.sex());
            if (contradicts) {
                issues.add(HouseholdIssue.warning(i, FIELD_RELATION, Messages.get("member.warning.relationSex",
                        m.name(), m.relation().label(), m.sex().label())));
            }
            if (YOUNGER_GENERATION.contains(m.relation()) && m.birthDate() != null && head.birthDate() != null
                    && m.birthDate().isBefore(head.birthDate())) {
                issues.add(HouseholdIssue.warning(i, FIELD_BIRTH_DATE,
                        Messages.get("member.warning.olderThanHead", m.name(), m.relation().label(), head.name())));
            }
        }
    }
}
