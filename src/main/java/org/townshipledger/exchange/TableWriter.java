package org.townshipledger.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a list as .xlsx (streaming POI, every cell text so ID numbers and codes keep their digits) or as
 * .csv (UTF-8 with BOM, which Excel and WPS open correctly). A title row may go above the header; importing
 * the file again skips it. The file appears whole or not at all (temp file, then move).
 */
public final class TableWriter {

    private TableWriter() {
    }

    public static void write(Path file, String title, List<String> headers, List<List<String>> rows)
            throws IOException {
        try (Sink sink = open(file, title, headers)) {
            for (List<String> r : rows) {
                sink.add(r);
            }
            sink.finish();
        }
    }

    /**
     * Starts writing a table row by row, for lists too long to hold in memory. Call {@link Sink#finish()} to put
     * the file in place; closing without it leaves no file (and the one there before untouched).
     *
     * @param title a title row above the header, or null for none
     */
    public static Sink open(Path file, String title, List<String> headers) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
        try {
            return TableReader.isXlsx(file) ? new XlsxSink(file, tmp, title, headers)
                    : new CsvSink(file, tmp, title, headers);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** A table being written. */
    public abstract static sealed class Sink implements AutoCloseable permits XlsxSink, CsvSink {
        private final Path file;
        private final Path tmp;
        private boolean finished;

        Sink(Path file, Path tmp) {
            this.file = file;
            this.tmp = tmp;
        }

        /** One data row; null or empty values give empty cells. */
        public abstract void add(List<String> values) throws IOException;

        abstract void complete() throws IOException;

        abstract void discard();

        /** Completes the file and moves it into place. */
        public void finish() throws IOException {
            complete();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                discard();
            }
            Files.deleteIfExists(tmp);
        }
    }

    static final class CsvSink extends Sink {
        private final BufferedWriter out;
        private final CSVPrinter csv;

        CsvSink(Path file, Path tmp, String title, List<String> headers) throws IOException {
            super(file, tmp);
            out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            csv = new CSVPrinter(out, CSVFormat.DEFAULT);
            if (title != null) {
                csv.printRecord(title);
            }
            csv.printRecord(headers);
        }

        @Override
        public void add(List<String> values) throws IOException {
            csv.printRecord(values.stream().map(v -> v == null ? "" : v).toList());
        }

        @Override
        void complete() throws IOException {
            csv.close();
        }

        @Override
        void discard() {
            try {
                csv.close();
            } catch (IOException ignored) {
                // the temp file is deleted next
            }
        }
    }

    static final class XlsxSink extends Sink {
        private final SXSSFWorkbook wb = new SXSSFWorkbook(200);
        private final Path tmp;
        private final Sheet sheet;
        private int r;

        XlsxSink(Path file, Path tmp, String title, List<String> headers) {
            super(file, tmp);
            this.tmp = tmp;
            sheet = wb.createSheet("Sheet1");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            if (title != null) {
                Cell c = sheet.createRow(r++).createCell(0);
                c.setCellValue(title);
                c.setCellStyle(bold);
            }
            Row head = sheet.createRow(r++);
            for (int i = 0; i < headers.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(headers.get(i));
                c.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 3 + 4) * 256);
            }
            sheet.createFreezePane(0, r);
        }

        @Override
        public void add(List<String> values) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v != null && !v.isEmpty()) {
                    row.createCell(i).setCellValue(v);
                }
            }
        }

        @Override
        void complete() throws IOException {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            } finally {
                wb.close();
            }
        }

        @Override
        void discard() {
            try {
                wb.close();
            } catch (IOException ignored) {
                // the temp file is deleted next
            }
        }
    }
}
