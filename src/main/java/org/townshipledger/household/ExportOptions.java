package org.townshipledger.household;

import java.util.UUID;

/**
 * What to export.
 *
 * @param villageId only the households of this village, or null for all
 * @param fullId    true to write ID numbers in full (an export for re-import); masked otherwise
 */
public record ExportOptions(UUID villageId, boolean fullId) {

    public static ExportOptions all() {
        return new ExportOptions(null, false);
    }
}
