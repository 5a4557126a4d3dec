package org.townshipledger.visit;

import org.townshipledger.db.SettingsStore;

/**
 * The visit rules' thresholds: settings, with the seed's figures as defaults, so an office changes them without a
 * new program.
 *
 * @param helperVisits least visits a year by a household's helper (帮扶责任人) to each household paired with them
 * @param overdueDays  a poor or monitored household not visited for more days than this is overdue
 * @param leaderVisits least visits a year by a county-level leader to each contact village (联系村)
 */
public record VisitRules(int helperVisits, int overdueDays, int leaderVisits) {

    public static final String HELPER_VISITS = "rules.visit.helperVisits";
    public static final String OVERDUE_DAYS = "rules.visit.overdueDays";
    public static final String LEADER_VISITS = "rules.visit.leaderVisits";

    public static VisitRules defaults() {
        return new VisitRules(2, 90, 2);
    }

    public static VisitRules from(SettingsStore settings) {
        VisitRules d = defaults();
        return new VisitRules(read(settings, HELPER_VISITS, d.helperVisits), read(settings, OVERDUE_DAYS, d.overdueDays),
                read(settings, LEADER_VISITS, d.leaderVisits));
    }

    /** Writes every figure to the settings. */
    public void save(SettingsStore settings) {
        settings.put(HELPER_VISITS, Integer.toString(helperVisits));
        settings.put(OVERDUE_DAYS, Integer.toString(overdueDays));
        settings.put(LEADER_VISITS, Integer.toString(leaderVisits));
    }

    private static int read(SettingsStore settings, String key, int fallback) {
        return settings.get(key).map(String::strip).filter(s -> s.matches("\\d{1,4}")).map(Integer::parseInt)
                .orElse(fallback);
    }
}
