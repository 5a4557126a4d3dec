package org.townshipledger.pairing;

import java.time.OffsetDateTime;

/** A pairing in the recycle bin and when it was deleted. */
public record PairingInBin(Pairing pairing, OffsetDateTime deletedAt) {
}
