package org.townshipledger.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.townshipledger.common.Problem;

/**
 * The rows of an imported sheet that have errors, with a 错误原因 column, so the office can fix them and import again;
 * and the cell values behind problems found while reading. For the small registers (villages, units, cadres,
 * postings), whose files are read whole; the households sheet streams its own report.
 */
public final class ErrorReport {

    /** The header of the added column (a column of the file format, so in Chinese in every language). */
    public static final String REASON_HEADER = "错误原因";

    private ErrorReport() {
    }

    /**
     * Problems found in {@code file} as row issues, each with the cell it names read again from the file.
     *
     * @param required the columns that mark the header row (as the import read it)
     */
    public static List<RowIssue> issues(Path file, Collection<String> required, List<Problem> problems) {
        if (problems.isEmpty()) {
            return List.of();
        }
        Map<Integer, TableRow> rows = new HashMap<>();
        try {
            for (TableRow r : TableReader.read(file, required).rows()) {
                rows.put(r.line(), r);
            }
        } catch (RuntimeException e) {
            // The problem is the file itself (no header, unreadable): no cells to show.
        }
        List<RowIssue> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            TableRow row = rows.get(p.line());
            out.add(new RowIssue(p.line(), p.field(), row == null ? "" : row.get(p.field()), p.message()));
        }
        return out;
    }

    /**
     * Writes the rows of {@code source} named by {@code errors} to {@code out} (.xlsx or .csv by its extension): the
     * header row as the file has it, then each bad row with its reasons in a last 错误原因 column.
     */
    public static void write(Path source, Collection<String> required, List<RowIssue> errors, Path out)
            throws IOException {
        Map<Integer, List<String>> reasons = new LinkedHashMap<>();
        for (RowIssue e : errors) {
            reasons.computeIfAbsent(e.line(), l -> new ArrayList<>())
                    .add(e.column().isEmpty() ? e.reason() : e.column() + "：" + e.reason());
        }
        Table table = TableReader.read(source, required);
        List<String> headers = new ArrayList<>(table.headers());
        headers.add(REASON_HEADER);
        try (TableWriter.Sink sink = TableWriter.open(out, null, headers)) {
            for (TableRow r : table.rows()) {
                List<String> why = reasons.get(r.line());
                if (why == null) {
                    continue;
                }
                List<String> values = new ArrayList<>(headers.size());
                for (String h : table.headers()) {
                    values.add(r.get(h));
                }
                values.add(String.join("；", why));
                sink.add(values);
            }
            sink.finish();
        }
    }
}
