package org.townshipledger.household;

/** How many households and members an export wrote. */
public record ExportResult(int households, int members) {
}
