package org.townshipledger.household;

/**
 * A household with the yearly facts a sheet or generated data carries for it: the 两不愁三保障 check and the
 * per-capita income of one year, each or both possibly null.
 */
public record HouseholdEntry(Household household, HouseholdCheck check, Income income) {
}
