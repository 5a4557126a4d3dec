package org.townshipledger.household;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 风险类别 (risk of a monitored household), in the national monitoring system's wording. */
public enum RiskType {
    ILLNESS, DISABILITY, EDUCATION, DISASTER, ACCIDENT, INDUSTRY_FAILURE, UNSTABLE_WORK, LACK_LABOUR, OTHER;

    static final String KEY = "household.risk.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<RiskType> parse(String text) {
        return Codes.parse(RiskType.class, KEY, text);
    }
}
