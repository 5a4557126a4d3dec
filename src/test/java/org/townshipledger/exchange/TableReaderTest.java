package org.townshipledger.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;

class TableReaderTest {

    private static final List<String> REQUIRED = List.of("村名", "村代码");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    @BeforeEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private static final String SIMPLE = "村名,村代码,类型\r\n大石村,430599101201,行政村\r\n龙泉社区,430599101001,社区\r\n";

    @Test
    void csvUtf8WithBom() throws IOException {
        Path f = write("bom.csv", concat(BOM, SIMPLE.getBytes(StandardCharsets.UTF_8)));

        Table t = TableReader.read(f, REQUIRED);

        assertThat(t.headers()).containsExactly("村名", "村代码", "类型");
        assertThat(t.rows()).extracting(TableRow::cells).containsExactly(
                Map.of("村名", "大石村", "村代码", "430599101201", "类型", "行政村"),
                Map.of("村名", "龙泉社区", "村代码", "430599101001", "类型", "社区"));
        assertThat(t.rows()).extracting(TableRow::line).containsExactly(2, 3);
    }

    @Test
    void csvUtf8WithoutBom() throws IOException {
        Path f = write("plain.csv", SIMPLE.getBytes(StandardCharsets.UTF_8));

        Table t = TableReader.read(f, REQUIRED);

        assertThat(t.headers()).containsExactly("村名", "村代码", "类型");
        assertThat(t.rows()).extracting(r -> r.get("村名")).containsExactly("大石村", "龙泉社区");
    }

    @Test
    void csvGb18030AsSavedByOldExcel() throws IOException {
        Path f = write("gbk.csv", SIMPLE.getBytes(Charset.forName("GB18030")));

        Table t = TableReader.read(f, REQUIRED);

        assertThat(t.headers()).containsExactly("村名", "村代码", "类型");
        assertThat(t.rows()).extracting(r -> r.get("村名")).containsExactly("大石村", "龙泉社区");
        assertThat(t.rows()).extracting(r -> r.get("类型")).containsExactly("行政村", "社区");
    }

    @Test
    void decodingRules() {
        String text = "村名,大石村";
        assertThat(TextDecoding.decode(concat(BOM, text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);
        assertThat(TextDecoding.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(TextDecoding.decode(text.getBytes(Charset.forName("GB18030")))).isEqualTo(text);
        assertThat(TextDecoding.decode("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo("abc");
        assertThat(TextDecoding.decode(new byte[0])).isEmpty();
    }

    @Test
    void titleRowsAboveHeaderAreSkippedAndLinesAreTheFilesLines() throws IOException {
        String csv = "青石镇村情一览（2025 年）,,\n"
                + ",,\n"
                + "村名,村代码,类型\n"
                + "大石村,430599101201,行政村\n"
                + "\n"
                + ",,\n"
                + "龙泉社区,430599101001,社区\n";
        Path f = write("title.csv", csv.getBytes(StandardCharsets.UTF_8));

        Table t = TableReader.read(f, REQUIRED);

        assertThat(t.headers()).containsExactly("村名", "村代码", "类型");
        assertThat(t.rows()).extracting(TableRow::line, r -> r.get("村名"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "大石村"),
                        org.assertj.core.groups.Tuple.tuple(7, "龙泉社区"));
    }

    @Test
    void columnsInAnyOrderAndUnknownColumnsIgnored() throws IOException {
        String csv = "备注,类型,村代码,联系人,村名\n"
                + "山区,社区,430599101001,张三,龙泉社区\n"
                + " , 行政村 ,430599101201,,\u3000大石村\u3000\n";
        Path f = write("order.csv", csv.getBytes(StandardCharsets.UTF_8));

        Table t = TableReader.read(f, List.of("村名", "类型"));

        assertThat(t.hasColumn("村名")).isTrue();
        assertThat(t.hasColumn("户数")).isFalse();
        assertThat(t.rows()).hasSize(2);
        TableRow first = t.rows().get(0);
        assertThat(first.get("村名")).isEqualTo("龙泉社区");
        assertThat(first.get("类型")).isEqualTo("社区");
        assertThat(first.get("村代码")).isEqualTo("430599101001");
        assertThat(first.get("户数")).isEmpty();
        TableRow second = t.rows().get(1);
        assertThat(second.get("村名")).as("full-width spaces stripped").isEqualTo("大石村");
        assertThat(second.get("类型")).isEqualTo("行政村");
        assertThat(second.get("备注")).isEmpty();
    }

    @Test
    void shortRowsGiveEmptyCells() throws IOException {
        Path f = write("short.csv", "村名,村代码,类型\n大石村\n".getBytes(StandardCharsets.UTF_8));

        Table t = TableReader.read(f, REQUIRED);

        assertThat(t.rows()).singleElement().satisfies(r -> {
            assertThat(r.get("村名")).isEqualTo("大石村");
            assertThat(r.get("村代码")).isEmpty();
            assertThat(r.get("类型")).isEmpty();
        });
    }

    @Test
    void quotedCellsWithCommas() throws IOException {
        Path f = write("quoted.csv",
                "村名,村代码,村民小组\n大石村,430599101201,\"一组,二组\"\n".getBytes(StandardCharsets.UTF_8));

        assertThat(TableReader.read(f, REQUIRED).rows().get(0).get("村民小组")).isEqualTo("一组,二组");
    }

    @Test
    void xlsxWithTitleRowAndNumericCode() throws IOException {
        Path f = dir.resolve("villages.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet sheet = wb.createSheet("村庄");
            sheet.createRow(0).createCell(0).setCellValue("青石镇村情一览");
            Row head = sheet.createRow(1);
            head.createCell(0).setCellValue("村代码");
            head.createCell(1).setCellValue("村名");
            head.createCell(2).setCellValue("户数");
            head.createCell(3).setCellValue("出列年度");
            Row r1 = sheet.createRow(2);
            r1.createCell(0).setCellValue(430599101201d);
            r1.createCell(1).setCellValue("大石村");
            r1.createCell(2).setCellValue(320);
            r1.createCell(3).setCellValue(2019);
            Row r2 = sheet.createRow(3);
            r2.createCell(0).setCellValue("430599101001");
            r2.createCell(1).setCellValue(" 龙泉社区 ");
            // Row 5 (index 4) left out entirely; row 6 has only blank cells.
            Row blank = sheet.createRow(5);
            blank.createCell(0).setCellValue("");
            blank.createCell(1).setBlank();
            Row r3 = sheet.createRow(6);
            r3.createCell(1).setCellValue("白云村");
            r3.createCell(2).setCellValue(1.5);
            wb.write(out);
            assertThat(r1.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
        }

        Table t = TableReader.read(f, REQUIRED);

        assertThat(t.headers()).containsExactly("村代码", "村名", "户数", "出列年度");
        assertThat(t.rows()).extracting(TableRow::line).containsExactly(3, 4, 7);
        TableRow first = t.rows().get(0);
        assertThat(first.get("村代码")).isEqualTo("430599101201");
        assertThat(first.get("村名")).isEqualTo("大石村");
        assertThat(first.get("户数")).isEqualTo("320");
        assertThat(first.get("出列年度")).isEqualTo("2019");
        assertThat(t.rows().get(1).get("村代码")).isEqualTo("430599101001");
        assertThat(t.rows().get(1).get("村名")).isEqualTo("龙泉社区");
        assertThat(t.rows().get(2).get("村代码")).isEmpty();
        assertThat(t.rows().get(2).get("户数")).isEqualTo("1.5");
    }

    @Test
    void missingHeaderIsReported() throws IOException {
        Path f = write("noheader.csv", "名称,代码\n大石村,430599101201\n".getBytes(StandardCharsets.UTF_8));

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> TableReader.read(f, REQUIRED));

        assertThat(ex.getMessage()).contains("表头").contains("村名").contains("村代码");
    }

    @Test
    void headerWithOnlySomeRequiredColumnsIsNotAHeader() throws IOException {
        Path f = write("partial.csv", "村名,类型\n大石村,行政村\n".getBytes(StandardCharsets.UTF_8));

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> TableReader.read(f, REQUIRED));

        assertThat(ex.getMessage()).isEqualTo("没有找到表头行：表头应包含 村名、村代码");
    }

    @Test
    void missingFileIsReported() {
        Path f = dir.resolve("nowhere.csv");

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> TableReader.read(f, REQUIRED));

        assertThat(ex.getMessage()).startsWith("找不到文件").contains("nowhere.csv");
    }

    @Test
    void brokenXlsxIsReportedAsUnreadable() throws IOException {
        Path f = write("broken.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8));

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> TableReader.read(f, REQUIRED));

        assertThat(ex.getMessage()).startsWith("无法读取文件 broken.xlsx");
    }

    @Test
    void writerCsvHasBomTitleAndHeaderAndReadsBack() throws IOException {
        Path f = dir.resolve("out").resolve("villages.csv");
        TableWriter.write(f, "青石镇 村情一览（2025 年）", List.of("村名", "村代码"),
                List.of(List.of("大石村", "430599101201"), List.of("龙泉社区", "")));

        byte[] bytes = Files.readAllBytes(f);
        assertThat(bytes).startsWith(BOM);
        assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1).lines())
                .containsExactly("青石镇 村情一览（2025 年）", "村名,村代码", "大石村,430599101201", "龙泉社区,");
        Table t = TableReader.read(f, REQUIRED);
        assertThat(t.rows()).extracting(TableRow::line, r -> r.get("村代码")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "430599101201"), org.assertj.core.groups.Tuple.tuple(4, ""));
        try (var files = Files.list(f.getParent())) {
            assertThat(files).as("no temp file left").containsExactly(f);
        }
    }

    @Test
    void writerXlsxKeepsCodesAsTextAndReadsBack() throws IOException {
        Path f = dir.resolve("villages.xlsx");
        TableWriter.write(f, "青石镇 村情一览（2025 年）", List.of("村名", "村代码"),
                List.of(List.of("大石村", "430599101201"), List.of("龙泉社区", "")));

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("青石镇 村情一览（2025 年）");
            assertThat(s.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.STRING);
        }
        Table t = TableReader.read(f, REQUIRED);
        assertThat(t.rows()).extracting(TableRow::line, r -> r.get("村名"), r -> r.get("村代码")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "大石村", "430599101201"),
                org.assertj.core.groups.Tuple.tuple(4, "龙泉社区", ""));
    }

    @Test
    void xlsxDateCellsReadAsIsoDatesWhateverTheirFormat() throws IOException {
        Path f = dir.resolve("dates.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet();
            Row head = s.createRow(0);
            head.createCell(0).setCellValue("村名");
            head.createCell(1).setCellValue("村代码");
            head.createCell(2).setCellValue("日期");
            org.apache.poi.ss.usermodel.CellStyle builtIn = wb.createCellStyle();
            builtIn.setDataFormat((short) 14);
            org.apache.poi.ss.usermodel.CellStyle chinese = wb.createCellStyle();
            chinese.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Row a = s.createRow(1);
            a.createCell(0).setCellValue("大石村");
            a.createCell(1).setCellValue(430599101201d);
            a.createCell(2).setCellValue(java.time.LocalDate.of(2024, 3, 1));
            a.getCell(2).setCellStyle(builtIn);
            Row b = s.createRow(2);
            b.createCell(0).setCellValue("龙泉社区");
            b.createCell(1).setCellValue(430599101001d);
            b.createCell(2).setCellValue(java.time.LocalDate.of(2023, 12, 31));
            b.getCell(2).setCellStyle(chinese);
            wb.write(out);
        }

        Table t = TableReader.read(f, REQUIRED);

        assertThat(t.rows()).extracting(r -> r.get("村代码"), r -> r.get("日期")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("430599101201", "2024-03-01"),
                org.assertj.core.groups.Tuple.tuple("430599101001", "2023-12-31"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
