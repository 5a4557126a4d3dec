package org.townshipledger.grading;

import java.util.UUID;

/**
 * A member's (五星党员) or a secretary's (五星书记) stars for a year. An organisation's stars are
 * {@link VillageGrade#stars()}.
 *
 * @param subject    {@link StarSubject#MEMBER} or {@link StarSubject#SECRETARY}
 * @param cadreId    the secretary, when a cadre in the ledger; null for a member
 * @param personName the member's or secretary's name
 */
public record StarRating(UUID id, int year, StarSubject subject, UUID villageId, String villageName, UUID cadreId,
                         String personName, int stars, int version) {

    public StarRating withId(UUID newId) {
        return new StarRating(newId, year, subject, villageId, villageName, cadreId, personName, stars, version);
    }
}
