package org.townshipledger.grading;

import java.time.OffsetDateTime;

/** A grade in the recycle bin, with when it was removed. */
public record GradeInBin(VillageGrade grade, OffsetDateTime deletedAt) {
}
