package org.townshipledger.grading;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A village party organisation's grade for a year (三评三定): the three scores, the 满意率, the grade the thresholds
 * propose and the grade set (定格次; an override of the proposal carries a reason), 定奖惩 and 定帮扶措施 as text,
 * and the organisation's stars. One per village and year; saving one year never changes another.
 *
 * @param id            null for a record not yet saved
 * @param villageName   read for display; saving uses {@code villageId}
 * @param satisfaction  满意率 of the 群众测评 in percent (0–100), or null
 * @param proposed      what the thresholds propose from the scores (null while a score is missing); the service
 *                      sets it on saving
 * @param grade         the grade set, or null while not yet decided
 * @param overrideReason why the grade differs from the proposal; required then
 * @param stars         1–5 (5 = 五星党组织), or null when not rated
 */
public record VillageGrade(UUID id, UUID villageId, String villageName, int year, GradeScores scores,
                           BigDecimal satisfaction, Grade proposed, Grade grade, String overrideReason,
                           String rewardPenalty, String helpMeasures, Integer stars, int version) {

    public VillageGrade {
        scores = scores == null ? GradeScores.NONE : scores;
    }

    /** A new record for a village and year with a grade and nothing else. */
    public static VillageGrade of(UUID villageId, int year, Grade grade) {
        return new VillageGrade(null, villageId, null, year, GradeScores.NONE, null, null, grade, null, null, null,
                null, 0);
    }

    /** A new record for a village and year from the three scores (the grade is then the proposal). */
    public static VillageGrade scored(UUID villageId, int year, GradeScores scores, BigDecimal satisfaction) {
        return new VillageGrade(null, villageId, null, year, scores, satisfaction, null, null, null, null, null,
                null, 0);
    }

    public boolean overridden() {
        return proposed != null && grade != null && proposed != grade;
    }

    public VillageGrade withId(UUID newId) {
        return new VillageGrade(newId, villageId, villageName, year, scores, satisfaction, proposed, grade,
                overrideReason, rewardPenalty, helpMeasures, stars, version);
    }

    public VillageGrade withGrade(Grade newGrade, String reason) {
        return new VillageGrade(id, villageId, villageName, year, scores, satisfaction, proposed, newGrade, reason,
                rewardPenalty, helpMeasures, stars, version);
    }

    public VillageGrade withProposed(Grade newProposed) {
        return new VillageGrade(id, villageId, villageName, year, scores, satisfaction, newProposed, grade,
                overrideReason, rewardPenalty, helpMeasures, stars, version);
    }

    public VillageGrade withStars(Integer newStars) {
        return new VillageGrade(id, villageId, villageName, year, scores, satisfaction, proposed, grade,
                overrideReason, rewardPenalty, helpMeasures, newStars, version);
    }

    public VillageGrade withDecisions(String newRewardPenalty, String newHelpMeasures) {
        return new VillageGrade(id, villageId, villageName, year, scores, satisfaction, proposed, grade,
                overrideReason, newRewardPenalty, newHelpMeasures, stars, version);
    }

    public VillageGrade withVersion(int newVersion) {
        return new VillageGrade(id, villageId, villageName, year, scores, satisfaction, proposed, grade,
                overrideReason, rewardPenalty, helpMeasures, stars, newVersion);
    }
}
