package org.townshipledger.grading;

import java.math.BigDecimal;

/**
 * The three evaluations of 三评三定, each a score out of 100 (null while not entered): 党员互评 (members rate each
 * other), 群众测评 (villagers rate), 支部考评 (the branch is assessed).
 */
public record GradeScores(BigDecimal memberScore, BigDecimal publicScore, BigDecimal branchScore) {

    public static final GradeScores NONE = new GradeScores(null, null, null);

    public static GradeScores of(String member, String publicScore, String branch) {
        return new GradeScores(new BigDecimal(member), new BigDecimal(publicScore), new BigDecimal(branch));
    }

    public boolean complete() {
        return memberScore != null && publicScore != null && branchScore != null;
    }
}
