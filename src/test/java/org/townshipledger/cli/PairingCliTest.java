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

/** {@code pairings suggest|list|export|import} and {@code check pairings} through {@link Cli#run}. */
class PairingCliTest {

    @TempDir
    Path dir;

    private String ledger;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void createLedger() throws IOException {
        ledger = dir.resolve("ledger").toString();
        assertThat(run("init", "--data-dir", ledger, "--township", "青石镇", "--county", "示范县", "--year", "2026")
                .code()).isZero();
        assertThat(run("villages", "import", write("villages.csv", "村名,是否贫困村\n大石村,是\n").toString(),
                "--data-dir", ledger).code()).isZero();
        assertThat(run("units", "import", write("units.csv", "单位名称,级别,类型\n县教育局,县/旗,机关单位\n").toString(),
                "--data-dir", ledger).code()).isZero();
        assertThat(run("cadres", "import", write("cadres.csv", "姓名,性别,出生日期,工作单位,级别\n"
                + "李干部,男,1985-06-01,县教育局,一般干部\n").toString(), "--data-dir", ledger).code()).isZero();
        assertThat(run("assignments", "import", write("postings.csv", "姓名,村,职务,开始日期\n"
                + "李干部,大石村,驻村工作队员,2025-01-01\n").toString(), "--data-dir", ledger).code()).isZero();
        try (Database db = Database.open(Path.of(ledger))) {
            HouseholdService households = new HouseholdService(db);
            Village dashi = households.villages().get(0);
            households.save(SampleHouseholds.household(dashi, SampleHouseholds.member("王大山", Relation.HEAD,
                    LocalDate.of(1960, 3, 1), 11)));
            households.save(SampleHouseholds.household(dashi, SampleHouseholds.member("赵小河", Relation.HEAD,
                    LocalDate.of(1962, 4, 1), 13)));
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

    private String stat(String key) {
        return run("stats", "--data-dir", ledger).out().lines().filter(l -> l.startsWith(key + "\t")).findFirst()
                .orElseThrow();
    }

    @Test
    void suggestPrintsAProposalAndWritesOnlyWithApply() {
        Result check = run("check", "pairings", "--data-dir", ledger);
        assertThat(check.out()).contains("无帮扶责任人").contains("王大山").contains("赵小河");

        Result proposal = run("pairings", "suggest", "--data-dir", ledger);
        assertThat(proposal.code()).isZero();
        assertThat(proposal.out().lines().filter(l -> l.contains("李干部") && l.contains("大石村"))).hasSize(2);
        assertThat(proposal.err()).contains("未结对的农户 2 户：建议了帮扶人 2 户，无可用帮扶人 0 户")
                .contains("台账未改动");
        assertThat(stat("pairings")).isEqualTo("pairings\t0");

        Result applied = run("pairings", "suggest", "--apply", "--data-dir", ledger);
        assertThat(applied.err()).contains("已结对 2 户");
        assertThat(stat("pairings")).isEqualTo("pairings\t2");
        assertThat(run("check", "pairings", "--data-dir", ledger).out()).doesNotContain("无帮扶责任人");
        assertThat(run("pairings", "list", "--data-dir", ledger).out()).contains("王大山").contains("李干部")
                .contains("一对多");
    }

    @Test
    void anExportImportsBackAsUpdatesAndABadFileWritesNothing() throws IOException {
        run("pairings", "suggest", "--apply", "--data-dir", ledger);
        Path out = dir.resolve("pairings.xlsx");
        assertThat(run("pairings", "export", "--out", out.toString(), "--data-dir", ledger).out())
                .contains("已导出 2 条结对");

        Result again = run("pairings", "import", out.toString(), "--data-dir", ledger);
        assertThat(again.code()).isZero();
        assertThat(again.out().strip()).isEqualTo("导入完成：新增 0 条结对，更新 2 条");
        assertThat(stat("pairings")).isEqualTo("pairings\t2");

        Path bad = write("bad.csv", "帮扶人,帮扶单位,对象类型,村,对象姓名,开始日期\n"
                + ",县教育局,村,大石村,,2026-01-01\n"
                + "张三,,农户,大石村,王大山,2026-01-01\n"
                + "李干部,,农户,大石村,不存在,2026-01-01\n");
        Result r = run("pairings", "import", bad.toString(), "--data-dir", ledger);
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("第 3 行").contains("张三").contains("第 4 行").contains("不存在")
                .doesNotContain("第 2 行");
        assertThat(stat("pairings")).isEqualTo("pairings\t2");
    }
}
