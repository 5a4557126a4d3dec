package org.townshipledger.pairing;

import java.util.UUID;

/** A household member in school (在校生), who can be paired as a student. */
public record Student(UUID memberId, UUID householdId, UUID villageId, String name, String idNumber) {
}
