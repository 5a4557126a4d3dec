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
 * @param notes     updates worth a look: a row that takes a record back (a resolved problem open again, finished
 *                  help planned again, a visit's check removed), as an older file would
 */
public record ImportCounts(int added, int updated, int unchanged, List<Repeat> repeats, List<Note> notes) {

    public ImportCounts {
        repeats = List.copyOf(repeats);
        notes = List.copyOf(notes);
    }

    /** Counts with nothing repeated and nothing to note. */
    public ImportCounts(int added, int updated, int unchanged) {
        this(added, updated, unchanged, List.of(), List.of());
    }

    /** An update a row makes that takes its record back, in words ("台账中为“已化解”，此行为“排查”…"). */
    public record Note(int line, String column, String value, String reason) {
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
