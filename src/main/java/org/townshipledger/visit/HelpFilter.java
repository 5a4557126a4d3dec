package org.townshipledger.visit;

import java.util.UUID;

/** What the list of help items is filtered by; every field may be null. {@code year}: given in that year. */
public record HelpFilter(UUID villageId, Integer year, HelpKind kind, UUID householdId) {
    public static HelpFilter all() {
        return new HelpFilter(null, null, null, null);
    }

    public static HelpFilter ofYear(int year) {
        return new HelpFilter(null, year, null, null);
    }
}
