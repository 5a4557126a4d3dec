package org.townshipledger.cadre;

import org.townshipledger.db.SettingsStore;

/**
 * The thresholds of the assignment checks; settings with the defaults the issue gives, so an office can change
 * them without a new program.
 */
public record AssignmentRules(int minTeamSize, int minPostingYears, int minReserves, int reserveMaxAge) {

    public static final String MIN_TEAM_SIZE = "rules.assignment.minTeamSize";
    public static final String MIN_POSTING_YEARS = "rules.assignment.minPostingYears";
    public static final String MIN_RESERVES = "rules.assignment.minReserves";
    public static final String RESERVE_MAX_AGE = "rules.assignment.reserveMaxAge";

    public static AssignmentRules defaults() {
        return new AssignmentRules(3, 2, 2, 35);
    }

    public static AssignmentRules from(SettingsStore settings) {
        AssignmentRules d = defaults();
        return new AssignmentRules(read(settings, MIN_TEAM_SIZE, d.minTeamSize()),
                read(settings, MIN_POSTING_YEARS, d.minPostingYears()), read(settings, MIN_RESERVES, d.minReserves()),
                read(settings, RESERVE_MAX_AGE, d.reserveMaxAge()));
    }

    private static int read(SettingsStore settings, String key, int fallback) {
        return settings.get(key).map(String::strip).filter(s -> s.matches("\\d{1,3}")).map(Integer::parseInt)
                .orElse(fallback);
    }
}
