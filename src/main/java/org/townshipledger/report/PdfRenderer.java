package org.townshipledger.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;

/**
 * Writes a sheet as an A4 PDF: portrait, or landscape when the columns are wider than a portrait page;
 * the header row repeated on every page; "第 x 页 共 y 页" and the 制表人 / 审核人 / 日期 line at the foot of
 * every page.
 *
 * <p>The table is drawn straight onto each page (text, fills and one path of grid lines per page) instead of
 * through OpenPDF's {@code PdfPTable}: that lays every cell out twice (once to measure the row, once to write it)
 * through its general text engine, which made a 30,000-row register take several seconds. Our cells are plain
 * text in one font, so a row is measured with the font's widths, wrapped only when it does not fit, and
 * written once; the page is finished before the next row could overflow it, so memory stays flat however long
 * the table is.
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

        Grid grid = new Grid(writer, doc, font, columns);
        grid.startPage(writer.getVerticalPosition(true));
        int[] count = {0};
        rows.accept(row -> {
            grid.row(row);
            if (++count[0] % CHUNK == 0) {
                if (progress.cancelled()) {
                    throw new CancelledException();
                }
                progress.worked(count[0], expectedRows);
            }
        });
        grid.finishPage();
        progress.worked(count[0], count[0]);
        doc.close();
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

    /**
     * The table on the pages: the header at the top of each page's table, then rows down to the bottom margin;
     * a row that would not fit starts the next page. Grid lines are collected and stroked once per page.
     */
    static final class Grid {
        static final float SIZE = 9;
        /** Distance between the baselines of a cell's lines. */
        static final float LEADING = 11f;
        static final float PAD_X = 2f;
        static final float PAD_TOP = 2.5f;
        static final float PAD_BOTTOM = 2f;
        static final float BORDER = 0.5f;
        /** Where a line's baseline sits below the top of its line box: CJK glyphs centred in it. */
        private static final float BASELINE = LEADING / 2 + SIZE * 0.36f;
        /** Characters that must not begin a line (Chinese punctuation closes on the line before). */
        private static final String NO_LINE_START = "、，。；：？！）》」』】,.;:?!)";

        private final PdfWriter writer;
        private final Document doc;
        private final BaseFont font;
        private final float[] x;
        private final int[] align;
        private final String[] headers;
        private final int columns;
        /** The cells of the row being added (the header is measured in between when it starts a page). */
        private final String[] cells;
        /** The row being drawn: its texts, their widths, and their lines when wrapped (else null). */
        private final String[] texts;
        private final float[] widths;
        private final String[][] wrapped;
        /** The y of every horizontal line on this page, top first. */
        private float[] lines = new float[64];
        private int lineCount;
        private float y;
        private int rowsOnPage;
        /** Where the text line drawn last in this text object starts (a text object starts at 0, 0). */
        private float lineX;
        private float lineY;

        Grid(PdfWriter writer, Document doc, BaseFont font, List<Column> cols) {
            this.writer = writer;
            this.doc = doc;
            this.font = font;
            this.columns = cols.size();
            float total = 0;
            for (Column c : cols) {
                total += c.width();
            }
            float left = doc.left();
            float width = doc.right() - doc.left();
            x = new float[columns + 1];
            align = new int[columns];
            headers = new String[columns];
            float sum = 0;
            for (int i = 0; i < columns; i++) {
                x[i] = left + width * sum / total;
                sum += cols.get(i).width();
                align[i] = align(cols.get(i).align());
                headers[i] = cols.get(i).header() == null ? "" : cols.get(i).header();
            }
            x[columns] = left + width;
            cells = new String[columns];
            texts = new String[columns];
            widths = new float[columns];
            wrapped = new String[columns][];
        }

        /** Begins the table at {@code top} on the current page, with the header row. */
        void startPage(float top) {
            y = top;
            lineCount = 0;
            rowsOnPage = 0;
            addLine(y);
            measure(headers);
            draw(HEADER_FILL, true, true, height());
        }

        void row(ReportRow row) {
            List<String> values = row.cells();
            for (int i = 0; i < columns; i++) {
                String s = i < values.size() ? values.get(i) : null;
                cells[i] = s == null ? "" : s;
            }
            measure(cells);
            float h = height();
            if (y - h < doc.bottom() && rowsOnPage > 0) {
                finishPage();
                doc.newPage();
                startPage(doc.top());
                measure(cells);
            }
            draw(switch (row.kind()) {
                case DATA -> null;
                case SUMMARY -> SUMMARY_FILL;
                case HIGHLIGHT -> HIGHLIGHT_FILL;
            }, row.summary(), false, h);
            rowsOnPage++;
        }

        /** Strokes the grid of the rows on this page. */
        void finishPage() {
            PdfContentByte cb = writer.getDirectContent();
            cb.setLineWidth(BORDER);
            float left = x[0];
            float right = x[columns];
            for (int i = 0; i < lineCount; i++) {
                cb.moveTo(left, lines[i]);
                cb.lineTo(right, lines[i]);
            }
            float top = lines[0];
            for (float at : x) {
                cb.moveTo(at, top);
                cb.lineTo(at, y);
            }
            cb.stroke();
        }

        private void addLine(float at) {
            if (lineCount == lines.length) {
                lines = java.util.Arrays.copyOf(lines, lineCount * 2);
            }
            lines[lineCount++] = at;
        }

        /** Fills {@link #texts}, {@link #widths} and {@link #wrapped} for these cell texts. */
        private void measure(String[] values) {
            System.arraycopy(values, 0, texts, 0, columns);
            for (int i = 0; i < columns; i++) {
                String s = texts[i];
                float room = x[i + 1] - x[i] - 2 * PAD_X;
                float w = s.isEmpty() ? 0 : font.getWidthPoint(s, SIZE);
                widths[i] = w;
                wrapped[i] = w > room || s.indexOf('\n') >= 0 ? wrap(font, SIZE, s, room) : null;
            }
        }

        private float height() {
            int most = 1;
            for (String[] w : wrapped) {
                if (w != null && w.length > most) {
                    most = w.length;
                }
            }
            return most * LEADING + PAD_TOP + PAD_BOTTOM;
        }

        private void draw(Color fill, boolean bold, boolean centred, float h) {
            PdfContentByte cb = writer.getDirectContent();
            float top = y;
            float bottom = y - h;
            if (fill != null) {
                cb.setColorFill(fill);
                cb.rectangle(x[0], bottom, x[columns] - x[0], h);
                cb.fill();
                cb.setColorFill(Color.BLACK);
            }
            cb.beginText();
            lineX = 0;
            lineY = 0;
            cb.setFontAndSize(font, SIZE);
            if (bold) {
                // As OpenPDF draws Font.BOLD with a regular face: the outline stroked as well.
                cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
                cb.setLineWidth(SIZE / 30f);
            }
            for (int i = 0; i < columns; i++) {
                String[] many = wrapped[i];
                if (many == null) {
                    if (!texts[i].isEmpty()) {
                        float baseline = top - PAD_TOP - (h - PAD_TOP - PAD_BOTTOM - LEADING) / 2 - BASELINE;
                        show(cb, texts[i], widths[i], i, centred, baseline);
                    }
                } else {
                    float first = top - PAD_TOP - (h - PAD_TOP - PAD_BOTTOM - many.length * LEADING) / 2 - BASELINE;
                    for (int k = 0; k < many.length; k++) {
                        show(cb, many[k], font.getWidthPoint(many[k], SIZE), i, centred, first - k * LEADING);
                    }
                }
            }
            if (bold) {
                cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
            }
            cb.endText();
            y = bottom;
            addLine(y);
        }

        private void show(PdfContentByte cb, String text, float width, int column, boolean centred, float baseline) {
            if (text.isEmpty()) {
                return;
            }
            float at = switch (centred ? Element.ALIGN_CENTER : align[column]) {
                case Element.ALIGN_CENTER -> (x[column] + x[column + 1] - width) / 2;
                case Element.ALIGN_RIGHT -> x[column + 1] - PAD_X - width;
                default -> x[column] + PAD_X;
            };
            // Relative to the line before ("dx dy Td"): two numbers to format instead of a matrix's six.
            cb.moveText(at - lineX, baseline - lineY);
            lineX = at;
            lineY = baseline;
            cb.showText(text);
        }

        /**
         * Breaks a text into lines no wider than {@code room}: at a line break, else after the last space when the
         * text is Latin, else before the character that would overflow (Chinese breaks between any two characters,
         * except before closing punctuation). A single character wider than the room gets a line of its own.
         */
        static String[] wrap(BaseFont font, float size, String text, float room) {
            List<String> out = new ArrayList<>();
            for (String paragraph : text.split("\n", -1)) {
                int start = 0;
                int n = paragraph.length();
                while (start < n) {
                    int end = start;
                    float used = 0;
                    int lastSpace = -1;
                    while (end < n) {
                        int cp = paragraph.codePointAt(end);
                        int next = end + Character.charCount(cp);
                        float w = font.getWidthPoint(paragraph.substring(end, next), size);
                        boolean closing = NO_LINE_START.indexOf(cp) >= 0;
                        if (used + w > room && end > start && !closing) {
                            break;
                        }
                        if (cp == ' ') {
                            lastSpace = end;
                        }
                        used += w;
                        end = next;
                    }
                    if (end < n && lastSpace > start && isLatin(paragraph.codePointAt(end))) {
                        end = lastSpace + 1;
                    }
                    out.add(paragraph.substring(start, end).strip());
                    start = end;
                    while (start < n && paragraph.charAt(start) == ' ') {
                        start++;
                    }
                }
                if (n == 0) {
                    out.add("");
                }
            }
            return out.toArray(String[]::new);
        }

        private static boolean isLatin(int cp) {
            return cp < 0x2E80 && Character.isLetterOrDigit(cp);
        }
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
