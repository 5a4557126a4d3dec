package org.townshipledger.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Help given (帮扶措施 / 帮扶项目) to a household or a village: money and goods in yuan, exact to the fen.
 *
 * @param target        {@link VisitTarget#HOUSEHOLD} or {@link VisitTarget#VILLAGE}
 * @param householdName the head, read for display
 * @param villageId     the village helped, or the household's village (set by the service)
 * @param money         资金, yuan
 * @param goodsValue    物资 (goods), valued in yuan
 * @param cadreId       the helping cadre, or null
 * @param unitId        the helping unit, or null (at most one of the two... or both: a cadre of a unit)
 * @param helperName    the cadre's or the unit's name, read for display
 */
public record HelpItem(UUID id, VisitTarget target, UUID householdId, String householdName, UUID villageId,
                       String villageName, HelpKind kind, String description, BigDecimal money, BigDecimal goodsValue,
                       UUID cadreId, UUID unitId, String helperName, LocalDate date, HelpStatus status, int version) {

    public static HelpItem forHousehold(UUID householdId, HelpKind kind, String description, BigDecimal money,
                                        BigDecimal goods, LocalDate date, HelpStatus status) {
        return new HelpItem(null, VisitTarget.HOUSEHOLD, householdId, null, null, null, kind, description, money,
                goods, null, null, null, date, status, 0);
    }

    public static HelpItem forVillage(UUID villageId, HelpKind kind, String description, BigDecimal money,
                                      BigDecimal goods, LocalDate date, HelpStatus status) {
        return new HelpItem(null, VisitTarget.VILLAGE, null, null, villageId, null, kind, description, money, goods,
                null, null, null, date, status, 0);
    }

    public HelpItem withId(UUID newId) {
        return new HelpItem(newId, target, householdId, householdName, villageId, villageName, kind, description,
                money, goodsValue, cadreId, unitId, helperName, date, status, version);
    }

    public HelpItem withHelper(UUID newCadreId, UUID newUnitId) {
        return new HelpItem(id, target, householdId, householdName, villageId, villageName, kind, description, money,
                goodsValue, newCadreId, newUnitId, null, date, status, version);
    }

    public HelpItem withStatus(HelpStatus newStatus) {
        return new HelpItem(id, target, householdId, householdName, villageId, villageName, kind, description, money,
                goodsValue, cadreId, unitId, helperName, date, newStatus, version);
    }

    HelpItem normalized(UUID newVillageId, BigDecimal newMoney, BigDecimal newGoods, String newDescription) {
        return new HelpItem(id, target, householdId, householdName, newVillageId, villageName, kind, newDescription,
                newMoney, newGoods, cadreId, unitId, helperName, date, status, version);
    }
}
