package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 在校生情况 (current schooling), in the national monitoring system's wording. */
public enum InSchool {
    NONE, PRESCHOOL, PRIMARY, JUNIOR, SENIOR, SECONDARY_VOCATIONAL, HIGHER_VOCATIONAL, UNDERGRADUATE;

    static final String KEY = "member.inSchool.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<InSchool> parse(String text) {
        return Codes.parse(InSchool.class, KEY, text);
    }
}
