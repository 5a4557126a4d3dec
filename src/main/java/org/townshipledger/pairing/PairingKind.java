package org.townshipledger.pairing;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 结对方式: 一对一 (one helper, one household) or 一对多 (one helper, several households). Stored by code; the label comes from the resource bundle. */
public enum PairingKind {
    ONE_TO_ONE, ONE_TO_MANY;

    static final String KEY = "pairing.kind.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<PairingKind> parse(String text) {
        return Codes.parse(PairingKind.class, KEY, text);
    }
}
