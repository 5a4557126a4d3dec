package org.townshipledger.household;

/**
 * A household as the 贫困户/监测户台账 prints it.
 *
 * @param checks the five items of the year's check (吃穿, 义务教育, 医疗, 住房, 饮水), or null when not checked
 */
public record RegisterLine(String village, String group, String headName, String headIdNumber, int members,
                           HouseholdCategory category, PovertyCause cause, PovertyStatus status, Integer exitYear,
                           MonitoringType monitoring, boolean[] checks) {
}
