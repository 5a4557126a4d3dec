package org.townshipledger.pairing;

import java.time.LocalDate;
import java.util.UUID;

/** What a list of pairings is filtered by; every field may be null. {@code on} keeps those running that day. */
public record PairingFilter(UUID villageId, UUID cadreId, UUID unitId, UUID householdId, LocalDate on) {
    public static PairingFilter all() {
        return new PairingFilter(null, null, null, null, null);
    }
}
