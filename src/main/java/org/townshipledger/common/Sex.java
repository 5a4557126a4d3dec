package org.townshipledger.common;

import java.util.Locale;
import java.util.Optional;

/** 性别, as the ID number records it (17th digit odd: male, even: female). Label from the resource bundle. */
public enum Sex {
    MALE, FEMALE;

    public String label() {
        return Messages.get("sex." + name());
    }

    /**
     * Accepts what clerks type in a sheet: 男/女 (also 男性/女性), M/F, male/female in any case, and the
     * GB/T 2261.1 codes 1 (male) and 2 (female). Surrounding spaces, full-width ones too, are ignored.
     */
    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replace('\u3000', ' ').replace('\u00A0', ' ').strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "男", "男性", "m", "male", "1", "１" -> Optional.of(MALE);
            case "女", "女性", "f", "female", "2", "２" -> Optional.of(FEMALE);
            default -> Optional.empty();
        };
    }
}
