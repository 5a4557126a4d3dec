package org.townshipledger.visit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A household as quick entry offers it: from a search (name, pinyin initials, ID tail) or from the cadre's recent
 * visits.
 *
 * @param idNumber  the head's ID number, masked (430599********1234), or null
 * @param lastVisit the cadre's last visit of it, for a recent household; null for a search result
 */
public record HouseholdPick(UUID householdId, String headName, String villageName, String idNumber,
                            LocalDate lastVisit) {
}
