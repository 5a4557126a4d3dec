package org.townshipledger.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;

/**
 * Reads the first sheet of an .xlsx, or a .csv, the way offices fill them: title rows above the header
 * are skipped (the header is the first row holding all required columns), columns may come in any order,
 * unknown columns are ignored, blank rows are skipped.
 */
public final class TableReader {

    private TableReader() {
    }

    public static Table read(Path file, Collection<String> requiredHeaders) {
        List<RawRow> raw = new ArrayList<>();
        visit(file, (line, cells) -> {
            raw.add(new RawRow(line, cells));
            return true;
        });
        for (int i = 0; i < raw.size(); i++) {
            List<String> cells = raw.get(i).cells();
            if (cells.containsAll(requiredHeaders)) {
                return toTable(cells, raw.subList(i + 1, raw.size()));
            }
        }
        throw new InvalidInputException(Messages.get("import.error.noHeader", String.join("、", requiredHeaders)));
    }

    /** Receives the rows of a streamed sheet: the header row once, then every non-blank data row under it. */
    public interface RowHandler {
        void header(SheetHeader header);

        /**
         * One data row.
         *
         * @param line  its row number in the file (1-based, Excel's row number)
         * @param cells every cell of the row as read and stripped, by column index (may be shorter than the header)
         * @return false to stop reading
         */
        boolean row(int line, List<String> cells);
    }

    /**
     * Streams the first sheet of an .xlsx, or a .csv, row by row without holding the file in memory: rows above
     * the header are skipped (the header is the first row naming every one of {@code required}, by
     * {@code aliases}), blank rows are skipped.
     *
     * @throws InvalidInputException when the file is missing, unreadable or has no such header row
     */
    public static SheetHeader stream(Path file, HeaderAliases aliases, Collection<String> required, RowHandler handler) {
        SheetHeader[] header = new SheetHeader[1];
        visitAhead(file, (line, cells) -> {
            if (header[0] == null) {
                if (aliases.isHeader(cells, required)) {
                    header[0] = new SheetHeader(line, cells, aliases.locate(cells));
                    handler.header(header[0]);
                }
                return true;
            }
            if (isBlank(cells)) {
                return true;
            }
            return handler.row(line, cells);
        });
        if (header[0] == null) {
            throw new InvalidInputException(Messages.get("import.error.noHeader", String.join("、", required)));
        }
        return header[0];
    }

    private static boolean isBlank(List<String> cells) {
        for (String c : cells) {
            if (!c.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private interface RawVisitor {
        boolean row(int line, List<String> cells);
    }

    /** Carries what the caller's visitor threw through the reading code, which would take it for a bad file. */
    private static final class VisitorFailure extends RuntimeException {
        VisitorFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private static void visit(Path file, RawVisitor visitor) {
        RawVisitor guarded = (line, cells) -> {
            try {
                return visitor.row(line, cells);
            } catch (RuntimeException e) {
                throw new VisitorFailure(e);
            }
        };
        try {
            if (isXlsx(file)) {
                visitXlsx(file, guarded);
            } else {
                visitCsv(file, guarded);
            }
        } catch (VisitorFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Messages.get("import.error.noFile", file));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException(Messages.get("import.error.unreadable", file.getFileName(), e.getMessage()));
        }
    }

    /** Rows handed from the reading thread to the caller's, a few hundred at a time. */
    private static final int BATCH = 256;
    /** Batches read ahead at most: memory stays flat however long the file. */
    private static final int AHEAD = 8;

    /** A batch of rows read, or the end of the file, or what stopped the reading. */
    private record Batch(List<RawRow> rows, boolean end, Throwable failure) {
    }

    /**
     * {@link #visit} with the file parsed on a second thread, a few batches ahead of the visitor, which runs on the
     * calling thread: unzipping and parsing an .xlsx takes about as long as an import's checks of its rows, and the
     * two overlap. The reading thread touches no database. When the visitor stops (returns false or throws), the
     * reading thread is told by a flag and ends after its current row; it is never interrupted.
     */
    private static void visitAhead(Path file, RawVisitor visitor) {
        java.util.concurrent.BlockingQueue<Batch> queue = new java.util.concurrent.ArrayBlockingQueue<>(AHEAD);
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            List<RawRow> rows = new ArrayList<>(BATCH);
            Batch last;
            try {
                visit(file, (line, cells) -> {
                    rows.add(new RawRow(line, cells));
                    if (rows.size() == BATCH) {
                        hand(queue, stopped, new Batch(List.copyOf(rows), false, null));
                        rows.clear();
                    }
                    return !stopped.get();
                });
                last = new Batch(List.copyOf(rows), true, null);
            } catch (RuntimeException | Error e) {
                last = new Batch(List.of(), true, e);
            }
            hand(queue, stopped, last);
        }, "table-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch batch = take(queue);
                for (RawRow r : batch.rows()) {
                    if (!visitor.row(r.line(), r.cells())) {
                        return;
                    }
                }
                if (batch.failure() instanceof RuntimeException e) {
                    throw e;
                } else if (batch.failure() instanceof Error e) {
                    throw e;
                }
                if (batch.end()) {
                    return;
                }
            }
        } finally {
            stopped.set(true);
            queue.clear();
            joinQuietly(reader);
        }
    }

    /** Puts a batch for the visitor unless it has stopped listening. */
    private static void hand(java.util.concurrent.BlockingQueue<Batch> queue,
                             java.util.concurrent.atomic.AtomicBoolean stopped, Batch batch) {
        try {
            while (!stopped.get() && !queue.offer(batch, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // The visitor is busy: wait for room.
            }
        } catch (InterruptedException e) {
            // Nothing here interrupts threads (ARCHITECTURE.md); should something, stop reading.
            stopped.set(true);
        }
    }

    private static Batch take(java.util.concurrent.BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            // Nothing here interrupts threads (ARCHITECTURE.md); should something, give up like a cancel.
            throw new java.util.concurrent.CancellationException();
        }
    }

    /** Waits for the reading thread to end (it does soon: it was told to stop and has room to hand its batch). */
    private static void joinQuietly(Thread reader) {
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                // Nothing here interrupts threads (ARCHITECTURE.md); keep waiting, the reader holds the file open.
            }
        }
    }

    public static boolean isXlsx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    private static Table toTable(List<String> headerCells, List<RawRow> dataRows) {
        List<String> headers = new ArrayList<>(headerCells);
        List<TableRow> rows = new ArrayList<>(dataRows.size());
        for (RawRow r : dataRows) {
            if (r.cells().stream().allMatch(String::isEmpty)) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < headers.size() && c < r.cells().size(); c++) {
                String h = headers.get(c);
                if (!h.isEmpty() && !cells.containsKey(h)) {
                    cells.put(h, r.cells().get(c));
                }
            }
            rows.add(new TableRow(r.line(), cells));
        }
        return new Table(headers, rows);
    }

    private record RawRow(int line, List<String> cells) {
    }

    private static void visitCsv(Path file, RawVisitor visitor) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (Reader in = TextDecoding.open(file); CSVParser parser = format.parse(in)) {
            for (CSVRecord rec : parser) {
                List<String> cells = new ArrayList<>(rec.size());
                rec.forEach(v -> cells.add(clean(v)));
                if (!visitor.row((int) rec.getRecordNumber(), cells)) {
                    return;
                }
            }
        }
    }

    private static void visitXlsx(Path file, RawVisitor visitor) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, false));
             Stream<Row> stream = wb.getFirstSheet().openStream()) {
            Iterator<Row> rows = stream.iterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(clean(text(row.getCell(c))));
                }
                if (!visitor.row(row.getRowNum(), cells)) {
                    return;
                }
            }
        }
    }

    /**
     * Numbers as typed (12-digit codes must not turn into 4.3E11); date cells as 2024-03-01 (with the time when it
     * is not midnight); everything else as text.
     */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER && cell.getRawValue() != null && isDateFormat(cell)) {
            try {
                LocalDateTime at = cell.asDate();
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                        : at.toLocalDate() + " " + at.toLocalTime();
            } catch (RuntimeException notADate) {
                return cell.getRawValue();
            }
        }
        if (cell.getType() == CellType.NUMBER && cell.getRawValue() != null) {
            try {
                return numberText(new BigDecimal(cell.getRawValue()));
            } catch (NumberFormatException e) {
                return cell.getRawValue();
            }
        }
        String t = cell.getText();
        return t == null ? "" : t;
    }

    /**
     * True when the cell is formatted as a date: Excel's built-in date formats (14-22, 45-47, and 27-36, 50-58 of
     * Chinese Excel and WPS) or a custom format with day, month or year in it, e.g. {@code yyyy"年"m"月"d"日"}.
     */
    private static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
                || (id >= 50 && id <= 58))) {
            return true;
        }
        String format = cell.getDataFormatString();
        return format != null && DateUtil.isADateFormat(id == null ? -1 : id, format);
    }

    /**
     * A number cell as Excel shows it. Up to 15 digits before the point it is written out (12-digit codes must
     * not turn into 4.3E11). Beyond that Excel itself has kept only 15 significant digits, so the number is
     * written as Excel shows it, {@code 4.30523199001011E+17}: an 18-digit ID number typed into a number cell
     * has lost its last digits, and must be reported as such rather than read as a different number.
     */
    static String numberText(BigDecimal n) {
        BigDecimal plain = n.stripTrailingZeros();
        if (plain.abs().compareTo(EXCEL_EXACT_LIMIT) < 0) {
            return plain.toPlainString();
        }
        BigDecimal rounded = plain.round(new MathContext(15, RoundingMode.HALF_UP)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "E+" + exponent;
    }

    private static final BigDecimal EXCEL_EXACT_LIMIT = new BigDecimal("1000000000000000");

    /** Strips spaces, including the full-width ones Chinese input methods type. */
    private static String clean(String s) {
        return s == null ? "" : s.replace('\u3000', ' ').strip();
    }
}
