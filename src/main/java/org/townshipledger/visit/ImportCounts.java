package org.townshipledger.visit;

import java.util.List;

/**
 * What an import of visits, problems or help did (or, checked first, would do) with the rows of a file.
 *
 * @param added     rows that were not in the ledger, added
 * @param updated   rows that matched a record in use and changed it (same id, version bumped)
 * @param unchanged rows that matched a record in use that already said the same
 * @param repeats   rows that repeat an earlier row of the same file (same record, same content): counted once,
 *                  each with the line of the row it repeats
 */
public record ImportCounts(int added, int updated, int unchanged, List<Repeat> repeats) {

    public ImportCounts {
        repeats = List.copyOf(repeats);
    }

    /** A row of the file that says again what an earlier row ({@code firstLine}) said. */
    public record Repeat(int line, int firstLine) {
    }

    /** Rows repeated in the file (counted once). */
    public int repeated() {
        return repeats.size();
    }

    /** Data rows of the file behind these counts. */
    public int rows() {
        return added + updated + unchanged + repeats.size();
    }
}
