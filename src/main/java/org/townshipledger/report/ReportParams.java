package org.townshipledger.report;

import java.util.UUID;

/**
 * What a sheet is asked for.
 *
 * @param year      the year it reports on
 * @param villageId one village, or null for all
 * @param fullId    print ID numbers in full instead of masked (a right the clerk must ask for)
 * @param limit     at most this many data rows, the first in print order (0: all). Only for trying a layout and
 *                  for benchmarks (the command line's hidden {@code --limit}); sheets that can stop their query
 *                  early honour it, the others print everything.
 */
public record ReportParams(int year, UUID villageId, boolean fullId, int limit) {

    public ReportParams {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0");
        }
    }

    public ReportParams(int year, UUID villageId, boolean fullId) {
        this(year, villageId, fullId, 0);
    }
}
