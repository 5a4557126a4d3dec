package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 贫困户属性 (category of a poor household), in the national monitoring system's wording. */
public enum HouseholdCategory {
    GENERAL, LOW_INCOME, SPECIAL_SUPPORT;

    static final String KEY = "household.category.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<HouseholdCategory> parse(String text) {
        return Codes.parse(HouseholdCategory.class, KEY, text);
    }
}
