package org.townshipledger.report;

import java.util.UUID;

/**
 * What a sheet is asked for.
 *
 * @param year      the year it reports on
 * @param villageId one village, or null for all
 * @param fullId    print ID numbers in full instead of masked (a right the clerk must ask for)
 */
public record ReportParams(int year, UUID villageId, boolean fullId) {
}
