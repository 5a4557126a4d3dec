package org.townshipledger.visit;

import java.time.OffsetDateTime;

/** A visit in the recycle bin (removed on its own) and when it was removed. */
public record VisitInBin(Visit visit, OffsetDateTime deletedAt) {
}
