package org.townshipledger.pairing;

import java.util.UUID;

/** A poor or monitored household without a responsible helper (帮扶责任人). */
public record UncoveredHousehold(UUID householdId, UUID villageId, String villageName, String headName,
                                 String headIdNumber, int members) {
}
