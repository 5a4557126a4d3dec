package org.townshipledger.visit;

import java.time.OffsetDateTime;

/** An item of help given in the recycle bin (removed on its own) and when it was removed. */
public record HelpInBin(HelpItem item, OffsetDateTime deletedAt) {
}
