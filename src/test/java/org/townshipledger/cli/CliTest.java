package org.townshipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_MEMBER;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GROUP;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.village.VillageImport;

class CliTest {

    /** One demo ledger (township, seed 7) shared by the tests that only read it, to keep the suite fast. */
    @TempDir
    static Path shared;

    private static String demo;
    private static Result demoResult;

    @TempDir
    Path dir;

    private final List<String> guiCalls = new ArrayList<>();

    @BeforeAll
    static void makeDemoLedger() {
        demo = shared.resolve("demo").toString();
        demoResult = new CliTest().run("demo", "--scale", "township", "--seed", "7", "--data-dir", demo);
    }

    /** What one command line did. */
    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @AfterEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    /** Runs in Chinese unless the arguments name a language: the developer's LANG must not decide. */
    private Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("--lang")) {
            all.add("--lang");
            all.add("zh");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                (dataDir, lang) -> guiCalls.add(dataDir + "|" + lang));
        return new Result(code, out.toString(), err.toString());
    }

    private String ledger(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void versionPrintsTheProgramAndItsVersion() {
        Result r = run("--version");

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).matches("乡镇帮扶台账 \\S+");
        assertThat(guiCalls).isEmpty();
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("用法").contains("init").contains("demo").contains("stats").contains("villages")
                .contains("households").contains("--data-dir").contains("--lang");
        assertThat(guiCalls).isEmpty();
    }

    @Test
    void onlyTheCommandNamedIsBuiltAndAnOptionValueIsNoCommandName() {
        assertThat(Cli.commandNamed(new String[] {"--data-dir", "check", "--lang", "stats", "check", "assignments"}))
                .isEqualTo(CheckCommand.class);
        assertThat(Cli.commandNamed(new String[] {"--lang=en", "assignments", "list"}))
                .isEqualTo(CadresCommand.Assignments.class);
        assertThat(Cli.commandNamed(new String[] {"--help"})).isNull();
        assertThat(Cli.commandNamed(new String[] {"chek", "assignments"})).isNull();

        Result typo = run("chek");
        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("chek").contains("villages").contains("households");
    }

    @Test
    void noCommandOpensTheWindow() {
        Result r = run("--data-dir", ledger("x"));

        assertThat(r.code()).isZero();
        assertThat(guiCalls).containsExactly(ledger("x") + "|zh");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void initCreatesAndRefusesASecondTime() throws IOException {
        String d = ledger("qingshi");
        Result first = run("init", "--data-dir", d, "--township", "青石镇", "--county", "示范县", "--year", "2026");

        assertThat(first.code()).isZero();
        assertThat(first.out().strip()).isEqualTo(Database.ledgerFile(Path.of(d)).toString());
        assertThat(first.err()).contains("已创建台账");
        try (Database db = Database.open(Path.of(d))) {
            SettingsStore s = new SettingsStore(db.dsl());
            assertThat(s.ledgerSettings().township()).isEqualTo("青石镇");
            assertThat(s.ledgerSettings().county()).isEqualTo("示范县");
            assertThat(s.workingYear()).isEqualTo(2026);
        }
        byte[] before = Files.readAllBytes(Database.ledgerFile(Path.of(d)));

        Result second = run("init", "--data-dir", d, "--township", "别的镇", "--county", "别的县", "--year", "2027");

        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).contains("已经有一本台账");
        assertThat(second.out()).isEmpty();
        assertThat(Files.readAllBytes(Database.ledgerFile(Path.of(d)))).isEqualTo(before);
    }

    @Test
    void initWithBadSettingsExitsOneAndCreatesNothing() {
        Result r = run("init", "--data-dir", ledger("bad"), "--township", " ", "--county", "示范县", "--year", "1999");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("乡镇名称：必须填写").contains("工作年度：年度应在 2000 至 2100 之间");
        assertThat(Database.exists(dir.resolve("bad"))).isFalse();
    }

    @Test
    void demoThenStatsPrintsOneCountLinePerRegister() {
        String d = demo;
        assertThat(demoResult.code()).isZero();
        assertThat(demoResult.out().strip()).isEqualTo(Database.ledgerFile(Path.of(d)).toString());
        assertThat(demoResult.err()).contains("25 个村").contains("2000 户");

        Result stats = run("stats", "--data-dir", d);

        int groups;
        int members;
        String cadreCounts;
        try (Database db = Database.open(Path.of(d))) {
            groups = db.dsl().fetchCount(VILLAGE_GROUP, VILLAGE_GROUP.DELETED_AT.isNull());
            members = db.dsl().fetchCount(HOUSEHOLD_MEMBER, HOUSEHOLD_MEMBER.DELETED_AT.isNull());
            assertThat(db.dsl().fetchCount(VILLAGE)).isEqualTo(25);
            assertThat(db.dsl().fetchCount(HOUSEHOLD)).isEqualTo(2_000);
            cadreCounts = cadreCounts(db);
        }
        assertThat(groups).isGreaterThanOrEqualTo(25);
        assertThat(members).isBetween(7_000, 9_000);
        assertThat(stats.code()).isZero();
        assertThat(stats.out()).isEqualTo("villages\t25" + System.lineSeparator()
                + "groups\t" + groups + System.lineSeparator()
                + "households\t2000" + System.lineSeparator()
                + "members\t" + members + System.lineSeparator() + cadreCounts);
        assertThat(cadreCounts).startsWith("units\t40" + System.lineSeparator());
        assertThat(stats.err()).isEmpty();
    }

    /** The units, cadres, assignments, pairings, grades, visits, problems and help lines of {@code stats}. */
    private static String cadreCounts(Database db) {
        String nl = System.lineSeparator();
        return "units\t" + db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.UNIT) + nl
                + "cadres\t" + db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.CADRE) + nl
                + "assignments\t" + db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.ASSIGNMENT) + nl
                + "pairings\t" + db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.PAIRING) + nl
                + "grades\t" + db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.VILLAGE_GRADE) + nl
                + "visits\t" + db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.VISIT) + nl
                + "problems\t" + db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.PROBLEM) + nl
                + "help\t" + db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.HELP_ITEM) + nl;
    }

    /** The one county-scale test: over 500 villages the repository reads groups and weak years differently. */
    @Test
    void countyDemoListsEveryVillageWithItsGroups() throws IOException {
        String d = ledger("county");
        assertThat(run("demo", "--scale", "county", "--seed", "3", "--without-visits", "--data-dir", d).code()).isZero();

        List<String> stats = run("stats", "--data-dir", d).outLines();
        Result list = run("villages", "list", "--format", "csv", "--data-dir", d);

        int groups;
        int weak;
        int members;
        String cadreCounts;
        try (Database db = Database.open(Path.of(d))) {
            cadreCounts = cadreCounts(db);
            groups = db.dsl().fetchCount(VILLAGE_GROUP);
            weak = db.dsl().fetchCount(org.townshipledger.db.jooq.Tables.VILLAGE_WEAK_YEAR,
                    org.townshipledger.db.jooq.Tables.VILLAGE_WEAK_YEAR.WEAK_YEAR.eq(2025));
            members = db.dsl().fetchCount(HOUSEHOLD_MEMBER);
            assertThat(db.dsl().fetchCount(HOUSEHOLD, HOUSEHOLD.CATEGORY.isNotNull()
                    .or(HOUSEHOLD.MONITORING_TYPE.isNotNull()))).isBetween(29_000, 30_000);
        }
        assertThat(members).isBetween(380_000, 420_000);
        assertThat(String.join(System.lineSeparator(), stats) + System.lineSeparator()).isEqualTo(
                String.join(System.lineSeparator(), "villages\t650", "groups\t" + groups, "households\t100000",
                        "members\t" + members) + System.lineSeparator() + cadreCounts);
        assertThat(cadreCounts).startsWith("units\t400" + System.lineSeparator());
        Path f = dir.resolve("county.csv");
        Files.writeString(f, list.out(), StandardCharsets.UTF_8);
        Table t = TableReader.read(f, List.of("村名", "小组数"));
        assertThat(t.rows()).hasSize(650);
        assertThat(t.rows().stream().mapToInt(r -> Integer.parseInt(r.get("小组数"))).sum()).isEqualTo(groups);
        assertThat(t.rows().stream().filter(r -> r.get("是否软弱涣散(2025)").equals("是")).count()).isEqualTo(weak);
    }

    @Test
    void sameSeedGivesTheSameList() {
        assertThat(run("demo", "--scale", "township", "--seed", "7", "--data-dir", ledger("b")).code()).isZero();

        Result a = run("villages", "list", "--format", "csv", "--data-dir", demo);
        Result b = run("villages", "list", "--format", "csv", "--data-dir", ledger("b"));

        assertThat(a.code()).isZero();
        assertThat(a.out()).isNotEmpty().isEqualTo(b.out());
    }

    @Test
    void listAsCsvHasHeaderAndOneRowPerVillage() throws IOException {
        String d = demo;

        Result r = run("villages", "list", "--format", "csv", "--data-dir", d);

        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(26);
        assertThat(lines.get(0)).isEqualTo("村名,村代码,类型,是否贫困村,出列年度,是否软弱涣散(2025),户数,人口,小组数");
        assertThat(lines.subList(1, 26)).allSatisfy(l -> assertThat(l).matches("[^,]+(村|社区),\\d{12},(行政村|社区),[是否],.*"));
        // The csv is readable as a table again.
        Path f = dir.resolve("list.csv");
        Files.writeString(f, r.out(), StandardCharsets.UTF_8);
        assertThat(TableReader.read(f, List.of("村名", "村代码")).rows()).hasSize(25);
    }

    @Test
    void listAsTableLinesUpColumns() {
        String d = demo;

        Result r = run("villages", "list", "--data-dir", d);

        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(26);
        assertThat(lines.get(0)).startsWith("村名").contains("村代码").endsWith("小组数");
        int codeColumn = TextTable.width(lines.get(0).substring(0, lines.get(0).indexOf("村代码")));
        assertThat(lines.subList(1, 26)).allSatisfy(l -> {
            int at = l.indexOf("430599");
            assertThat(TextTable.width(l.substring(0, at))).isEqualTo(codeColumn);
        });
    }

    @Test
    void badImportExitsOneListsTheLinesAndChangesNothing() throws IOException {
        String d = demo;
        String statsBefore = run("stats", "--data-dir", d).out();
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "村名,村代码,类型,是否贫困村,出列年度,是否软弱涣散\n"
                + "新华村,430599101299,行政村,否,,否\n"
                + "新民村,12345,行政村,否,,否\n"
                + "新光村,430599101298,乡,否,,否\n", StandardCharsets.UTF_8);

        Result r = run("villages", "import", f.toString(), "--data-dir", d);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("发现 2 处问题，未写入任何数据")
                .contains("第 3 行，村代码：").contains("第 4 行，类型：");
        assertThat(r.out()).isEmpty();
        assertThat(run("stats", "--data-dir", d).out()).isEqualTo(statsBefore).contains("villages\t25");
    }

    @Test
    void goodImportReportsAddedAndUpdated() throws IOException {
        String d = ledger("ledger");
        run("init", "--data-dir", d, "--township", "青石镇", "--county", "示范县", "--year", "2025");
        Path f = dir.resolve("good.csv");
        Files.writeString(f, "村名,村民小组\n大石村,一组、二组\n龙泉村,一组\n", StandardCharsets.UTF_8);
        assertThat(run("villages", "import", f.toString(), "--data-dir", d).out().strip())
                .isEqualTo("导入完成：新增 2 个村，更新 0 个村");
        Files.writeString(f, "村名,户数\n大石村,300\n", StandardCharsets.UTF_8);

        Result r = run("villages", "import", f.toString(), "--data-dir", d);

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("导入完成：新增 0 个村，更新 1 个村");
        assertThat(run("stats", "--data-dir", d).outLines()).containsExactly("villages\t2", "groups\t3",
                "households\t0", "members\t0", "units\t0", "cadres\t0",
                "assignments\t0", "pairings\t0", "grades\t0", "visits\t0", "problems\t0", "help\t0");
    }

    @Test
    void exportWritesAnXlsxThatReadsBack() {
        String d = demo;
        Path out = dir.resolve("exports").resolve("x.xlsx");

        Result r = run("villages", "export", "--out", out.toString(), "--data-dir", d);

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("已导出 25 个村到 " + out.toAbsolutePath());
        Table t = TableReader.read(out, VillageImport.HEADERS);
        assertThat(t.rows()).hasSize(25);
        assertThat(t.rows()).allSatisfy(row -> assertThat(row.get("村代码")).matches("\\d{12}"));
    }

    // ---- households ----

    private static final String ZHANG = org.townshipledger.common.IdNumber.make("430599", java.time.LocalDate.of(1970, 3, 5), 11);
    private static final String LI = org.townshipledger.common.IdNumber.make("430599", java.time.LocalDate.of(1972, 8, 9), 22);
    private static final String WANG = org.townshipledger.common.IdNumber.make("430599", java.time.LocalDate.of(1996, 4, 4), 33);

    /** A ledger with 大石村 and 龙泉村 and no households. */
    private String villagesOnly() throws IOException {
        String d = ledger("hh");
        run("init", "--data-dir", d, "--township", "青石镇", "--county", "示范县", "--year", "2025");
        Path v = dir.resolve("villages.csv");
        Files.writeString(v, "村名,村民小组\n大石村,一组、二组\n龙泉村,一组\n", StandardCharsets.UTF_8);
        assertThat(run("villages", "import", v.toString(), "--data-dir", d).code()).isZero();
        return d;
    }

    private Path householdsCsv(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, (String.join("\r\n", lines) + "\r\n").getBytes(java.nio.charset.Charset.forName("GB18030")));
        return f;
    }

    @Test
    void householdsImportPrintsWhatItDidAndStatsCountThem() throws IOException {
        String d = villagesOnly();
        Path f = householdsCsv("hh.csv", "户编号,行政村,组,姓名,身份证号码,与户主关系",
                "A1,大石村,一组,张大山," + ZHANG + ",户主",
                "A1,大石村,一组,李秀英," + LI + ",妻",
                "A2,龙泉村,,王强," + WANG + ",户主");

        Result r = run("households", "import", f.toString(), "--data-dir", d);

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("导入完成：新增 2 户，更新 0 户，成员 3 人" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
        assertThat(run("stats", "--data-dir", d).outLines()).containsExactly("villages\t2", "groups\t3",
                "households\t2", "members\t3", "units\t0", "cadres\t0",
                "assignments\t0", "pairings\t0", "grades\t0", "visits\t0", "problems\t0", "help\t0");

        Result again = run("households", "import", f.toString(), "--data-dir", d);
        assertThat(again.out().strip()).isEqualTo("导入完成：新增 0 户，更新 2 户，成员 3 人");
        assertThat(run("stats", "--data-dir", d).outLines()).contains("households\t2", "members\t3", "units\t0", "cadres\t0",
                "assignments\t0", "pairings\t0", "grades\t0", "visits\t0", "problems\t0", "help\t0");
    }

    @Test
    void badHouseholdsImportExitsOneListsEveryRowWritesTheReportAndChangesNothing() throws IOException {
        String d = villagesOnly();
        Path f = householdsCsv("bad.csv", "青石镇农户台账,,,,,", "户编号,行政村,组,姓名,身份证号码,与户主关系",
                "A1,大石村,一组,张大山," + ZHANG + ",户主",
                "A1,大石村,一组,李秀英,4.30523E+17,妻",
                "A2,白云村,,王强," + WANG + ",户主");
        Path report = dir.resolve("errors.xlsx");

        Result r = run("households", "import", f.toString(), "--errors", report.toString(), "--data-dir", d);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("出错的行已写入 " + report.toAbsolutePath())
                .contains("发现 2 处问题，未写入任何数据：")
                .contains("第 4 行，身份证号码：“4.30523E+17” 身份证号“4.30523E+17”被 Excel 当成数字保存了")
                .contains("第 5 行，行政村：“白云村” 台账中没有这个村");
        assertThat(run("stats", "--data-dir", d).outLines()).contains("households\t0", "members\t0", "units\t0", "cadres\t0",
                "assignments\t0", "pairings\t0", "grades\t0", "visits\t0", "problems\t0", "help\t0");
        Table t = TableReader.read(report, List.of("姓名", "错误原因"));
        assertThat(t.rows()).extracting(row -> row.get("姓名")).containsExactly("李秀英", "王强");
        assertThat(t.rows().get(0).get("身份证号码")).isEqualTo("4.30523E+17");
    }

    @Test
    void householdsDryRunWritesNothingAndWarningsGoToStderr() throws IOException {
        String d = villagesOnly();
        Path f = householdsCsv("warn.csv", "村,姓名,证件号码,与户主关系",
                "大石村,张大山," + ZHANG + ",户主",
                "大石村,李秀英," + LI + ",之子");

        Result dry = run("households", "import", f.toString(), "--dry-run", "--data-dir", d);

        assertThat(dry.code()).isZero();
        assertThat(dry.out().strip()).isEqualTo("检查通过（试运行，未写入）：将新增 1 户，更新 0 户，成员 2 人");
        assertThat(dry.err().strip()).isEqualTo("提示：第 3 行，与户主关系：“之子” 李秀英：与户主关系为“之子”，性别却是“女”，请核对");
        assertThat(run("stats", "--data-dir", d).outLines()).contains("households\t0");
        assertThat(run("households", "import", f.toString(), "--data-dir", d).out()).contains("新增 1 户");
    }

    @Test
    void householdsExportMasksIdsUnlessAskedAndFiltersByVillage() throws IOException {
        Path masked = dir.resolve("masked.xlsx");
        Path full = dir.resolve("full.csv");
        String village;
        try (Database db = Database.open(Path.of(demo))) {
            village = new org.townshipledger.village.VillageService(db).villages().get(0).name();
        }

        Result r = run("households", "export", "--out", masked.toString(), "--data-dir", demo);
        Result one = run("households", "export", "--out", full.toString(), "--village", village, "--full-id",
                "--data-dir", demo);

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).matches("已导出 2000 户（成员 \\d+ 人）到 " + java.util.regex.Pattern.quote(
                masked.toAbsolutePath().toString()));
        Table all = TableReader.read(masked, List.of("户编号", "证件号码"));
        assertThat(all.rows()).extracting(row -> row.get("证件号码"))
                .allSatisfy(id -> assertThat(id).matches("430599\\*{8}\\d{3}[\\dX]"));
        assertThat(one.code()).isZero();
        Table mine = TableReader.read(full, List.of("户编号", "证件号码"));
        assertThat(mine.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("村")).isEqualTo(village);
            assertThat(org.townshipledger.common.IdNumber.isValid(row.get("证件号码"))).isTrue();
        });

        Result unknown = run("households", "export", "--out", full.toString(), "--village", "不存在村", "--data-dir", demo);
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("台账中没有名为“不存在村”的村");
    }

    @Test
    void householdsListShowsAPageWithMaskedIds() {
        Result r = run("households", "list", "--limit", "5", "--data-dir", demo);

        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("村").contains("户主").contains("身份证号").contains("人数");
        assertThat(lines.subList(1, 6)).allSatisfy(l -> assertThat(l).containsPattern("430599\\*{8}\\d{3}[\\dX]"));
        assertThat(r.err().strip()).isEqualTo("显示 5 户，共 2000 户");

        String head = lines.get(1).split("\\s+")[2];
        Result found = run("households", "list", "--search", head, "--data-dir", demo);
        assertThat(found.code()).isZero();
        assertThat(found.outLines().subList(1, found.outLines().size())).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(head.substring(0, 1)));
    }

    @Test
    void usageErrorsExitTwo() {
        Result unknown = run("bogus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("用法错误：无法识别的命令或参数：bogus");

        Result badOption = run("stats", "--bogus", "--data-dir", ledger("x"));
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("--bogus");

        Result badScale = run("demo", "--scale", "city", "--data-dir", ledger("x"));
        assertThat(badScale.code()).isEqualTo(2);
        assertThat(badScale.err()).contains("“city”无效，应为 township 或 county");

        Result missingRequired = run("init", "--data-dir", ledger("x"));
        assertThat(missingRequired.code()).isEqualTo(2);
        assertThat(missingRequired.err()).contains("缺少必填的选项或参数：--township、--county、--year");

        Result villagesAlone = run("villages", "--data-dir", ledger("x"));
        assertThat(villagesAlone.code()).isEqualTo(2);

        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(guiCalls).isEmpty();
    }

    @Test
    void statsOnEmptyDirExitsThree() {
        Result r = run("stats", "--data-dir", ledger("empty"));

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("找不到台账文件");
        assertThat(r.out()).isEmpty();
        assertThat(Database.exists(dir.resolve("empty"))).isFalse();
    }

    @Test
    void englishWhenAsked() {
        Result r = run("stats", "--data-dir", ledger("empty"), "--lang", "en");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Ledger file not found").doesNotContain("找不到");

        Result help = run("--help", "--lang", "en");
        assertThat(help.out()).contains("Usage:").contains("Commands:").doesNotContain("用法");

        Result gui = run("--lang", "en", "--data-dir", ledger("x"));
        assertThat(gui.code()).isZero();
        assertThat(guiCalls).containsExactly(ledger("x") + "|en");
    }
}
