package org.townshipledger.household;

import java.util.UUID;

/**
 * The filters of the households list; null means "any". {@code text} matches the head's or any member's name,
 * their pinyin initials, or the last digits of an ID number.
 */
public record HouseholdQuery(UUID villageId, UUID groupId, HouseholdCategory category, PovertyStatus status,
                             MonitoringType monitoringType, String text) {

    public static HouseholdQuery all() {
        return new HouseholdQuery(null, null, null, null, null, null);
    }

    public HouseholdQuery withText(String newText) {
        return new HouseholdQuery(villageId, groupId, category, status, monitoringType, newText);
    }

    public HouseholdQuery withVillage(UUID newVillageId) {
        return new HouseholdQuery(newVillageId, null, category, status, monitoringType, text);
    }
}
