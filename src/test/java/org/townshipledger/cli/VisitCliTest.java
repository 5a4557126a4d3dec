package org.townshipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.village.Village;

/** {@code visits|problems|help list|import|export}, {@code tally}, {@code check visits} and {@code stats}. */
class VisitCliTest {

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
        assertThat(run("villages", "import", write("villages.csv", "村名,是否贫困村\n大石村,是\n小河村,否\n").toString(),
                "--data-dir", ledger).code()).isZero();
        assertThat(run("units", "import", write("units.csv", "单位名称,级别,类型\n县教育局,县/旗,机关单位\n").toString(),
                "--data-dir", ledger).code()).isZero();
        assertThat(run("cadres", "import", write("cadres.csv", "姓名,性别,出生日期,工作单位,级别\n"
                + "李干部,男,1985-06-01,县教育局,一般干部\n赵干部,女,1988-02-01,县教育局,一般干部\n").toString(),
                "--data-dir", ledger).code()).isZero();
        try (Database db = Database.open(Path.of(ledger))) {
            HouseholdService households = new HouseholdService(db);
            Village dashi = households.villages().stream().filter(v -> v.name().equals("大石村")).findFirst()
                    .orElseThrow();
            households.save(SampleHouseholds.household(dashi, SampleHouseholds.member("王大山", Relation.HEAD,
                    LocalDate.of(1960, 3, 1), 11)));
        }
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

    @Test
    void visitsImportAllOrNothingThenListExportAndCheck() throws IOException {
        String header = "走访日期,走访类别,走访干部,对象类型,村,对象名称,户主身份证号,了解情况,办理事项,吃穿不愁,义务教育有保障,"
                + "基本医疗有保障,住房安全有保障,饮水安全有保障,核查备注\n";
        Path bad = write("bad.csv", header
                + "2025-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,宣讲政策,是,是,是,是,是,\n"
                + "2025-03-02,夜访,张三,农户,大石村,李四,,,,,,,,,\n"
                + "2099-01-01,座谈,赵干部,村,大石村,,,,,,,,,,\n");
        Result refused = run("visits", "import", bad.toString(), "--data-dir", ledger);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("第 3 行", "夜访", "张三", "李四", "第 4 行", "晚于今天");
        assertThat(run("stats", "--data-dir", ledger).out()).contains("visits\t0");

        Path good = write("good.csv", header
                + "2025-03-01,入户走访,李干部、赵干部,农户,大石村,王大山,,身体好,宣讲政策,是,是,否,是,是,看病难\n"
                + "2025-05-02,座谈,赵干部,村,小河村,,,,,,,,,,\n"
                + "2025-06-03,调研,李干部,单位,,县教育局,,,,,,,,,\n");
        Result imported = run("visits", "import", good.toString(), "--data-dir", ledger);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("导入完成：新增 3 条走访记录，更新 0 条，未变 0 条");

        Result list = run("visits", "list", "--cadre", "李干部", "--data-dir", ledger);
        assertThat(list.out()).contains("2025-06-03", "2025-03-01", "李干部、赵干部", "农户 王大山")
                .doesNotContain("小河村");
        assertThat(list.err()).contains("第 1 页，共 1 页（2 条）");
        assertThat(run("visits", "list", "--month", "2025-05", "--data-dir", ledger).out()).contains("小河村")
                .doesNotContain("王大山");
        assertThat(run("visits", "list", "--month", "2025/05", "--data-dir", ledger).code()).isEqualTo(1);

        Path out = dir.resolve("visits.xlsx");
        assertThat(run("visits", "export", "--out", out.toString(), "--data-dir", ledger).out())
                .contains("已导出 3 条走访记录");
        // Imported back (or the same file again), nothing is added twice.
        assertThat(run("visits", "import", out.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("导入完成：新增 0 条走访记录，更新 0 条，未变 3 条");
        assertThat(run("visits", "import", good.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("导入完成：新增 0 条走访记录，更新 0 条，未变 3 条");
        // A later file: one visit says more, one is new, one row is written twice.
        Path later = write("later.csv", header
                + "2025-03-01,入户走访,赵干部、李干部,农户,大石村,王大山,,身体好,宣讲政策；联系村医,是,是,否,是,是,看病难\n"
                + "2025-05-02,座谈,赵干部,村,小河村,,,,,,,,,,\n"
                + "2025-06-20,入户走访,李干部,农户,大石村,王大山,,,,,,,,,\n"
                + "2025-06-20,入户走访,李干部,农户,大石村,王大山,,,,,,,,,\n");
        Result again = run("visits", "import", later.toString(), "--data-dir", ledger);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out().strip()).isEqualTo("导入完成：新增 1 条走访记录，更新 1 条，未变 1 条；"
                + "文件中有 1 行与前面的行完全相同，只计一次");
        String stats = run("stats", "--data-dir", ledger).out();
        assertThat(stats).contains("visits\t4", "problems\t0", "help\t0");
        assertThat(run("visits", "list", "--month", "2025-03", "--data-dir", ledger).out()).contains("联系村医");

        // 王大山 is poor and was last visited on 2025-03-01: the 2025 check (on its last day) finds him overdue.
        Result check = run("check", "visits", "--year", "2025", "--data-dir", ledger);
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("逾期未走访", "王大山", "上次 2025-06-20");
    }

    @Test
    void tallyProblemsPrintsTheRateAndTallyHelpTheMoneyByKind() throws IOException {
        StringBuilder csv = new StringBuilder("村,反映日期,诉求类别,纠纷类别,反映人,诉求内容,状态,化解日期,化解方式,化解层级\n");
        for (int i = 0; i < 35; i++) {
            String day = LocalDate.of(2025, 1, 1).plusDays(i).toString();
            csv.append(i % 2 == 0 ? "大石村" : "小河村").append(',').append(day).append(",矛盾纠纷,邻里,张三,排水沟,")
                    .append(i < 30 ? "已化解," + day + ",调解," + (i < 25 ? "村" : "乡") : "调处中,,,").append('\n');
        }
        Path problems = write("problems.csv", csv.toString());
        Result imported = run("problems", "import", problems.toString(), "--data-dir", ledger);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out().strip()).isEqualTo("导入完成：新增 35 条诉求，更新 0 条，未变 0 条");
        assertThat(run("problems", "import", problems.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("导入完成：新增 0 条诉求，更新 0 条，未变 35 条");
        // A file that takes a resolved problem back: imported, with a note on stderr.
        Path older = write("older.csv", "村,反映日期,诉求类别,纠纷类别,反映人,诉求内容,状态\n大石村,2025-01-01,矛盾纠纷,邻里,张三,排水沟,排查\n");
        Result back = run("problems", "import", older.toString(), "--data-dir", ledger);
        assertThat(back.out().strip()).isEqualTo("导入完成：新增 0 条诉求，更新 1 条，未变 0 条");
        assertThat(back.err()).contains("提示：第 2 行，状态：台账中为“已化解”");
        assertThat(run("problems", "import", problems.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("导入完成：新增 0 条诉求，更新 1 条，未变 34 条");
        Result tally = run("tally", "problems", "--year", "2025", "--data-dir", ledger);
        assertThat(tally.out().lines().toList()).startsWith("发现\t35", "化解\t30", "化解率\t85.71%", "村级化解\t25",
                "乡级化解\t5");
        assertThat(run("problems", "list", "--village", "小河村", "--data-dir", ledger).err()).contains("17");

        Path help = write("help.csv", "对象类型,村,户主姓名,帮扶类别,帮扶内容,资金（元）,物资折款（元）,帮扶人,日期,状态\n"
                + "农户,大石村,王大山,产业,养牛,1234.56,300.10,李干部,2025-03-01,完成\n"
                + "村,大石村,,产业,合作社,0.07,,,2025-04-01,实施中\n"
                + "村,小河村,,教育,助学金,\"2,000.00\",150.55,,2025-05-01,完成\n");
        Result helpImported = run("help", "import", help.toString(), "--data-dir", ledger);
        assertThat(helpImported.code()).as(helpImported.err()).isZero();
        assertThat(helpImported.out().strip()).isEqualTo("导入完成：新增 3 条帮扶措施，更新 0 条，未变 0 条");
        assertThat(run("help", "import", help.toString(), "--data-dir", ledger).out().strip())
                .isEqualTo("导入完成：新增 0 条帮扶措施，更新 0 条，未变 3 条");
        assertThat(run("tally", "help", "--year", "2025", "--data-dir", ledger).out().lines().toList())
                .containsExactly("产业\t1234.63", "教育\t2000.00", "物资折款\t450.65", "合计\t3234.63", "项目数\t3");
        Path fen = write("fen.csv", "对象类型,村,帮扶类别,资金（元）,日期\n村,大石村,产业,1.001,2025-03-01\n");
        Result refused = run("help", "import", fen.toString(), "--data-dir", ledger);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("第 2 行", "两位小数");
        Path out = dir.resolve("help.csv");
        assertThat(run("help", "export", "--out", out.toString(), "--data-dir", ledger).out()).contains("3 条");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("1234.56", "王大山", "县教育局".substring(0, 0));
    }
}
