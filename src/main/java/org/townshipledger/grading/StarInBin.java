package org.townshipledger.grading;

import java.time.OffsetDateTime;

/** A member's or secretary's star rating in the recycle bin, with when it was removed. */
public record StarInBin(StarRating rating, OffsetDateTime deletedAt) {
}
