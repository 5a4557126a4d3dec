package org.townshipledger.household;

import java.util.UUID;
import org.townshipledger.common.Progress;

/**
 * What to export.
 *
 * @param villageId only the households of this village, or null for all
 * @param fullId    true to write ID numbers in full (an export for re-import); masked otherwise
 * @param progress  told how many households are written, and asked between batches whether to stop (then no file
 *                  is left behind: {@link org.townshipledger.common.CancelledException})
 */
public record ExportOptions(UUID villageId, boolean fullId, Progress progress) {

    public ExportOptions {
        progress = progress == null ? Progress.NONE : progress;
    }

    public ExportOptions(UUID villageId, boolean fullId) {
        this(villageId, fullId, Progress.NONE);
    }

    public static ExportOptions all() {
        return new ExportOptions(null, false);
    }

    public ExportOptions withProgress(Progress newProgress) {
        return new ExportOptions(villageId, fullId, newProgress);
    }
}
