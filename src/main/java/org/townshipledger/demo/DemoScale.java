package org.townshipledger.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Demo ledger sizes from DOMAIN.md: a township (≈ 25 villages) or a county (650 villages). */
public enum DemoScale {
    TOWNSHIP(1, 25), COUNTY(22, 650);

    final int townships;
    final int villages;

    DemoScale(int townships, int villages) {
        this.townships = townships;
        this.villages = villages;
    }

    public static Optional<DemoScale> parse(String s) {
        return Arrays.stream(values()).filter(v -> v.name().equals(s == null ? "" : s.toUpperCase(Locale.ROOT))).findFirst();
    }
}
