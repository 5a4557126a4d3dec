package org.townshipledger.visit;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 诉求的类别 (kind of problem raised): 矛盾纠纷 (with a {@link DisputeKind}), 生产生活困难, 政策咨询, 基础设施, 信访. Stored by code; the label comes from the resource bundle. */
public enum ProblemKind {
    DISPUTE, HARDSHIP, POLICY, INFRASTRUCTURE, PETITION;

    static final String KEY = "problem.kind.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<ProblemKind> parse(String text) {
        return Codes.parse(ProblemKind.class, KEY, text);
    }
}
