package org.townshipledger.grading;

import org.townshipledger.common.Codes;
import org.townshipledger.common.Messages;

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

    /** 党组织 / 党员 / 书记: the kind of subject, without "五星" (a rating may be of any number of stars). */
    public String shortLabel() {
        return switch (this) {
            case ORGANISATION -> Messages.get("starScreen.subject.organisation");
            case MEMBER -> Messages.get("starScreen.subject.member");
            case SECRETARY -> Messages.get("starScreen.subject.secretary");
        };
    }
}
