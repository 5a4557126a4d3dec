package org.townshipledger.visit;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 帮扶措施的类别 (kind of help given). Stored by code; the label comes from the resource bundle. */
public enum HelpKind {
    INDUSTRY, EMPLOYMENT, PUBLIC_JOB, EDUCATION, HEALTH, HOUSING, WATER, SAFETY_NET, CREDIT, CONSUMPTION, INFRASTRUCTURE, OTHER;

    static final String KEY = "help.kind.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<HelpKind> parse(String text) {
        return Codes.parse(HelpKind.class, KEY, text);
    }
}
