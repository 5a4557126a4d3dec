package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 劳动技能 (labour ability), in the national monitoring system's wording. */
public enum LabourSkill {
    ORDINARY, SKILLED, WEAK, LOST, NONE;

    static final String KEY = "member.labour.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<LabourSkill> parse(String text) {
        return Codes.parse(LabourSkill.class, KEY, text);
    }
}
