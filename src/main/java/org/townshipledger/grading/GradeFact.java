package org.townshipledger.grading;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the tallies and checks read of a live grade of a village in use: no names, no texts (the village's name comes
 * from the village list), so that a county's years of grades are read in one lean query.
 */
public record GradeFact(UUID villageId, int year, Grade grade, Integer stars, GradeScores scores,
                        BigDecimal satisfaction) {
}
