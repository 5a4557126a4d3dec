package org.townshipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.Messages;

/** {@code grades import|export|tally|reviews import|reviews export}, {@code check grading}, through {@link Cli#run}. */
class GradingCliTest {

    @TempDir
    Path dir;

    private String ledger;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeEach
    void createLedger() throws IOException {
        ledger = dir.resolve("ledger").toString();
        assertThat(run("init", "--data-dir", ledger, "--township", "青石镇", "--county", "示范县", "--year", "2025")
                .code()).isZero();
        assertThat(run("villages", "import", write("villages.csv", "村名,是否贫困村\n安乐村,否\n白石村,否\n陈家村,否\n"
                + "东山村,否\n").toString(), "--data-dir", ledger).code()).isZero();
    }

    @AfterEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--lang");
        all.add("zh");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), (d, l) -> { });
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private String gradesCount() {
        return run("stats", "--data-dir", ledger).lines().stream().filter(l -> l.startsWith("grades\t")).findFirst()
                .orElseThrow();
    }

    @Test
    void importThenTallyPrintsTheGradesAndTheMovement() throws IOException {
        Path f = write("grades.csv", "村名,年度,格次,党员互评,群众测评,支部考评,满意率\n"
                + "安乐村,2024,较差,,,,\n"
                + "白石村,2024,一般,,,,\n"
                + "陈家村,2024,好,,,,\n"
                + "东山村,2024,较好,,,,\n"
                + "安乐村,2025,,70,70,70,55%\n"
                + "白石村,2025,好类,,,,\n"
                + "陈家村,2025,较好,,,,\n"
                + "东山村,2025,较好,,,,\n");
        Result imported = run("grades", "import", f.toString(), "--data-dir", ledger);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out().strip()).isEqualTo("导入完成：新增 8 条格次评定，更新 0 条");

        Result tally = run("grades", "tally", "--year", "2025", "--data-dir", ledger);
        assertThat(tally.code()).isZero();
        // 安乐村 较差 → 一般 (from the scores: 70) 升; 白石村 一般 → 好 升; 陈家村 好 → 较好 降; 东山村 持平.
        assertThat(tally.lines()).containsExactly("好\t1", "较好\t2", "一般\t1", "较差\t0", "升\t2", "降\t1", "持平\t1");
        assertThat(tally.err()).isEmpty();

        Result check = run("check", "grading", "--year", "2025", "--data-dir", ledger);
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("安乐村", "满意率偏低，限期整改", "55%");

        assertThat(gradesCount()).isEqualTo("grades\t8");
    }

    @Test
    void aBadGradeNameWritesNothing() throws IOException {
        assertThat(run("grades", "import", write("ok.csv", "村名,年度,格次\n安乐村,2024,一般\n").toString(),
                "--data-dir", ledger).code()).isZero();
        Path f = write("bad.csv", "村名,年度,格次\n"
                + "安乐村,2025,好\n"
                + "白石村,2025,很好\n"
                + "陈家村,2025,较好\n"
                + "安乐村,2024,好\n");
        Result r = run("grades", "import", f.toString(), "--data-dir", ledger);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("第 3 行").contains("格次“很好”无法识别");
        assertThat(gradesCount()).isEqualTo("grades\t1");
        assertThat(run("grades", "tally", "--year", "2024", "--data-dir", ledger).lines()).startsWith("好\t0",
                "较好\t0", "一般\t1");
    }

    @Test
    void anOverrideWithoutAReasonIsRefusedAndExportImportsBack() throws IOException {
        Path f = write("g.csv", "村名,年度,格次,党员互评,群众测评,支部考评\n安乐村,2025,好,80,80,80\n");
        Result r = run("grades", "import", f.toString(), "--data-dir", ledger);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("第 2 行").contains("调整理由");

        Path g = write("g2.csv", "村名,年度,格次,党员互评,群众测评,支部考评,调整理由,星级\n"
                + "安乐村,2025,好,80,80,80,抗洪表现突出,五星\n");
        assertThat(run("grades", "import", g.toString(), "--data-dir", ledger).code()).isZero();
        Path out = dir.resolve("out.csv");
        assertThat(run("grades", "export", "--out", out.toString(), "--data-dir", ledger).code()).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).contains("安乐村,2025,好,80,80,80,,5,抗洪表现突出");
        Result again = run("grades", "import", out.toString(), "--data-dir", ledger);
        assertThat(again.out().strip()).isEqualTo("导入完成：新增 0 条格次评定，更新 1 条");
    }

    @Test
    void reviewsImportWithTheirTotalsAndExport() throws IOException {
        assertThat(run("cadres", "import", write("cadres.csv", "姓名,性别,出生日期,级别\n"
                + "李书记,男,1975-06-01,村干部\n王第一,男,1980-01-01,科级\n").toString(), "--data-dir", ledger)
                .code()).isZero();
        Path f = write("reviews.csv", "姓名,村名,年度,类别,日常记实,现场观摩,年度综合,述职评议,电视述职,明查暗访,百姓测评,相互比拼\n"
                + "李书记,安乐村,2025,村党组织书记,100,100,80,80,,,,\n"
                + "王第一,安乐村,2025,驻村第一书记,,,,,90,90,90,89.96\n");
        Result r = run("grades", "reviews", "import", f.toString(), "--data-dir", ledger);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("导入完成：新增 2 条述职考核，更新 0 条");
        Path out = dir.resolve("reviews-out.csv");
        assertThat(run("grades", "reviews", "export", "--year", "2025", "--out", out.toString(), "--data-dir", ledger)
                .code()).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).contains("88.00,称职").contains("89.99,称职");

        Path bad = write("bad-reviews.csv", "姓名,年度,日常记实,现场观摩,年度综合,述职评议\n李书记,2024,100,100,,80\n");
        Result refused = run("grades", "reviews", "import", bad.toString(), "--data-dir", ledger);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("年度综合");
    }
}
