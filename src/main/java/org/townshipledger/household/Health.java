package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 健康状况 (health), in the national monitoring system's wording. */
public enum Health {
    HEALTHY, CHRONIC, SERIOUS, DISABLED;

    static final String KEY = "member.health.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<Health> parse(String text) {
        return Codes.parse(Health.class, KEY, text);
    }
}
