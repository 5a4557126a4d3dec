package org.townshipledger.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;

/** Streaming reads with header aliases, streaming writes, and the cell parsers. */
class StreamingTableTest {

    private static final HeaderAliases ALIASES = new HeaderAliases(Map.of(
            "证件号码", List.of("身份证号", "身份证号码"), "村", List.of("行政村", "所在村"), "姓名", List.of("成员姓名")));

    @TempDir
    Path dir;

    @BeforeEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    record Read(SheetHeader header, List<String> rows) {
    }

    private static Read stream(Path f, List<String> required) {
        SheetHeader[] header = new SheetHeader[1];
        List<String> rows = new ArrayList<>();
        TableReader.stream(f, ALIASES, required, new TableReader.RowHandler() {
            @Override
            public void header(SheetHeader h) {
                header[0] = h;
            }

            @Override
            public boolean row(int line, List<String> cells) {
                rows.add(line + ":" + header[0].cell(cells, "姓名") + "/" + header[0].cell(cells, "证件号码") + "/"
                        + header[0].cell(cells, "村"));
                return true;
            }
        });
        return new Read(header[0], rows);
    }

    @Test
    void headerVariantsAreFoundUnderTitleRowsInAnyOrder() throws IOException {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "青石镇台账,,,\n,,,\n备注, 身份证号码 ,＊成员姓名：,行政村（社区）\n好,430599,张三,大石村\n\n,,,\n,430600,李四,\n",
                StandardCharsets.UTF_8);

        Read r = stream(f, List.of("姓名", "证件号码", "村"));

        assertThat(r.header().line()).isEqualTo(3);
        assertThat(r.header().cells()).containsExactly("备注", "身份证号码", "＊成员姓名：", "行政村（社区）");
        assertThat(r.header().columns()).containsEntry("证件号码", 1).containsEntry("姓名", 2).containsEntry("村", 3);
        assertThat(r.header().label("证件号码")).isEqualTo("身份证号码");
        assertThat(r.header().label("户编号")).isEqualTo("户编号");
        assertThat(r.rows()).containsExactly("4:张三/430599/大石村", "7:李四/430600/");
    }

    @Test
    void aLongSheetIsReadInOrderAndAHandlerThatStopsEarlyStopsTheReadingThread() throws IOException {
        Path f = dir.resolve("long.csv");
        StringBuilder csv = new StringBuilder("姓名,证件号码\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append("人").append(i).append(',').append(i).append('\n');
        }
        Files.writeString(f, csv, StandardCharsets.UTF_8);

        assertThat(stream(f, List.of("姓名")).rows()).hasSize(5000).startsWith("2:人1/1/").endsWith("5001:人5000/5000/");

        for (int stopAt : new int[] {1, 300, 4999}) {
            List<Integer> lines = new ArrayList<>();
            TableReader.stream(f, ALIASES, List.of("姓名"), new TableReader.RowHandler() {
                @Override
                public void header(SheetHeader h) {
                }

                @Override
                public boolean row(int line, List<String> cells) {
                    lines.add(line);
                    return lines.size() < stopAt;
                }
            });
            assertThat(lines).hasSize(stopAt);
            assertThat(Thread.getAllStackTraces().keySet()).as("reading threads left")
                    .noneMatch(t -> t.getName().equals("table-reader") && t.isAlive());
        }
    }

    @Test
    void noHeaderRowIsReportedWithTheCanonicalNames() throws IOException {
        Path f = dir.resolve("b.csv");
        Files.writeString(f, "名字,号码\n张三,1\n", StandardCharsets.UTF_8);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> stream(f, List.of("姓名", "证件号码")));

        assertThat(e.getMessage()).isEqualTo("没有找到表头行：表头应包含 姓名、证件号码");
    }

    @Test
    void whatTheHandlerThrowsComesThroughUnchanged() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "姓名,证件号码\n张三,1\n", StandardCharsets.UTF_8);

        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, () ->
                TableReader.stream(f, ALIASES, List.of("姓名"), new TableReader.RowHandler() {
                    @Override
                    public void header(SheetHeader h) {
                    }

                    @Override
                    public boolean row(int line, List<String> cells) {
                        throw new IllegalStateException("stop");
                    }
                }));

        assertThat(e).hasMessage("stop");
    }

    @Test
    void largeNumberCellsReadAsExcelShowsThemSmallOnesInFull() throws IOException {
        Path f = dir.resolve("n.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet();
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("姓名");
            h.createCell(1).setCellValue("证件号码");
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("张三");
            r.createCell(1).setCellValue(430523199001011234d);
            Row r2 = s.createRow(2);
            r2.createCell(0).setCellValue("李四");
            r2.createCell(1).setCellValue(430523700101123d);
            wb.write(out);
        }

        assertThat(stream(f, List.of("姓名")).rows()).containsExactly("2:张三/4.30523199001011E+17/",
                "3:李四/430523700101123/");
        assertThat(TableReader.numberText(new BigDecimal("4.3E+17"))).isEqualTo("4.3E+17");
        assertThat(TableReader.numberText(new BigDecimal("999999999999999"))).isEqualTo("999999999999999");
        assertThat(TableReader.numberText(new BigDecimal("1000000000000000"))).isEqualTo("1E+15");
        assertThat(TableReader.numberText(new BigDecimal("430599101201"))).isEqualTo("430599101201");
    }

    @Test
    void textFilesAreOpenedByTheDecodingRules() throws IOException {
        String text = "姓名,村\n张三,大石村\n".repeat(20_000);
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, text.getBytes(TextDecoding.GB18030));
        Path bom = dir.resolve("bom.csv");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        Files.write(bom, withBom);
        Path plain = dir.resolve("plain.csv");
        Files.write(plain, utf8);

        for (Path f : List.of(gbk, bom, plain)) {
            try (Reader r = TextDecoding.open(f)) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) > 0; ) {
                    sb.append(buf, 0, n);
                }
                assertThat(sb.toString()).as(f.toString()).isEqualTo(text);
            }
        }
    }

    @Test
    void sinkWritesRowByRowAndLeavesNothingWhenNotFinished() throws IOException {
        Path f = dir.resolve("out").resolve("s.xlsx");
        try (TableWriter.Sink sink = TableWriter.open(f, null, List.of("姓名", "证件号码"))) {
            sink.add(List.of("张三", "430523199001011234"));
            sink.add(java.util.Arrays.asList("李四", null));
            sink.finish();
        }
        Table t = TableReader.read(f, List.of("姓名"));
        assertThat(t.rows()).extracting(TableRow::line, r -> r.get("姓名"), r -> r.get("证件号码"))
                .containsExactly(tuple(2, "张三", "430523199001011234"), tuple(3, "李四", ""));

        Path g = dir.resolve("out").resolve("never.csv");
        try (TableWriter.Sink sink = TableWriter.open(g, "标题", List.of("姓名"))) {
            sink.add(List.of("张三"));
        }
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void cellParsers() {
        assertThat(CellValues.halfWidth(" １３８ ０００\u3000０Ａｂ ")).isEqualTo("1380000Ab");
        assertThat(CellValues.yesNo("是")).contains(true);
        assertThat(CellValues.yesNo(" √ ")).contains(true);
        assertThat(CellValues.yesNo("Ｙ")).contains(true);
        assertThat(CellValues.yesNo("否")).contains(false);
        assertThat(CellValues.yesNo("×")).contains(false);
        assertThat(CellValues.yesNo("也许")).isEmpty();
        assertThat(CellValues.integer("２０１９")).contains(2019);
        assertThat(CellValues.integer("2019年")).contains(2019);
        assertThat(CellValues.integer("2019.0")).contains(2019);
        assertThat(CellValues.integer("二〇一九")).isEmpty();
        assertThat(CellValues.decimal("8,650.5元")).contains(new BigDecimal("8650.5"));
        assertThat(CellValues.decimal("￥１２００")).contains(new BigDecimal("1200"));
        assertThat(CellValues.decimal("很多")).isEmpty();
        LocalDate d = LocalDate.of(1970, 3, 5);
        for (String s : new String[] {"1970-03-05", "1970/3/5", "1970.3.5", "1970年3月5日", "19700305",
            "1970-03-05 00:00:00", "25632", "２５６３２"}) {
            assertThat(CellValues.date(s)).as(s).contains(d);
        }
        assertThat(CellValues.date("1970-02-30")).isEmpty();
        assertThat(CellValues.date("三月五日")).isEmpty();
        assertThat(CellValues.date("")).isEqualTo(Optional.empty());
    }

    @Test
    void headerNormalisation() {
        assertThat(HeaderAliases.normalize(" * 出生 日期（yyyy-mm-dd）：")).isEqualTo("出生日期(yyyy-mm-dd)");
        assertThat(ALIASES.canonicalOf("出生日期")).isNull();
        assertThat(ALIASES.canonicalOf("身份证号（18位）")).isEqualTo("证件号码");
        assertThat(ALIASES.canonicalOf("村民小组")).isNull();
        assertThat(ALIASES.canonicalOf("所在村")).isEqualTo("村");
    }
}
