package org.townshipledger.common;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something in the recycle bin (回收站): the register it came from ({@link BinRegister#kind()}), its id, its name,
 * a line of details, and when it was deleted.
 */
public record BinItem(String register, UUID id, String name, String details, OffsetDateTime deletedAt) {
}
