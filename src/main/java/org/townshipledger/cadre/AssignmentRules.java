package org.townshipledger.cadre;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The thresholds set in the ledger (read in one query), each else its default. */
    public static AssignmentRules from(SettingsStore settings) {
        AssignmentRules d = defaults();
        Map<String, String> set = settings.getAll(List.of(MIN_TEAM_SIZE, MIN_POSTING_YEARS, MIN_RESERVES,
                RESERVE_MAX_AGE));
        return new AssignmentRules(read(set, MIN_TEAM_SIZE, d.minTeamSize()),
                read(set, MIN_POSTING_YEARS, d.minPostingYears()), read(set, MIN_RESERVES, d.minReserves()),
                read(set, RESERVE_MAX_AGE, d.reserveMaxAge()));
    }

    private static int read(Map<String, String> set, String key, int fallback) {
        return Optional.ofNullable(set.get(key)).map(String::strip).filter(s -> s.matches("\\d{1,3}"))
                .map(Integer::parseInt).orElse(fallback);
    }
}
