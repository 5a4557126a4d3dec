package org.townshipledger.cadre;

import java.time.OffsetDateTime;

/** A posting in the recycle bin and when it was deleted. */
public record AssignmentInBin(Assignment assignment, OffsetDateTime deletedAt) {
}
