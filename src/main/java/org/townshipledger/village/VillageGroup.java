package org.townshipledger.village;

import java.util.UUID;

/** A 村民小组. {@code id} is null until it is first saved; renaming keeps the id, so households stay attached. */
public record VillageGroup(UUID id, String name) {

    public static VillageGroup named(String name) {
        return new VillageGroup(null, name);
    }
}
