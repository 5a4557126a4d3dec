package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 务工状况 (work away from home), in the national monitoring system's wording. */
public enum WorkStatus {
    NOT_WORKING, IN_TOWNSHIP, IN_COUNTY, IN_PROVINCE, OUT_OF_PROVINCE;

    static final String KEY = "member.work.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<WorkStatus> parse(String text) {
        return Codes.parse(WorkStatus.class, KEY, text);
    }
}
