package org.townshipledger.visit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A problem raised (诉求 / 矛盾纠纷), on a visit or directly.
 *
 * @param subKind       the kind of dispute, for {@link ProblemKind#DISPUTE} only
 * @param raisedBy      who raised it, as told (may be empty when a household is named)
 * @param householdId   the household that raised it, when it is in the ledger
 * @param householdName its head, read for display
 * @param villageName   read for display
 * @param resolvedOn    the day it was resolved (已化解), or null
 * @param resolution    how it was resolved
 * @param level         where it was settled (村/乡/县), once resolved
 * @param visitId       the visit it was raised on, or null
 */
public record Problem(UUID id, ProblemKind kind, DisputeKind subKind, String raisedBy, UUID householdId,
                      String householdName, UUID villageId, String villageName, LocalDate raisedOn,
                      String description, ProblemStatus status, LocalDate resolvedOn, String resolution,
                      SettledLevel level, UUID visitId, int version) {

    /** A problem just found (排查) in a village. */
    public static Problem found(ProblemKind kind, DisputeKind subKind, String raisedBy, UUID villageId,
                                LocalDate raisedOn, String description) {
        return new Problem(null, kind, subKind, raisedBy, null, null, villageId, null, raisedOn, description,
                ProblemStatus.FOUND, null, null, null, null, 0);
    }

    public boolean resolved() {
        return status == ProblemStatus.RESOLVED;
    }

    public Problem withId(UUID newId) {
        return new Problem(newId, kind, subKind, raisedBy, householdId, householdName, villageId, villageName,
                raisedOn, description, status, resolvedOn, resolution, level, visitId, version);
    }

    public Problem withHousehold(UUID newHouseholdId) {
        return new Problem(id, kind, subKind, raisedBy, newHouseholdId, householdName, villageId, villageName,
                raisedOn, description, status, resolvedOn, resolution, level, visitId, version);
    }

    public Problem withVisit(UUID newVisitId) {
        return new Problem(id, kind, subKind, raisedBy, householdId, householdName, villageId, villageName, raisedOn,
                description, status, resolvedOn, resolution, level, newVisitId, version);
    }

    public Problem withVillage(UUID newVillageId) {
        return new Problem(id, kind, subKind, raisedBy, householdId, householdName, newVillageId, villageName,
                raisedOn, description, status, resolvedOn, resolution, level, visitId, version);
    }

    /** The problem moved on: mediating, escalated, or resolved on a day, how and at which level. */
    public Problem withStatus(ProblemStatus newStatus, LocalDate on, String how, SettledLevel at) {
        return new Problem(id, kind, subKind, raisedBy, householdId, householdName, villageId, villageName, raisedOn,
                description, newStatus, on, how, at, visitId, version);
    }
}
