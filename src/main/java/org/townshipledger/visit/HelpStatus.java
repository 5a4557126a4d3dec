package org.townshipledger.visit;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 帮扶项目的状态: 计划, 实施中, 完成. Stored by code; the label comes from the resource bundle. */
public enum HelpStatus {
    PLANNED, IN_PROGRESS, DONE;

    static final String KEY = "help.status.";

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, as exchanged files write it. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<HelpStatus> parse(String text) {
        return Codes.parse(HelpStatus.class, KEY, text);
    }
}
