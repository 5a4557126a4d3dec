package org.townshipledger.visit;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Problems found and resolved in a year (问题化解): by village, and in total. Found = raised in the year; resolved =
 * of those, the ones now 已化解; the rate is resolved ÷ found in percent with two decimals (35 found, 30 resolved:
 * 85.71), null when nothing was found.
 */
public record ProblemTally(int year, List<Line> villages, Line total) {

    public ProblemTally {
        villages = List.copyOf(villages);
    }

    /**
     * One village's figures (villageId null: the total).
     *
     * @param inVillage  resolved in the village (小事不出村)
     * @param inTownship resolved at the township
     * @param inCounty   resolved at the county
     * @param escalated  still open after being reported to the township or the county
     */
    public record Line(UUID villageId, String villageName, int found, int resolved, int inVillage, int inTownship,
                       int inCounty, int escalated, BigDecimal rate) {
    }
}
