package org.townshipledger.visit;

import java.time.OffsetDateTime;

/** A problem raised in the recycle bin (removed on its own) and when it was removed. */
public record ProblemInBin(Problem problem, OffsetDateTime deletedAt) {
}
