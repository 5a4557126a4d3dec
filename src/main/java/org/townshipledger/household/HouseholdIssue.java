package org.townshipledger.household;

/**
 * Something wrong with a household, found by {@link HouseholdRules}.
 *
 * @param member  index of the member in {@link Household#members()}, or -1 for the household itself
 * @param field   one of the FIELD_ keys of {@link HouseholdRules}
 * @param message in the user's language, naming the member where it is about one
 * @param warning true for a warning, which does not block saving
 */
public record HouseholdIssue(int member, String field, String message, boolean warning) {

    static HouseholdIssue error(int member, String field, String message) {
        return new HouseholdIssue(member, field, message, false);
    }

    static HouseholdIssue warning(int member, String field, String message) {
        return new HouseholdIssue(member, field, message, true);
    }
}
