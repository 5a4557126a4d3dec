package org.townshipledger.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
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
        List<RawRow> raw;
        try {
            raw = isXlsx(file) ? readXlsx(file) : readCsv(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Messages.get("import.error.noFile", file));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException(Messages.get("import.error.unreadable", file.getFileName(), e.getMessage()));
        }
        for (int i = 0; i < raw.size(); i++) {
            List<String> cells = raw.get(i).cells();
            if (cells.containsAll(requiredHeaders)) {
                return toTable(cells, raw.subList(i + 1, raw.size()));
            }
        }
        throw new InvalidInputException(Messages.get("import.error.noHeader", String.join("、", requiredHeaders)));
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

    private static List<RawRow> readCsv(Path file) throws IOException {
        String text = TextDecoding.decode(Files.readAllBytes(file));
        List<RawRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        for (CSVRecord rec : format.parse(new StringReader(text))) {
            List<String> cells = new ArrayList<>(rec.size());
            rec.forEach(v -> cells.add(clean(v)));
            rows.add(new RawRow((int) rec.getRecordNumber(), cells));
        }
        return rows;
    }

    private static List<RawRow> readXlsx(Path file) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, false));
             Stream<Row> stream = wb.getFirstSheet().openStream()) {
            stream.forEach(row -> {
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(clean(text(row.getCell(c))));
                }
                rows.add(new RawRow(row.getRowNum(), cells));
            });
        }
        return rows;
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
                return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
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

    /** Strips spaces, including the full-width ones Chinese input methods type. */
    private static String clean(String s) {
        return s == null ? "" : s.replace('\u3000', ' ').strip();
    }
}
