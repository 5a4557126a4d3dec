package org.townshipledger.cadre;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.UUID;
import org.townshipledger.common.Sex;

/**
 * A cadre (干部). Age is derived from the birth date, never stored.
 *
 * @param unitName read with the cadre for display; saving uses {@code unitId}
 */
public record Cadre(UUID id, String name, Sex sex, LocalDate birthDate, String idNumber, String phone, UUID unitId,
                    String unitName, Rank rank, boolean partyMember, String note, int version,
                    OffsetDateTime deletedAt) {

    /** Age in whole years on {@code day}, or -1 when the birth date is unknown. */
    public int ageOn(LocalDate day) {
        return birthDate == null ? -1 : Period.between(birthDate, day).getYears();
    }

    public Cadre withId(UUID newId) {
        return new Cadre(newId, name, sex, birthDate, idNumber, phone, unitId, unitName, rank, partyMember, note,
                version, deletedAt);
    }
}
