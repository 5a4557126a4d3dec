package org.townshipledger.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Demo ledger sizes from DOMAIN.md: a township (≈ 25 villages, 2,000 poor or monitored households) or a county
 * (650 villages, 100,000 households of which 30,000 poor or monitored, about 400,000 members).
 */
public enum DemoScale {
    TOWNSHIP(1, 25, 2_000, 2_000), COUNTY(22, 650, 100_000, 30_000);

    final int townships;
    final int villages;
    final int households;
    final int poorOrMonitored;

    DemoScale(int townships, int villages, int households, int poorOrMonitored) {
        this.townships = townships;
        this.villages = villages;
        this.households = households;
        this.poorOrMonitored = poorOrMonitored;
    }

    public static Optional<DemoScale> parse(String s) {
        return Arrays.stream(values()).filter(v -> v.name().equals(s == null ? "" : s.toUpperCase(Locale.ROOT))).findFirst();
    }
}
