package org.townshipledger.visit;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Help given in a year (帮扶项目与资金统计): items, money and goods by kind, by village, by village and kind, and in
 * total. Sums are exact (BigDecimal yuan, two decimals).
 */
public record HelpTally(int year, List<Sum> byKind, List<Sum> byVillage, List<Sum> byVillageAndKind, Sum total) {

    public HelpTally {
        byKind = List.copyOf(byKind);
        byVillage = List.copyOf(byVillage);
        byVillageAndKind = List.copyOf(byVillageAndKind);
    }

    /** A sum over the items of a village (null: all) and a kind (null: all kinds). */
    public record Sum(UUID villageId, String villageName, HelpKind kind, int items, BigDecimal money,
                      BigDecimal goods) {
        /** Money and goods together. */
        public BigDecimal value() {
            return money.add(goods);
        }
    }
}
