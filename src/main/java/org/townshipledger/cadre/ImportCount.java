package org.townshipledger.cadre;

/** How many records an import added and how many it updated. */
public record ImportCount(int added, int updated) {
}
