package org.townshipledger.household;

import java.time.OffsetDateTime;

/** A household in the recycle bin: its list line and when it was deleted. */
public record HouseholdInBin(HouseholdRow row, OffsetDateTime deletedAt) {
}
