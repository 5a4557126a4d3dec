package org.townshipledger.visit;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** Where a problem was settled: 村, 乡, 县 (小事不出村, 大事不出乡). Stored by code; the label comes from the resource bundle. */
public enum SettledLevel {
    VILLAGE, TOWNSHIP, COUNTY;

    static final String KEY = "problem.level.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<SettledLevel> parse(String text) {
        return Codes.parse(SettledLevel.class, KEY, text);
    }
}
