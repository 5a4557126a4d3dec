package org.townshipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.AssignmentImport;
import org.townshipledger.cadre.CadreImport;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;

/** {@code units|cadres|assignments import|export} through {@link Cli#run}, on real ledger files. */
class CadreCliTest {

    private static final String LI_ID = IdNumber.make("430599", LocalDate.of(1985, 6, 1), 13);

    @TempDir
    Path dir;

    private String ledger;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void createLedger() throws IOException {
        ledger = dir.resolve("ledger").toString();
        assertThat(run("init", "--data-dir", ledger, "--township", "青石镇", "--county", "示范县", "--year", "2025")
                .code()).isZero();
        Path villages = write("villages.csv", "村名,是否贫困村\n大石村,是\n龙泉村,否\n", StandardCharsets.UTF_8);
        assertThat(run("villages", "import", villages.toString(), "--data-dir", ledger).code()).isZero();
    }

    @AfterEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("--lang")) {
            all.add("--lang");
            all.add("zh");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), (d, l) -> { });
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(charset));
        return f;
    }

    private void importAll() throws IOException {
        Path units = write("units.csv", "单位名称,级别,类型,联系人,联系电话\n县农业农村局,县/旗,机关单位,刘科长,\n"
                + "县财政局,县/旗,机关单位,,\n", StandardCharsets.UTF_8);
        Path cadres = write("cadres.csv", "姓名,性别,出生日期,身份证号,联系电话,工作单位,级别,是否党员,备注\n"
                + "李明,男,1985-06-01," + LI_ID + ",13912345678,县农业农村局,科级,是,\n"
                + "王芳,女,1992/2/3,,,县财政局,一般干部,否,\n", Charset.forName("GB18030"));
        Path postings = write("postings.csv", "姓名,身份证号,村,职务,开始日期,结束日期,派出单位,离任原因\n"
                + "李明," + LI_ID + ",大石村,驻村第一书记,2024年3月1日,,县农业农村局,\n"
                + "王芳,,龙泉村,包村干部,20240301,,,\n", StandardCharsets.UTF_8);

        Result u = run("units", "import", units.toString(), "--data-dir", ledger);
        Result c = run("cadres", "import", cadres.toString(), "--data-dir", ledger);
        Result a = run("assignments", "import", postings.toString(), "--data-dir", ledger);

        assertThat(u.out().strip()).isEqualTo("导入完成：新增 2 个单位，更新 0 个");
        assertThat(c.out().strip()).isEqualTo("导入完成：新增 2 名干部，更新 0 名");
        assertThat(a.out().strip()).isEqualTo("导入完成：新增 2 条任职记录，更新 0 条");
        assertThat(List.of(u.code(), c.code(), a.code())).containsOnly(0);
    }

    @Test
    void importsUnitsCadresAndPostingsThenListsThem() throws IOException {
        importAll();

        Result cadres = run("cadres", "list", "--data-dir", ledger);
        assertThat(cadres.out()).contains("李明").contains("430599********" + LI_ID.substring(14)).contains("王芳")
                .doesNotContain(LI_ID);
        Result postings = run("assignments", "list", "--village", "大石村", "--data-dir", ledger);
        assertThat(postings.out()).contains("驻村第一书记").contains("李明").contains("2024-03-01")
                .contains("县农业农村局").doesNotContain("王芳");
    }

    @Test
    void aBadFileExitsOneListsEveryProblemOnStderrAndWritesNothing() throws IOException {
        importAll();
        Path bad = write("bad.csv", "姓名,村,职务,开始日期\n"
                + "李明,龙泉村,驻村工作队员,2025-01-01\n"   // overlaps his first-secretary posting
                + "张三,大石村,后备干部,2025-01-01\n"       // no such cadre
                + "王芳,大石村,后备干部,明年\n", StandardCharsets.UTF_8);

        Result r = run("assignments", "import", bad.toString(), "--data-dir", ledger);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("发现 3 处问题，未写入任何数据")
                .contains("第 2 行，开始日期：李明 在此期间已在 大石村 任 驻村第一书记（2024-03-01 至 至今）")
                .contains("第 3 行，姓名：台账里没有名叫“张三”的干部")
                .contains("第 4 行，开始日期：“明年”不是日期");
        assertThat(run("assignments", "list", "--data-dir", ledger).out().lines().count())
                .as("header and the two postings").isEqualTo(3);
    }

    @Test
    void exportsMaskedOrFullAndByVillage() throws IOException {
        importAll();
        Path masked = dir.resolve("out/cadres.xlsx");
        Path full = dir.resolve("out/cadres-full.csv");
        Path postings = dir.resolve("out/postings.xlsx");

        Result m = run("cadres", "export", "--out", masked.toString(), "--data-dir", ledger);
        Result f = run("cadres", "export", "--out", full.toString(), "--full-id", "--data-dir", ledger);
        Result p = run("assignments", "export", "--out", postings.toString(), "--village", "大石村",
                "--data-dir", ledger);

        assertThat(m.out().strip()).isEqualTo("已导出 2 名干部到 " + masked.toAbsolutePath());
        assertThat(TableReader.read(masked, CadreImport.HEADERS).rows()).extracting(r -> r.get("身份证号"))
                .containsExactly("430599********" + LI_ID.substring(14), "");
        assertThat(f.code()).isZero();
        assertThat(TableReader.read(full, CadreImport.HEADERS).rows()).extracting(r -> r.get("身份证号"))
                .containsExactly(LI_ID, "");
        assertThat(p.out().strip()).isEqualTo("已导出 1 条任职记录到 " + postings.toAbsolutePath());
        Table t = TableReader.read(postings, AssignmentImport.HEADERS);
        assertThat(t.rows()).extracting(TableRow::cells).extracting(c -> c.get("姓名") + "|" + c.get("村") + "|"
                + c.get("职务") + "|" + c.get("开始日期")).containsExactly("李明|大石村|驻村第一书记|2024-03-01");

        // The exports import back unchanged.
        assertThat(run("cadres", "import", masked.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("导入完成：新增 0 名干部，更新 2 名");
        assertThat(run("assignments", "import", postings.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("导入完成：新增 0 条任职记录，更新 1 条");

        Result unknown = run("assignments", "export", "--out", postings.toString(), "--village", "花果山村",
                "--data-dir", ledger);
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void unitsRoundTripAndAMissingLedgerExitsThree() throws IOException {
        importAll();
        Path units = dir.resolve("units.xlsx");
        assertThat(run("units", "export", "--out", units.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("已导出 2 个单位到 " + units.toAbsolutePath());
        assertThat(run("units", "import", units.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("导入完成：新增 0 个单位，更新 2 个");

        Result missing = run("units", "import", units.toString(), "--data-dir", dir.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("找不到台账文件");
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void helpNamesTheNewCommands() {
        assertThat(run("cadres", "--help").out()).contains("import").contains("export");
        assertThat(run("assignments", "import", "--help").out()).contains("开始日期").contains("全部不写入");
        assertThat(run("cadres", "export", "--help", "--lang", "en").out()).contains("--full-id")
                .contains("masked");
    }
}
