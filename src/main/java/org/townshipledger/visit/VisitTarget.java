package org.townshipledger.visit;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** Whom a visit (or a help item) is for: a household, a village or a unit (a help item: a household or a village). Stored by code; the label comes from the resource bundle. */
public enum VisitTarget {
    HOUSEHOLD, VILLAGE, UNIT;

    static final String KEY = "visit.target.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<VisitTarget> parse(String text) {
        return Codes.parse(VisitTarget.class, KEY, text);
    }
}
