package org.townshipledger.grading;

import java.time.OffsetDateTime;

/** A 述职 review in the recycle bin, with when it was removed. */
public record ReviewInBin(SecretaryReview review, OffsetDateTime deletedAt) {
}
