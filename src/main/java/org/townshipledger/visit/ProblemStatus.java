package org.townshipledger.visit;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 诉求的状态: 排查 → 调处中 → 已化解, or 上报乡镇 / 上报县. Stored by code; the label comes from the resource bundle. */
public enum ProblemStatus {
    FOUND, MEDIATING, RESOLVED, TO_TOWNSHIP, TO_COUNTY;

    static final String KEY = "problem.status.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<ProblemStatus> parse(String text) {
        return Codes.parse(ProblemStatus.class, KEY, text);
    }
}
