package org.townshipledger.grading;

import java.util.UUID;

/**
 * A village to choose on the 星级评定 screen (cadre and name null; the fields are there for a secretary posted at the
 * village, should the screen offer those as choices too).
 *
 * @param cadreId null for a village alone
 * @param name    the secretary's name, null for a village alone
 */
public record StarCandidate(UUID cadreId, String name, UUID villageId, String villageName) {
}
