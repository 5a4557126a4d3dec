package org.townshipledger.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.Progress;

/**
 * Writes a sheet as .xlsx for the county: streaming POI, a title row, the header frozen, every cell text (ID
 * numbers keep their digits), and print setup (A4, header repeated on every page, fit to width).
 */
final class XlsxRenderer {

    private static final int CHUNK = 500;

    private XlsxRenderer() {
    }

    static void write(OutputStream out, ReportHeader header, List<Column> columns,
                      Consumer<Consumer<ReportRow>> rows, int expectedRows, Progress progress) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(CHUNK);
        try {
            SXSSFSheet sheet = wb.createSheet(header.title().length() > 31 ? header.title().substring(0, 31)
                    : header.title().replaceAll("[\\\\/?*\\[\\]:]", " "));
            CellStyle titleStyle = style(wb, true, false, HorizontalAlignment.CENTER, (short) 14);
            CellStyle headStyle = style(wb, true, true, HorizontalAlignment.CENTER, (short) 10);
            CellStyle[] dataStyles = new CellStyle[columns.size()];
            CellStyle[] sumStyles = new CellStyle[columns.size()];
            CellStyle[] highlightStyles = new CellStyle[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                HorizontalAlignment a = switch (columns.get(i).align()) {
                    case LEFT -> HorizontalAlignment.LEFT;
                    case CENTER -> HorizontalAlignment.CENTER;
                    case RIGHT -> HorizontalAlignment.RIGHT;
                };
                dataStyles[i] = style(wb, false, true, a, (short) 10);
                sumStyles[i] = style(wb, true, true, a, (short) 10);
                highlightStyles[i] = style(wb, false, true, a, (short) 10);
                highlightStyles[i].setFillForegroundColor(IndexedColors.ROSE.getIndex());
                highlightStyles[i].setFillPattern(FillPatternType.SOLID_FOREGROUND);
                sheet.setColumnWidth(i, Math.min(255, Math.round(columns.get(i).width() * 0.55f) + 2) * 256);
            }
            int r = 0;
            Row titleRow = sheet.createRow(r++);
            Cell t = titleRow.createCell(0);
            t.setCellValue(header.title());
            t.setCellStyle(titleStyle);
            titleRow.setHeightInPoints(24);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(0, columns.size() - 1)));
            if (header.subtitle() != null && !header.subtitle().isEmpty()) {
                sheet.createRow(r++).createCell(0).setCellValue(header.subtitle());
            }
            int headerRow = r;
            Row head = sheet.createRow(r++);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(columns.get(i).header());
                c.setCellStyle(headStyle);
            }
            sheet.createFreezePane(0, r);
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(PdfRenderer.landscape(columns));
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);

            int[] next = {r};
            int[] count = {0};
            rows.accept(row -> {
                Row x = sheet.createRow(next[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    Cell c = x.createCell(i);
                    c.setCellValue(i < row.cells().size() && row.cells().get(i) != null ? row.cells().get(i) : "");
                    c.setCellStyle(switch (row.kind()) {
                        case DATA -> dataStyles[i];
                        case SUMMARY -> sumStyles[i];
                        case HIGHLIGHT -> highlightStyles[i];
                    });
                }
                if (++count[0] % CHUNK == 0) {
                    if (progress.cancelled()) {
                        throw new CancelledException();
                    }
                    progress.worked(count[0], expectedRows);
                }
            });
            if (header.footer() != null) {
                sheet.createRow(next[0] + 1).createCell(0).setCellValue(header.footer());
            }
            wb.write(out);
            progress.worked(count[0], count[0]);
        } finally {
            wb.close();
        }
    }

    private static CellStyle style(SXSSFWorkbook wb, boolean bold, boolean border, HorizontalAlignment align,
                                   short size) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(bold);
        f.setFontHeightInPoints(size);
        s.setFont(f);
        s.setAlignment(align);
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        if (bold && border) {
            s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return s;
    }
}
