package org.townshipledger.grading;

import java.util.UUID;

/**
 * A choice on the 星级评定 screen: a village (cadre null), or a secretary posted at a village in the year.
 *
 * @param cadreId null for a village alone
 * @param name    the secretary's name, null for a village alone
 */
public record StarCandidate(UUID cadreId, String name, UUID villageId, String villageName) {
}
