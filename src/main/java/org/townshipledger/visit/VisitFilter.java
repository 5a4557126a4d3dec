package org.townshipledger.visit;

import java.time.YearMonth;
import java.util.UUID;

/**
 * What the list of visits is filtered by; every field may be null.
 *
 * @param cadreId     visits this cadre went on (as the main cadre or with others)
 * @param villageId   visits in this village (a household's visits count for its village)
 * @param month       visits in this month
 * @param kind        a {@link VisitKind} code
 * @param householdId visits of this household
 */
public record VisitFilter(UUID cadreId, UUID villageId, YearMonth month, String kind, UUID householdId) {

    public static VisitFilter all() {
        return new VisitFilter(null, null, null, null, null);
    }

    public static VisitFilter byCadre(UUID cadreId) {
        return new VisitFilter(cadreId, null, null, null, null);
    }

    public static VisitFilter byMonth(YearMonth month) {
        return new VisitFilter(null, null, month, null, null);
    }

    public VisitFilter withCadre(UUID id) {
        return new VisitFilter(id, villageId, month, kind, householdId);
    }

    public VisitFilter withVillage(UUID id) {
        return new VisitFilter(cadreId, id, month, kind, householdId);
    }

    public VisitFilter withMonth(YearMonth m) {
        return new VisitFilter(cadreId, villageId, m, kind, householdId);
    }

    public VisitFilter withKind(String k) {
        return new VisitFilter(cadreId, villageId, month, k, householdId);
    }

    public VisitFilter withHousehold(UUID id) {
        return new VisitFilter(cadreId, villageId, month, kind, id);
    }
}
