package org.townshipledger.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Demo ledger sizes from DOMAIN.md: a township (≈ 25 villages, 2,000 poor or monitored households, 40 helping
 * units, about 150 cadres) or a county (650 villages, 100,000 households of which 30,000 poor or monitored, about
 * 400,000 members, 400 units, 5,000 cadres).
 */
public enum DemoScale {
    TOWNSHIP(1, 25, 2_000, 2_000, 40, 150), COUNTY(22, 650, 100_000, 30_000, 400, 5_000);

    final int townships;
    final int villages;
    final int households;
    final int poorOrMonitored;
    final int units;
    /** Cadres in the register: those posted at villages, then the units' other cadres up to this number. */
    final int cadres;

    DemoScale(int townships, int villages, int households, int poorOrMonitored, int units, int cadres) {
        this.townships = townships;
        this.villages = villages;
        this.households = households;
        this.poorOrMonitored = poorOrMonitored;
        this.units = units;
        this.cadres = cadres;
    }

    public static Optional<DemoScale> parse(String s) {
        return Arrays.stream(values()).filter(v -> v.name().equals(s == null ? "" : s.toUpperCase(Locale.ROOT))).findFirst();
    }
}
