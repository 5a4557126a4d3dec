package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 脱贫状态 (whether the household is out of poverty), in the national monitoring system's wording. */
public enum PovertyStatus {
    NOT_OUT, OUT;

    static final String KEY = "household.status.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<PovertyStatus> parse(String text) {
        return Codes.parse(PovertyStatus.class, KEY, text);
    }
}
