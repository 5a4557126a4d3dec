package org.townshipledger.grading;

import java.util.Optional;
import org.townshipledger.common.Codes;

/**
 * Whose 述职 a review is: a village branch secretary's (parts 日常记实, 现场观摩, 年度综合, 述职评议) or a resident
 * first secretary's (methods 电视述职, 明查暗访, 百姓测评, 相互比拼). Stored by code.
 */
public enum ReviewKind {
    BRANCH_SECRETARY, FIRST_SECRETARY;

    static final String KEY = "grading.reviewKind.";

    public String label() {
        return Codes.label(KEY, this);
    }

    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    /** The labels of the four parts, in the order part1..part4. */
    public java.util.List<String> partLabels() {
        return java.util.stream.IntStream.rangeClosed(1, 4)
                .mapToObj(i -> org.townshipledger.common.Messages.get("grading.part." + name() + "." + i)).toList();
    }

    /** The Chinese labels of the four parts, as exchanged files and sheets head them. */
    public java.util.List<String> partFileLabels() {
        java.util.ResourceBundle zh = org.townshipledger.common.Messages.load(java.util.Locale.SIMPLIFIED_CHINESE);
        return java.util.stream.IntStream.rangeClosed(1, 4).mapToObj(i -> zh.getString("grading.part." + name() + "."
                + i)).toList();
    }

    public static Optional<ReviewKind> parse(String text) {
        return Codes.parse(ReviewKind.class, KEY, text);
    }
}
