package org.townshipledger.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A poor or monitored household (贫困户 / 监测户) with its members.
 *
 * @param householdNo 户编号 from the national system, or null
 * @param villageName and groupName are read with the household for display; saving uses the ids
 * @param version     optimistic-locking version read with the record
 */
public record Household(UUID id, String householdNo, UUID villageId, String villageName, UUID groupId, String groupName,
                        String phone, HouseholdCategory category, PovertyCause mainCause, PovertyStatus status,
                        Integer exitYear, MonitoringType monitoringType, RiskType riskType, boolean riskEliminated,
                        LocalDate riskEliminatedOn, String note, List<Member> members, int version,
                        OffsetDateTime updatedAt, OffsetDateTime deletedAt) {

    public Household {
        members = List.copyOf(members == null ? List.of() : members);
    }

    public boolean isNew() {
        return id == null;
    }

    /** The head of household, when exactly one member is marked 户主. */
    public Optional<Member> head() {
        List<Member> heads = members.stream().filter(Member::isHead).toList();
        return heads.size() == 1 ? Optional.of(heads.get(0)) : Optional.empty();
    }

    public boolean isMonitored() {
        return monitoringType != null;
    }

    public Household withId(UUID newId) {
        return new Household(newId, householdNo, villageId, villageName, groupId, groupName, phone, category, mainCause,
                status, exitYear, monitoringType, riskType, riskEliminated, riskEliminatedOn, note, members, version,
                updatedAt, deletedAt);
    }

    public Household withMembers(List<Member> newMembers) {
        return new Household(id, householdNo, villageId, villageName, groupId, groupName, phone, category, mainCause,
                status, exitYear, monitoringType, riskType, riskEliminated, riskEliminatedOn, note, newMembers, version,
                updatedAt, deletedAt);
    }
}
