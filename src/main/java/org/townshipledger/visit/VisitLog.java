package org.townshipledger.visit;

import java.util.List;
import java.util.UUID;

/**
 * The 走访台账 of a year: each cadre's visits by month, and the poor or monitored households nobody visited in the
 * year, with their helpers.
 */
public record VisitLog(int year, List<CadreMonths> cadres, List<Unvisited> unvisited) {

    public VisitLog {
        cadres = List.copyOf(cadres);
        unvisited = List.copyOf(unvisited);
    }

    /** A cadre's visits in each month (index 0 = January). */
    public record CadreMonths(UUID cadreId, String name, int[] months) {
        public int total() {
            int n = 0;
            for (int m : months) {
                n += m;
            }
            return n;
        }
    }

    /** A household not visited in the year; {@code helpers} empty when nobody helps it. */
    public record Unvisited(UUID householdId, String villageName, String headName, List<String> helpers) {
    }
}
