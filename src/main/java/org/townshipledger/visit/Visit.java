package org.townshipledger.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A visit (走访记录): one or more cadres, a target (a household, a village or a unit), a date, a kind, what was
 * seen and what was done, and on a household visit the 两不愁三保障 + 饮水 check.
 *
 * @param householdId the household visited, for a household visit
 * @param villageId   the village visited, or the household's village (set by the service); null for a unit
 * @param unitId      the unit visited, for a unit visit
 * @param targetName  the head of the household, the village or the unit, read for display
 * @param villageName the village, read for display
 * @param kind        a {@link VisitKind} code
 * @param cadreIds    the cadres who went, the main one first
 * @param cadreNames  their names in the same order, read for display
 * @param check       the check made on a household visit, or null
 */
public record Visit(UUID id, VisitTarget target, UUID householdId, UUID villageId, UUID unitId, String targetName,
                    String villageName, LocalDate date, String kind, List<UUID> cadreIds, List<String> cadreNames,
                    String seen, String done, VisitCheck check, int version) {

    public Visit {
        cadreIds = cadreIds == null ? List.of() : List.copyOf(cadreIds);
        cadreNames = cadreNames == null ? List.of() : List.copyOf(cadreNames);
    }

    /** A new visit of a household by these cadres. */
    public static Visit ofHousehold(UUID householdId, LocalDate date, String kind, List<UUID> cadreIds) {
        return new Visit(null, VisitTarget.HOUSEHOLD, householdId, null, null, null, null, date, kind, cadreIds,
                null, null, null, null, 0);
    }

    /** A new visit of a village (a 座谈 or 调研 there) by these cadres. */
    public static Visit ofVillage(UUID villageId, LocalDate date, String kind, List<UUID> cadreIds) {
        return new Visit(null, VisitTarget.VILLAGE, null, villageId, null, null, null, date, kind, cadreIds, null,
                null, null, null, 0);
    }

    /** A new visit of a unit by these cadres. */
    public static Visit ofUnit(UUID unitId, LocalDate date, String kind, List<UUID> cadreIds) {
        return new Visit(null, VisitTarget.UNIT, null, null, unitId, null, null, date, kind, cadreIds, null, null,
                null, null, 0);
    }

    public UUID mainCadreId() {
        return cadreIds.isEmpty() ? null : cadreIds.get(0);
    }

    public Visit withId(UUID newId) {
        return new Visit(newId, target, householdId, villageId, unitId, targetName, villageName, date, kind, cadreIds,
                cadreNames, seen, done, check, version);
    }

    public Visit withNotes(String newSeen, String newDone) {
        return new Visit(id, target, householdId, villageId, unitId, targetName, villageName, date, kind, cadreIds,
                cadreNames, newSeen, newDone, check, version);
    }

    public Visit withCheck(VisitCheck newCheck) {
        return new Visit(id, target, householdId, villageId, unitId, targetName, villageName, date, kind, cadreIds,
                cadreNames, seen, done, newCheck, version);
    }

    public Visit withDate(LocalDate newDate) {
        return new Visit(id, target, householdId, villageId, unitId, targetName, villageName, newDate, kind, cadreIds,
                cadreNames, seen, done, check, version);
    }

    public Visit withKind(String newKind) {
        return new Visit(id, target, householdId, villageId, unitId, targetName, villageName, date, newKind,
                cadreIds, cadreNames, seen, done, check, version);
    }

    public Visit withCadres(List<UUID> newCadreIds) {
        return new Visit(id, target, householdId, villageId, unitId, targetName, villageName, date, kind,
                newCadreIds, null, seen, done, check, version);
    }

    /** The same visit with its village filled in (the household's, for a household visit). */
    Visit withVillage(UUID newVillageId) {
        return new Visit(id, target, householdId, newVillageId, unitId, targetName, villageName, date, kind, cadreIds,
                cadreNames, seen, done, check, version);
    }
}
