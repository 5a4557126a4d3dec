package org.townshipledger.pairing;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 结对对象的类型 (kind of target a helper is paired with): a household, a village, a student (a household member in school), or the township itself (a county leader's contact township). Stored by code; the label comes from the resource bundle. */
public enum TargetKind {
    HOUSEHOLD, VILLAGE, STUDENT, TOWNSHIP;

    static final String KEY = "pairing.target.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<TargetKind> parse(String text) {
        return Codes.parse(TargetKind.class, KEY, text);
    }
}
