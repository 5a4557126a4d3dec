package org.townshipledger.visit;

import java.util.UUID;

/** What the list of problems is filtered by; every field may be null. {@code year}: raised in that year. */
public record ProblemFilter(UUID villageId, Integer year, ProblemStatus status, UUID visitId) {
    public static ProblemFilter all() {
        return new ProblemFilter(null, null, null, null);
    }

    public static ProblemFilter ofYear(int year) {
        return new ProblemFilter(null, year, null, null);
    }
}
