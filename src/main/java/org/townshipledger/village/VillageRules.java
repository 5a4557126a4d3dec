package org.townshipledger.village;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;

/**
 * What makes a village entry valid. Pure: the caller says whether a name is taken, so the form can check
 * on focus-out against the list it shows, and the service against the database.
 * Each problem's {@code field} is one of the FIELD_ keys.
 */
public final class VillageRules {

    public static final String FIELD_NAME = "name";
    public static final String FIELD_CODE = "statsCode";
    public static final String FIELD_EXIT_YEAR = "exitYear";
    public static final String FIELD_HOUSEHOLDS = "householdCount";
    public static final String FIELD_POPULATION = "population";
    public static final String FIELD_GROUPS = "groups";
    public static final String FIELD_NOTE = "note";

    public static final int NAME_MAX = 50;
    public static final int GROUP_NAME_MAX = 50;
    public static final int NOTE_MAX = 1000;
    public static final int MIN_YEAR = 1980;
    public static final int MAX_YEAR = 2100;

    private VillageRules() {
    }

    public static List<Problem> validate(Village v, Predicate<String> nameTakenByAnother) {
        List<Problem> problems = new ArrayList<>();
        nameProblem(v.name(), nameTakenByAnother).ifPresent(problems::add);
        codeProblem(v.statsCode()).ifPresent(problems::add);
        exitYearProblem(v.povertyVillage(), v.exitYear()).ifPresent(problems::add);
        countProblem(FIELD_HOUSEHOLDS, v.householdCount()).ifPresent(problems::add);
        countProblem(FIELD_POPULATION, v.population()).ifPresent(problems::add);
        if (v.householdCount() != null && v.population() != null && v.population() < v.householdCount()) {
            problems.add(Problem.onField(FIELD_POPULATION, Messages.get("village.error.populationBelowHouseholds")));
        }
        groupsProblem(v.groupNames()).ifPresent(problems::add);
        if (v.note() != null && v.note().length() > NOTE_MAX) {
            problems.add(Problem.onField(FIELD_NOTE, Messages.get("validation.tooLong", NOTE_MAX)));
        }
        return problems;
    }

    public static Optional<Problem> nameProblem(String name, Predicate<String> nameTakenByAnother) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return fail(FIELD_NAME, Messages.get("village.error.nameRequired"));
        }
        if (n.length() > NAME_MAX) {
            return fail(FIELD_NAME, Messages.get("validation.tooLong", NAME_MAX));
        }
        if (nameTakenByAnother.test(n)) {
            return fail(FIELD_NAME, Messages.get("village.error.nameTaken", n));
        }
        return Optional.empty();
    }

    public static Optional<Problem> codeProblem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        if (!code.strip().matches("\\d{12}")) {
            return fail(FIELD_CODE, Messages.get("village.error.code", code.strip()));
        }
        return Optional.empty();
    }

    public static Optional<Problem> exitYearProblem(boolean povertyVillage, Integer exitYear) {
        if (exitYear == null) {
            return Optional.empty();
        }
        if (!povertyVillage) {
            return fail(FIELD_EXIT_YEAR, Messages.get("village.error.exitYearNotPoor"));
        }
        if (exitYear < MIN_YEAR || exitYear > MAX_YEAR) {
            return fail(FIELD_EXIT_YEAR, Messages.get("validation.yearRange", MIN_YEAR, MAX_YEAR));
        }
        return Optional.empty();
    }

    public static Optional<Problem> countProblem(String field, Integer count) {
        if (count != null && count < 0) {
            return fail(field, Messages.get("validation.notNegative"));
        }
        return Optional.empty();
    }

    public static Optional<Problem> groupsProblem(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String g : names) {
            String n = g == null ? "" : g.strip();
            if (n.isEmpty()) {
                return fail(FIELD_GROUPS, Messages.get("village.error.groupBlank"));
            }
            if (n.length() > GROUP_NAME_MAX) {
                return fail(FIELD_GROUPS, Messages.get("validation.tooLong", GROUP_NAME_MAX));
            }
            if (!seen.add(n)) {
                return fail(FIELD_GROUPS, Messages.get("village.error.groupDuplicate", n));
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> fail(String field, String message) {
        return Optional.of(Problem.onField(field, message));
    }
}
