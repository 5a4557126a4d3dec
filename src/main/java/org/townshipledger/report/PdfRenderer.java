package org.townshipledger.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;

/**
 * Writes a sheet as an A4 PDF: portrait, or landscape when the columns are wider than a portrait page;
 * the header row repeated on every page; "第 x 页 共 y 页" and the 制表人 / 审核人 / 日期 line at the foot of
 * every page. Rows are added in chunks so a long table does not pile up in memory.
 */
final class PdfRenderer {

    /** Width a portrait A4 page offers between its margins, in millimetres. */
    static final float PORTRAIT_WIDTH_MM = 180f;
    private static final float MARGIN = mm(15);
    private static final int CHUNK = 200;
    private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF0);
    private static final Color SUMMARY_FILL = new Color(0xF0, 0xF0, 0xF0);
    private static final Color HIGHLIGHT_FILL = new Color(0xFD, 0xE2, 0xE1);

    private PdfRenderer() {
    }

    static boolean landscape(List<Column> columns) {
        return columns.stream().map(Column::width).reduce(0f, Float::sum) > PORTRAIT_WIDTH_MM;
    }

    static void write(OutputStream out, BaseFont font, ReportHeader header, List<Column> columns,
                      Consumer<Consumer<ReportRow>> rows, int expectedRows, Progress progress) {
        Rectangle page = landscape(columns) ? PageSize.A4.rotate() : PageSize.A4;
        Document doc = new Document(page, MARGIN, MARGIN, MARGIN, MARGIN + mm(8));
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(new Footer(font, header.footer()));
        doc.addTitle(header.title());
        doc.addCreator(Messages.get("app.title"));
        doc.open();

        Paragraph title = new Paragraph(header.title(), new Font(font, 16, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        if (header.subtitle() != null && !header.subtitle().isEmpty()) {
            Paragraph sub = new Paragraph(header.subtitle(), new Font(font, 10));
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(6);
            doc.add(sub);
        }

        Font cellFont = new Font(font, 9);
        Font boldFont = new Font(font, 9, Font.BOLD);
        PdfPTable table = new PdfPTable(columns.size());
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).width();
        }
        table.setWidths(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        for (Column c : columns) {
            PdfPCell cell = cell(c.header(), boldFont, Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEADER_FILL);
            table.addCell(cell);
        }
        int[] count = {0};
        rows.accept(row -> {
            for (int i = 0; i < columns.size(); i++) {
                String text = i < row.cells().size() ? row.cells().get(i) : "";
                PdfPCell cell = cell(text, row.summary() ? boldFont : cellFont, align(columns.get(i).align()));
                if (row.kind() != ReportRow.Kind.DATA) {
                    cell.setBackgroundColor(row.summary() ? SUMMARY_FILL : HIGHLIGHT_FILL);
                }
                table.addCell(cell);
            }
            if (++count[0] % CHUNK == 0) {
                if (progress.cancelled()) {
                    throw new CancelledException();
                }
                doc.add(table);
                progress.worked(count[0], expectedRows);
            }
        });
        table.setComplete(true);
        doc.add(table);
        progress.worked(count[0], count[0]);
        doc.close();
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPaddingTop(2.5f);
        cell.setPaddingBottom(4f);
        cell.setBorderWidth(0.5f);
        return cell;
    }

    private static int align(Column.Align a) {
        return switch (a) {
            case LEFT -> Element.ALIGN_LEFT;
            case CENTER -> Element.ALIGN_CENTER;
            case RIGHT -> Element.ALIGN_RIGHT;
        };
    }

    static float mm(float millimetres) {
        return millimetres / 25.4f * 72f;
    }

    /** The foot of every page; the page total is filled in when the document closes. */
    private static final class Footer extends PdfPageEventHelper {
        private static final float SIZE = 9;
        private final BaseFont font;
        private final String line;
        private PdfTemplate total;

        Footer(BaseFont font, String line) {
            this.font = font;
            this.line = line;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(font.getWidthPoint(Messages.get("report.pageTotal", 99999), SIZE),
                    SIZE * 1.5f);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float y = document.bottom() - mm(7);
            String pageText = Messages.get("report.page", writer.getPageNumber());
            float pageWidth = font.getWidthPoint(pageText, SIZE) + SIZE / 2;
            float x = document.right() - pageWidth - total.getWidth();
            cb.beginText();
            cb.setFontAndSize(font, SIZE);
            cb.setTextMatrix(document.left(), y);
            cb.showText(line);
            cb.setTextMatrix(x, y);
            cb.showText(pageText);
            cb.endText();
            cb.addTemplate(total, x + pageWidth, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, SIZE);
            total.setTextMatrix(0, 0);
            total.showText(Messages.get("report.pageTotal", writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
