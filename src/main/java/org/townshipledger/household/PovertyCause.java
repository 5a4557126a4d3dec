package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 主要致贫原因 (main cause of poverty), in the national monitoring system's wording. */
public enum PovertyCause {
    ILLNESS, DISABILITY, EDUCATION, DISASTER, LACK_LAND, LACK_WATER, LACK_SKILL, LACK_LABOUR, LACK_FUNDS, POOR_TRANSPORT, LACK_MOTIVATION;

    static final String KEY = "household.cause.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<PovertyCause> parse(String text) {
        return Codes.parse(PovertyCause.class, KEY, text);
    }
}
