package org.townshipledger.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the meeting asks about a year's grading: villages per grade this year and last, the movement between the two
 * years, star shares against the target, and the villages still 较差 or 软弱涣散 with who is in charge.
 *
 * @param thisYear  villages per grade in {@code year} (every grade present, zero when none)
 * @param lastYear  villages per grade in {@code year - 1}
 * @param movement  {@code movement[from.ordinal()][to.ordinal()]}: villages graded both years, last year's grade ×
 *                  this year's
 * @param up        villages whose grade rose (升), counted over those graded both years
 * @param down      villages whose grade fell (降)
 * @param same      villages whose grade stayed (持平)
 * @param ungraded  villages in use without a grade this year
 * @param stars     the five-star shares, organisations first
 * @param target    the share aimed at, in percent (a setting)
 * @param laggards  villages graded 较差 this year or 软弱涣散 this year, in village order
 */
public record GradeTally(int year, Map<Grade, Integer> thisYear, Map<Grade, Integer> lastYear, int[][] movement,
                         int up, int down, int same, int ungraded, List<StarShare> stars, int target,
                         List<Laggard> laggards) {

    public int count(Grade g) {
        return thisYear.getOrDefault(g, 0);
    }

    public int countLastYear(Grade g) {
        return lastYear.getOrDefault(g, 0);
    }

    public int moved(Grade from, Grade to) {
        return movement[from.ordinal()][to.ordinal()];
    }

    public int graded() {
        return thisYear.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Five-star ratings of one kind of subject.
     *
     * @param rated    the subjects counted: for organisations every village in use, for members and secretaries
     *                 those rated this year
     * @param fiveStar those with five stars
     * @param share    fiveStar / rated in percent, to one place (0 when none rated)
     * @param reached  whether the share reaches the target
     */
    public record StarShare(StarSubject subject, int rated, int fiveStar, BigDecimal share, boolean reached) {
    }

    /**
     * @param grade    this year's grade, or null when not graded
     * @param inCharge who to call: the 包村领导 (else 包村干部) with phone, or a note that nobody is in charge
     */
    public record Laggard(UUID villageId, String village, Grade grade, boolean weak, String inCharge) {
    }
}
