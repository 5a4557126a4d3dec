package org.townshipledger.pairing;

import java.util.EnumMap;
import java.util.Map;
import org.townshipledger.cadre.Rank;
import org.townshipledger.db.SettingsStore;

/**
 * Quotas per helper category and household limits per rank: settings, with the seed's figures (准格尔旗) as
 * defaults, so an office changes them without a new program.
 *
 * @param quotas        what each category must help at least
 * @param maxHouseholds how many households one cadre of a rank may help at most
 */
public record PairingRules(Map<HelperCategory, Quota> quotas, Map<Rank, Integer> maxHouseholds) {

    /** The setting key of a quota figure, e.g. {@code rules.pairing.quota.COUNTY_LEADER.households}. */
    public static String quotaKey(HelperCategory category, String part) {
        return "rules.pairing.quota." + category.name() + "." + part;
    }

    /** The setting key of a rank's household limit, e.g. {@code rules.pairing.maxHouseholds.COUNTY_LEVEL}. */
    public static String limitKey(Rank rank) {
        return "rules.pairing.maxHouseholds." + rank.name();
    }

    /**
     * The least a helper owes: townships in contact, villages, households, students, and reserve cadres sent to
     * stay in a village (后备干部 postings the unit sent).
     */
    public record Quota(int townships, int villages, int households, int students, int reserves) {
        public static final Quota NONE = new Quota(0, 0, 0, 0, 0);
        static final String[] PARTS = {"townships", "villages", "households", "students", "reserves"};

        int[] figures() {
            return new int[] {townships, villages, households, students, reserves};
        }

        static Quota of(int[] f) {
            return new Quota(f[0], f[1], f[2], f[3], f[4]);
        }

        public boolean isNone() {
            return equals(NONE);
        }
    }

    public static PairingRules defaults() {
        Map<HelperCategory, Quota> q = new EnumMap<>(HelperCategory.class);
        q.put(HelperCategory.COUNTY_LEADER, new Quota(1, 1, 2, 0, 0));
        q.put(HelperCategory.COUNTY_ORGAN, new Quota(0, 1, 3, 0, 1));
        q.put(HelperCategory.SECTION_CADRE, new Quota(0, 0, 1, 1, 0));
        q.put(HelperCategory.PRIVATE_ENTERPRISE, new Quota(0, 1, 0, 0, 0));
        q.put(HelperCategory.OTHER, Quota.NONE);
        Map<Rank, Integer> max = new EnumMap<>(Rank.class);
        max.put(Rank.COUNTY_LEVEL, 2);
        max.put(Rank.SECTION_LEVEL, 5);
        max.put(Rank.GENERAL, 5);
        max.put(Rank.VILLAGE_CADRE, 8);
        return new PairingRules(q, max);
    }

    public static PairingRules from(SettingsStore settings) {
        PairingRules d = defaults();
        Map<HelperCategory, Quota> q = new EnumMap<>(HelperCategory.class);
        for (HelperCategory c : HelperCategory.values()) {
            int[] f = d.quota(c).figures();
            for (int i = 0; i < f.length; i++) {
                f[i] = read(settings, quotaKey(c, Quota.PARTS[i]), f[i]);
            }
            q.put(c, Quota.of(f));
        }
        Map<Rank, Integer> max = new EnumMap<>(Rank.class);
        for (Rank r : Rank.values()) {
            max.put(r, read(settings, limitKey(r), d.maxHouseholds().get(r)));
        }
        return new PairingRules(q, max);
    }

    /** Writes every figure to the settings (the settings screen saves this way). */
    public void save(SettingsStore settings) {
        for (HelperCategory c : HelperCategory.values()) {
            int[] f = quota(c).figures();
            for (int i = 0; i < f.length; i++) {
                settings.put(quotaKey(c, Quota.PARTS[i]), Integer.toString(f[i]));
            }
        }
        maxHouseholds.forEach((rank, n) -> settings.put(limitKey(rank), Integer.toString(n)));
    }

    public Quota quota(HelperCategory c) {
        return quotas.getOrDefault(c, Quota.NONE);
    }

    /** The household limit of a cadre of this rank; a cadre without a rank counts as 一般干部. */
    public int maxHouseholds(Rank rank) {
        return maxHouseholds.getOrDefault(rank == null ? Rank.GENERAL : rank, Integer.MAX_VALUE);
    }

    private static int read(SettingsStore settings, String key, int fallback) {
        return settings.get(key).map(String::strip).filter(s -> s.matches("\\d{1,4}")).map(Integer::parseInt)
                .orElse(fallback);
    }
}
