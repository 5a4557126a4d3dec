package org.townshipledger.visit;

/**
 * The 两不愁三保障 + 饮水安全 check made on a household visit: each item assured or not, with a note. Saved with the
 * visit, it becomes the household's latest verified status for the visit's year.
 */
public record VisitCheck(boolean foodAndClothing, boolean compulsoryEducation, boolean basicMedical,
                         boolean housingSafety, boolean drinkingWater, String note) {

    public static VisitCheck allAssured() {
        return new VisitCheck(true, true, true, true, true, null);
    }

    public boolean allItemsAssured() {
        return foodAndClothing && compulsoryEducation && basicMedical && housingSafety && drinkingWater;
    }
}
