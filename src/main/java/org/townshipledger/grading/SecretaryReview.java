package org.townshipledger.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A secretary's 述职考核 for a year: four part scores out of 100 (for a branch secretary 日常记实, 现场观摩, 年度综合,
 * 述职评议; for a first secretary 电视述职, 明查暗访, 百姓测评, 相互比拼), their weighted total out of 100 and the
 * result. The service computes total and result on saving.
 *
 * @param cadreName   read for display
 * @param villageId   the village the secretary serves, or null
 * @param villageName read for display
 * @param parts       exactly four scores, in the kind's order
 */
public record SecretaryReview(UUID id, UUID cadreId, String cadreName, UUID villageId, String villageName, int year,
                              ReviewKind kind, List<BigDecimal> parts, BigDecimal total, ReviewResult result,
                              String note, int version) {

    public SecretaryReview {
        // A part may be null while being entered; the service refuses to save it so.
        parts = parts == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parts));
    }

    public static SecretaryReview of(UUID cadreId, UUID villageId, int year, ReviewKind kind, List<BigDecimal> parts) {
        return new SecretaryReview(null, cadreId, null, villageId, null, year, kind, parts, null, null, null, 0);
    }

    public SecretaryReview withId(UUID newId) {
        return new SecretaryReview(newId, cadreId, cadreName, villageId, villageName, year, kind, parts, total, result,
                note, version);
    }

    public SecretaryReview scored(BigDecimal newTotal, ReviewResult newResult) {
        return new SecretaryReview(id, cadreId, cadreName, villageId, villageName, year, kind, parts, newTotal,
                newResult, note, version);
    }
}
