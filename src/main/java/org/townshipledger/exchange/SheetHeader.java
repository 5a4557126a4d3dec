package org.townshipledger.exchange;

import java.util.List;
import java.util.Map;

/**
 * The header row found in a streamed sheet.
 *
 * @param line    its row number in the file (1-based)
 * @param cells   the header cells as read, every column (also the unknown ones)
 * @param columns canonical name → column index, for the columns that were recognised
 */
public record SheetHeader(int line, List<String> cells, Map<String, Integer> columns) {

    public SheetHeader {
        cells = List.copyOf(cells);
        columns = Map.copyOf(columns);
    }

    public boolean has(String canonical) {
        return columns.containsKey(canonical);
    }

    /** The header as the file wrote it for a canonical column (for messages), or the canonical name. */
    public String label(String canonical) {
        Integer i = columns.get(canonical);
        return i == null ? canonical : cells.get(i);
    }

    /** The cell of a data row for a canonical column; "" when the column or the cell is missing. */
    public String cell(List<String> row, String canonical) {
        Integer i = columns.get(canonical);
        if (i == null || i >= row.size()) {
            return "";
        }
        String v = row.get(i);
        return v == null ? "" : v;
    }
}
