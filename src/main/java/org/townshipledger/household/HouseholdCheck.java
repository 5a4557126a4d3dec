package org.townshipledger.household;

import java.time.LocalDate;

/**
 * The 两不愁三保障 check plus 饮水安全 for one year, as last verified.
 *
 * @param verifiedOn the date it was verified (on a visit), or null
 */
public record HouseholdCheck(int year, boolean foodAndClothing, boolean compulsoryEducation, boolean basicMedical,
                             boolean housingSafety, boolean drinkingWater, String note, LocalDate verifiedOn) {

    /** True when all five are assured. */
    public boolean allAssured() {
        return foodAndClothing && compulsoryEducation && basicMedical && housingSafety && drinkingWater;
    }
}
