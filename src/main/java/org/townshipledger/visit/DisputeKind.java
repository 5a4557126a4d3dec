package org.townshipledger.visit;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 矛盾纠纷的类别 (sub-kind of a dispute). Stored by code; the label comes from the resource bundle. */
public enum DisputeKind {
    MARRIAGE_FAMILY, NEIGHBOURS, LAND_CONTRACT, HOMESTEAD, LAND_TAKING, LABOUR, DAMAGES, OTHER;

    static final String KEY = "problem.dispute.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<DisputeKind> parse(String text) {
        return Codes.parse(DisputeKind.class, KEY, text);
    }
}
