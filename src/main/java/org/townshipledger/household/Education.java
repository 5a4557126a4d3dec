package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 文化程度 (education), in the national monitoring system's wording. */
public enum Education {
    PRESCHOOL, ILLITERATE, PRIMARY, JUNIOR, SENIOR, COLLEGE;

    static final String KEY = "member.education.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<Education> parse(String text) {
        return Codes.parse(Education.class, KEY, text);
    }
}
