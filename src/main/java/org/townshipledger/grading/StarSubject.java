package org.townshipledger.grading;

import org.townshipledger.common.Codes;

/**
 * What a star rating is about: a village party organisation (五星党组织, kept as {@link VillageGrade#stars()}), a
 * party member (五星党员) or a secretary (五星书记), both kept as {@link StarRating}s.
 */
public enum StarSubject {
    ORGANISATION, MEMBER, SECRETARY;

    static final String KEY = "grading.star.";

    public String label() {
        return Codes.label(KEY, this);
    }
}
