package org.townshipledger.grading;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 述职考核结果, best first: 优秀, 称职, 基本称职, 不称职. Stored by code; the label comes from the bundle. */
public enum ReviewResult {
    EXCELLENT, COMPETENT, BASICALLY_COMPETENT, INCOMPETENT;

    static final String KEY = "grading.result.";

    public String label() {
        return Codes.label(KEY, this);
    }

    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<ReviewResult> parse(String text) {
        return Codes.parse(ReviewResult.class, KEY, text);
    }
}
