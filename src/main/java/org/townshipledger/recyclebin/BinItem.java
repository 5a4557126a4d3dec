package org.townshipledger.recyclebin;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Something in the recycle bin: what register it came from, its name, and when it was deleted. */
public record BinItem(String register, UUID id, String name, String details, OffsetDateTime deletedAt) {
}
