package org.townshipledger.cadre;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A helping unit (帮扶单位): an organ, institution, enterprise or organisation at one of the five levels. */
public record Unit(UUID id, String name, UnitLevel level, UnitType type, String contactPerson, String phone,
                   int version, OffsetDateTime deletedAt) {

    public static Unit named(String name, UnitLevel level, UnitType type) {
        return new Unit(null, name, level, type, null, null, 0, null);
    }

    public Unit withId(UUID newId) {
        return new Unit(newId, name, level, type, contactPerson, phone, version, deletedAt);
    }
}
