package org.townshipledger.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.townshipledger.cadre.Rank;
import org.townshipledger.common.Messages;
import org.townshipledger.pairing.PairingRules.Quota;

/**
 * A helper's load on a day: what its category requires, what it does, and its household limit.
 *
 * @param cadreId       the cadre, or null for a unit
 * @param unitId        the unit (for a cadre, the cadre's unit)
 * @param phone         the cadre's phone, or the unit's contact person and phone
 * @param maxHouseholds the cadre's household limit ({@code Integer.MAX_VALUE} for units)
 * @param done          townships, villages, households, students helped, and reserve cadres sent (units)
 */
public record HelperLoad(UUID cadreId, UUID unitId, String name, String unitName, String phone,
                         HelperCategory category, Rank rank, Quota required, int maxHouseholds, Quota done) {

    /** What is still missing, as "帮扶户 1/2" parts; empty when the quota is met. */
    public List<String> shortfalls() {
        List<String> out = new ArrayList<>();
        add(out, "pairing.quota.townships", done.townships(), required.townships());
        add(out, "pairing.quota.villages", done.villages(), required.villages());
        add(out, "pairing.quota.households", done.households(), required.households());
        add(out, "pairing.quota.students", done.students(), required.students());
        add(out, "pairing.quota.reserves", done.reserves(), required.reserves());
        return out;
    }

    private static void add(List<String> out, String key, int done, int required) {
        if (done < required) {
            out.add(Messages.get(key, done, required));
        }
    }

    public boolean over() {
        return done.households() > maxHouseholds;
    }

    /** Households the cadre may still take (0 when at or over the limit). */
    public int room() {
        return maxHouseholds == Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(0, maxHouseholds - done.households());
    }
}
