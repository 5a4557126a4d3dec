package org.townshipledger.visit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Matches the checked rows of an import file with the records in use that have the same identity (a visit's date,
 * kind, target and cadres; a problem's village, date, kind, raiser and text; a help item's target, kind, text, date
 * and helper), so that a file imported twice changes nothing.
 *
 * <p>Rows are grouped by identity. In file order, a row takes a record of its group (not taken yet) whose content
 * (what is not the identity) is the same: unchanged. Otherwise, a row that says the same as an earlier row of the
 * group is a repeat: the same record written twice, counted once. The rows left take the group's records not taken
 * yet, in order (updated: the record keeps its id and takes the row's content), and once there are none they are
 * added. So two records with the same identity in the ledger (two visits to a household on one day by the same
 * cadres) stay two, and their export imports back unchanged.
 *
 * @param <T> the record
 */
final class ImportMatch<T> {

    /**
     * What becomes of the rows: added, updated (the ledger record with the row's content; {@code replaced} holds
     * each as it was, {@code updatedLines} the row), and the rest counted.
     */
    record Outcome<T>(List<T> added, List<Integer> addedLines, List<T> updated, List<T> replaced,
                      List<Integer> updatedLines, int unchanged, List<ImportCounts.Repeat> repeats) {

        ImportCounts counts(List<ImportCounts.Note> notes) {
            return new ImportCounts(added.size(), updated.size(), unchanged, repeats, notes);
        }
    }

    private ImportMatch() {
    }

    /**
     * @param rows        checked rows in file order
     * @param lines       each row's line in the file
     * @param identity    a row's identity (equal for the same record)
     * @param existing    records in use by identity (only the identities of {@code rows} are looked at)
     * @param sameContent true when two records with the same identity say the same
     * @param merge       (record in the ledger, row) → the record to save: its id and version with the row's content
     */
    static <T, K> Outcome<T> match(List<T> rows, List<Integer> lines, Function<T, K> identity,
                                   Map<K, List<T>> existing, BiPredicate<T, T> sameContent,
                                   BiFunction<T, T, T> merge) {
        Map<K, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(identity.apply(rows.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<T> added = new ArrayList<>();
        List<Integer> addedLines = new ArrayList<>();
        List<T> updated = new ArrayList<>();
        List<T> replaced = new ArrayList<>();
        List<Integer> updatedLines = new ArrayList<>();
        List<ImportCounts.Repeat> repeats = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<K, List<Integer>> group : groups.entrySet()) {
            List<T> candidates = new ArrayList<>(existing.getOrDefault(group.getKey(), List.of()));
            List<Integer> kept = new ArrayList<>();
            List<Integer> left = new ArrayList<>();
            for (int i : group.getValue()) {
                T row = rows.get(i);
                int same = indexOf(candidates, row, sameContent);
                if (same >= 0) {
                    candidates.remove(same);
                    unchanged++;
                    kept.add(i);
                    continue;
                }
                Integer first = null;
                for (int d : kept) {
                    if (sameContent.test(rows.get(d), row)) {
                        first = d;
                        break;
                    }
                }
                if (first != null) {
                    repeats.add(new ImportCounts.Repeat(lines.get(i), lines.get(first)));
                } else {
                    kept.add(i);
                    left.add(i);
                }
            }
            for (int d : left) {
                if (!candidates.isEmpty()) {
                    T old = candidates.remove(0);
                    updated.add(merge.apply(old, rows.get(d)));
                    replaced.add(old);
                    updatedLines.add(lines.get(d));
                } else {
                    added.add(rows.get(d));
                    addedLines.add(lines.get(d));
                }
            }
        }
        repeats.sort(java.util.Comparator.comparingInt(ImportCounts.Repeat::line));
        return new Outcome<>(added, addedLines, updated, replaced, updatedLines, unchanged, repeats);
    }

    private static <T> int indexOf(List<T> candidates, T row, BiPredicate<T, T> sameContent) {
        for (int c = 0; c < candidates.size(); c++) {
            if (sameContent.test(candidates.get(c), row)) {
                return c;
            }
        }
        return -1;
    }
}
