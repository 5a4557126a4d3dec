package org.townshipledger.household;

import java.util.UUID;

/** One line of the households list: what the table shows, read in one query for a page. */
public record HouseholdRow(UUID id, String villageName, String groupName, String headName, String headIdNumber,
                           int memberCount, HouseholdCategory category, PovertyStatus status, Integer exitYear,
                           MonitoringType monitoringType, String phone) {
}
