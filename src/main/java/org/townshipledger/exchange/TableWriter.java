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
 * .csv (UTF-8 with BOM, which Excel and WPS open correctly). A title row goes above the header; importing
 * the file again skips it. The file appears whole or not at all (temp file, then move).
 */
public final class TableWriter {

    private TableWriter() {
    }

    public static void write(Path file, String title, List<String> headers, List<List<String>> rows)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
        try {
            if (TableReader.isXlsx(file)) {
                writeXlsx(tmp, title, headers, rows);
            } else {
                writeCsv(tmp, title, headers, rows);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeCsv(Path file, String title, List<String> headers, List<List<String>> rows)
            throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                if (title != null) {
                    csv.printRecord(title);
                }
                csv.printRecord(headers);
                for (List<String> r : rows) {
                    csv.printRecord(r);
                }
            }
        }
    }

    private static void writeXlsx(Path file, String title, List<String> headers, List<List<String>> rows)
            throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Sheet1");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
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
            for (List<String> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    if (v != null && !v.isEmpty()) {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            wb.write(out);
        } finally {
            wb.close();
        }
    }
}
