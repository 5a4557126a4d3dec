package org.townshipledger.cadre;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A cadre in a role at a village from a date to a date (任职/派驻). Ended, never overwritten.
 *
 * @param endDate   null while the posting goes on
 * @param endReason why it ended (调离, 期满轮换, …), when it did
 */
public record Assignment(UUID id, UUID cadreId, String cadreName, UUID villageId, String villageName, String role,
                         LocalDate startDate, LocalDate endDate, UUID sentByUnitId, String sentByUnitName,
                         String endReason, int version) {

    public static Assignment start(UUID cadreId, UUID villageId, String role, LocalDate from, UUID sentBy) {
        return new Assignment(null, cadreId, null, villageId, null, role, from, null, sentBy, null, null, 0);
    }

    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }

    /** True when the two periods share at least one day (an open end runs forever). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !startDate.isAfter(to);
        boolean endsAfterOtherStarts = endDate == null || !endDate.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    public Assignment ended(LocalDate on, String reason) {
        return new Assignment(id, cadreId, cadreName, villageId, villageName, role, startDate, on, sentByUnitId,
                sentByUnitName, reason, version);
    }

    public Assignment withId(UUID newId) {
        return new Assignment(newId, cadreId, cadreName, villageId, villageName, role, startDate, endDate, sentByUnitId,
                sentByUnitName, endReason, version);
    }
}
