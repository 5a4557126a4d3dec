package org.townshipledger.household;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds real .xlsx and .csv files for the import tests, as offices make them. */
final class SheetFiles {

    private SheetFiles() {
    }

    /**
     * An .xlsx whose first sheet holds {@code rows}: a String is a text cell, a Number a number cell (as Excel keeps
     * an ID typed without a leading quote), a LocalDate a date cell, null an absent cell.
     */
    static Path xlsx(Path file, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("农户");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }

    /** A .csv in the given encoding (GB18030 as old Excel saves it), quoting cells with commas. */
    static Path csv(Path file, List<List<Object>> rows, Charset charset) throws IOException {
        String text = rows.stream()
                .map(r -> r.stream().map(v -> v == null ? "" : quote(v.toString())).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        Files.write(file, text.getBytes(charset));
        return file;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
