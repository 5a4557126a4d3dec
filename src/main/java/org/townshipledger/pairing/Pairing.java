package org.townshipledger.pairing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A helper (a cadre or a unit, exactly one) paired with a target from a date to a date (结对帮扶). Ended, never
 * overwritten: a new helper for the same household is a new pairing.
 *
 * @param helperName   the cadre's or unit's name, read for display
 * @param helperUnit   the cadre's unit (for a unit helper, the unit itself), read for display
 * @param helperPhone  the cadre's phone, or the unit's contact phone, read for display
 * @param householdId  the household helped, or the student's household; null for a village or the township
 * @param memberId     the student (a household member in school); null unless the target is a student
 * @param villageId    the village of the target: the village helped, or the household's (null for the township)
 * @param targetName   the head of the household, the student, the village or the township, read for display
 * @param villageName  the village of the target (the household's for households and students), read for display
 * @param endDate      null while the pairing goes on
 */
public record Pairing(UUID id, UUID cadreId, UUID unitId, String helperName, String helperUnit, String helperPhone,
                      TargetKind target, UUID householdId, UUID memberId, UUID villageId, String targetName,
                      String villageName, PairingKind kind, LocalDate startDate, LocalDate endDate, String promise,
                      String endReason, int version) {

    /** A new pairing of a cadre with a household, from {@code from}. */
    public static Pairing ofHousehold(UUID cadreId, UUID householdId, PairingKind kind, LocalDate from) {
        return new Pairing(null, cadreId, null, null, null, null, TargetKind.HOUSEHOLD, householdId, null, null, null,
                null, kind, from, null, null, null, 0);
    }

    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }

    /** True when the two periods share at least one day (an open end runs forever). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || !startDate.isAfter(to)) && (endDate == null || !endDate.isBefore(from));
    }

    /** Whether the other pairing is with the same household, student, village or township. */
    public boolean sameTarget(Pairing o) {
        return o.target == target && switch (target) {
            case HOUSEHOLD -> java.util.Objects.equals(householdId, o.householdId);
            case STUDENT -> java.util.Objects.equals(memberId, o.memberId);
            case VILLAGE -> java.util.Objects.equals(villageId, o.villageId);
            case TOWNSHIP -> true;
        };
    }

    public boolean byUnit() {
        return unitId != null;
    }

    public Pairing withId(UUID newId) {
        return new Pairing(newId, cadreId, unitId, helperName, helperUnit, helperPhone, target, householdId, memberId,
                villageId, targetName, villageName, kind, startDate, endDate, promise, endReason, version);
    }

    public Pairing withHelper(UUID newCadreId, UUID newUnitId) {
        return new Pairing(id, newCadreId, newUnitId, null, null, null, target, householdId, memberId, villageId,
                targetName, villageName, kind, startDate, endDate, promise, endReason, version);
    }

    public Pairing ended(LocalDate on, String reason) {
        return new Pairing(id, cadreId, unitId, helperName, helperUnit, helperPhone, target, householdId, memberId,
                villageId, targetName, villageName, kind, startDate, on, promise, reason, version);
    }
}
