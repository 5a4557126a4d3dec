package org.townshipledger.grading;

import java.util.Map;
import java.util.Optional;
import org.townshipledger.common.Codes;

/**
 * 格次 of a village party organisation, best first: 好, 较好, 一般, 较差. Stored by code; the label comes from the
 * resource bundle. {@link #level()} runs the other way (较差 1 … 好 4), so that "rose" is a larger level.
 */
public enum Grade {
    GOOD, FAIRLY_GOOD, AVERAGE, POOR;

    static final String KEY = "grading.grade.";
    private static final Map<String, Grade> ALIASES = Map.of("好类", GOOD, "较好类", FAIRLY_GOOD, "一般类", AVERAGE,
            "较差类", POOR, "差", POOR);

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, whatever the UI language, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    /** 较差 1, 一般 2, 较好 3, 好 4. */
    public int level() {
        return values().length - ordinal();
    }

    public boolean betterThan(Grade other) {
        return level() > other.level();
    }

    /** Accepts the code, the Chinese or English label, or 好类 / 较好类 / 一般类 / 较差类. */
    public static Optional<Grade> parse(String text) {
        return Codes.parse(Grade.class, KEY, text, ALIASES);
    }
}
