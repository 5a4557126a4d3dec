package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;

/** The PDF table as drawn by {@link PdfRenderer}: pages, header, page numbers, and text that wraps. */
class PdfRendererTest {

    private static final String LONG_CHINESE = "这是一段很长的说明文字，需要在单元格里换行才能放下，一个字也不能少。";
    private static final String LONG_LATIN = "Several English words that wrap at their spaces";

    private static BaseFont font;

    @BeforeAll
    static void font() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        font = CjkFont.get(null);
    }

    @Test
    void everyPageHasTheHeaderAndItsNumberAndLongTextWrapsWithinItsCell() throws Exception {
        List<Column> columns = List.of(Column.center("序号", 12), Column.left("名称", 25), Column.left("说明", 30),
                Column.right("数量", 15));
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            String note = i == 5 ? LONG_CHINESE : i == 6 ? LONG_LATIN : "";
            rows.add(ReportRow.data(List.of(Integer.toString(i), "名称" + i, note, Integer.toString(i * 3))));
        }
        rows.add(ReportRow.highlight(List.of("", "要注意的一行", "", "")));
        rows.add(ReportRow.summary(List.of("", "合计", "", "33975")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PdfRenderer.write(out, font, new ReportHeader("青石镇 测试表（2025 年）", "示范县", "制表人：李明"), columns,
                sink -> rows.forEach(sink), rows.size(), Progress.NONE);

        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isBetween(3, 6);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).as("portrait").isLessThan(box.getHeight());
            PDFTextStripper stripper = new PDFTextStripper();
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                assertThat(text).as("page %d", p).contains("序号").contains("名称").contains("说明").contains("数量")
                        .contains("第 " + p + " 页").contains("共 " + pages + " 页").contains("制表人：李明");
                all.append(text);
            }
            String text = all.toString().replaceAll("[ \\t]+", " ");
            assertThat(text).contains("青石镇 测试表（2025 年）").contains("名称150 450").contains("要注意的一行")
                    .contains("合计 33975");
            // Wrapped: not on one line, but all there in order.
            assertThat(text).doesNotContain(LONG_CHINESE).doesNotContain(LONG_LATIN);
            String squeezed = text.replaceAll("\\s+", "");
            assertThat(squeezed).contains(LONG_CHINESE).contains(LONG_LATIN.replace(" ", ""));
            assertThat(text).contains("Several").contains("English").contains("spaces");
        }
    }

    @Test
    void wrapBreaksChineseAnywhereButBeforeClosingPunctuationAndLatinAtSpaces() {
        float room = font.getWidthPoint("一二三四五", 9) + 0.1f;

        assertThat(PdfRenderer.Grid.wrap(font, 9, "一二三四五六七八九十", room)).containsExactly("一二三四五", "六七八九十");
        assertThat(PdfRenderer.Grid.wrap(font, 9, "一二三四五，六七", room)).containsExactly("一二三四五，", "六七");
        assertThat(PdfRenderer.Grid.wrap(font, 9, "一二\n三", room)).containsExactly("一二", "三");
        float words = Math.max(font.getWidthPoint("alpha beta", 9), font.getWidthPoint("gamma delta", 9)) + 0.1f;
        assertThat(PdfRenderer.Grid.wrap(font, 9, "alpha beta gamma delta", words))
                .containsExactly("alpha beta", "gamma delta");
        assertThat(PdfRenderer.Grid.wrap(font, 9, "一", 1f)).containsExactly("一");
    }
}
