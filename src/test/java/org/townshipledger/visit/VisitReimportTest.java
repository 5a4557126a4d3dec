package org.townshipledger.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdCheck;
import org.townshipledger.village.Village;

/**
 * Visits, problems and help imported twice (issue 8): a row repeating a record in use updates it or leaves it as it
 * is, never adds it again; counts of added, updated and unchanged rows; rows repeated inside one file counted once.
 */
class VisitReimportTest {

    static final String VISIT_HEADER = "走访日期,走访类别,走访干部,对象类型,村,对象名称,户主身份证号,了解情况,办理事项,吃穿不愁,"
            + "义务教育有保障,基本医疗有保障,住房安全有保障,饮水安全有保障,核查备注\n";
    static final String PROBLEM_HEADER = "村,反映日期,诉求类别,纠纷类别,反映人,户主姓名,户主身份证号,诉求内容,状态,化解日期,化解方式,化解层级\n";
    static final String HELP_HEADER = "对象类型,村,户主姓名,户主身份证号,帮扶类别,帮扶内容,资金（元）,物资折款（元）,帮扶人,帮扶单位,日期,状态\n";

    @TempDir
    Path dir;

    private VisitLedger ledger;
    private VisitService visits;
    private Village dashi;
    private Village xiaohe;
    private Cadre li;
    private Cadre zhao;
    private Household wang;
    private Household sun;

    @BeforeEach
    void setUp() {
        ledger = new VisitLedger(dir.resolve("ledger"));
        visits = ledger.visits;
        dashi = ledger.village("大石村");
        xiaohe = ledger.village("小河村");
        li = ledger.cadre("李干部");
        zhao = ledger.cadre("赵干部");
        wang = ledger.household(dashi, "王大山");
        sun = ledger.household(xiaohe, "孙二娘");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Map<UUID, Visit> allVisits() {
        return visits.slice(VisitFilter.all(), 0, 1000).rows().stream()
                .collect(Collectors.toMap(Visit::id, Function.identity()));
    }

    private void someVisits() {
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT,
                        List.of(li.id(), zhao.id())).withNotes("身体好", "宣讲政策")
                .withCheck(new VisitCheck(true, true, false, true, true, "看病难")));
        visits.record(Visit.ofHousehold(sun.id(), LocalDate.of(2026, 3, 2), VisitKind.HOME_VISIT, List.of(zhao.id())));
        visits.record(Visit.ofVillage(xiaohe.id(), LocalDate.of(2026, 5, 2), VisitKind.FORUM, List.of(zhao.id()))
                .withNotes("村民代表 12 人", null));
        visits.record(Visit.ofUnit(ledger.bureau.id(), LocalDate.of(2026, 6, 3), VisitKind.RESEARCH,
                List.of(li.id())));
        // Two visits to a household on one day by the same cadre, saying different things: two records.
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 4, 8), VisitKind.HOME_VISIT, List.of(li.id()))
                .withNotes("上午：看望老人", null));
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 4, 8), VisitKind.HOME_VISIT, List.of(li.id()))
                .withNotes("下午：送药", null));
    }

    @Test
    void anExportImportedBackIntoTheSameLedgerChangesNothing() throws Exception {
        someVisits();
        Problem open = visits.raise(Problem.found(ProblemKind.DISPUTE, DisputeKind.NEIGHBOURS, "张三", dashi.id(),
                LocalDate.of(2026, 2, 1), "宅旁排水沟纠纷"));
        visits.raise(new Problem(null, ProblemKind.HARDSHIP, null, null, sun.id(), null, null, null,
                LocalDate.of(2026, 2, 3), "缺劳力", ProblemStatus.RESOLVED, LocalDate.of(2026, 2, 9), "公益岗",
                SettledLevel.VILLAGE, null, 0));
        visits.give(HelpItem.forHousehold(wang.id(), HelpKind.INDUSTRY, "养牛", new BigDecimal("1234.56"),
                new BigDecimal("300.10"), LocalDate.of(2026, 3, 1), HelpStatus.DONE).withHelper(li.id(), null));
        visits.give(HelpItem.forVillage(xiaohe.id(), HelpKind.EDUCATION, "助学金", new BigDecimal("2000"),
                null, LocalDate.of(2026, 5, 1), HelpStatus.IN_PROGRESS).withHelper(null, ledger.bureau.id()));
        Map<UUID, Visit> before = allVisits();
        List<HouseholdCheck> checksBefore = ledger.households.checks(wang.id());

        Path v = dir.resolve("visits.xlsx");
        Path p = dir.resolve("problems.xlsx");
        Path h = dir.resolve("help.csv");
        assertThat(visits.exportVisits(v, VisitFilter.all(), false)).isEqualTo(6);
        assertThat(visits.exportProblems(p, ProblemFilter.all(), false)).isEqualTo(2);
        assertThat(visits.exportHelp(h, HelpFilter.all(), false)).isEqualTo(2);

        ImportCheck dry = visits.previewVisitsImport(v).check();
        assertThat(dry.errors()).isEmpty();
        assertThat(dry.added() + dry.updated()).isZero();
        assertThat(dry.rows()).isEqualTo(6);
        assertThat(dry.canImport()).isFalse();

        assertThat(visits.importVisits(v)).isEqualTo(new ImportCounts(0, 0, 6));
        assertThat(visits.importProblems(p)).isEqualTo(new ImportCounts(0, 0, 2));
        assertThat(visits.importHelp(h)).isEqualTo(new ImportCounts(0, 0, 2));
        // Twice over: still nothing.
        assertThat(visits.importVisits(v)).isEqualTo(new ImportCounts(0, 0, 6));

        assertThat(visits.count()).isEqualTo(6);
        assertThat(visits.problemCount()).isEqualTo(2);
        assertThat(visits.helpCount()).isEqualTo(2);
        assertThat(allVisits()).isEqualTo(before);
        assertThat(visits.problem(open.id()).orElseThrow().version()).isEqualTo(open.version());
        assertThat(ledger.households.checks(wang.id())).isEqualTo(checksBefore);
    }

    @Test
    void aFileWithThreeNewAndTwoExistingVisitsAddsThree() throws Exception {
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT,
                List.of(li.id(), zhao.id())).withNotes("身体好", null));
        visits.record(Visit.ofVillage(xiaohe.id(), LocalDate.of(2026, 5, 2), VisitKind.FORUM, List.of(zhao.id())));
        Path f = write("week.csv", VISIT_HEADER
                // the cadres in the other order: the same visit
                + "2026-03-01,入户走访,赵干部、李干部,农户,大石村,王大山,,身体好,,,,,,,\n"
                + "2026-05-02,座谈,赵干部,村,小河村,,,,,,,,,,\n"
                // new: another day, another kind, another set of cadres
                + "2026-03-02,入户走访,李干部、赵干部,农户,大石村,王大山,,身体好,,,,,,,\n"
                + "2026-03-01,政策宣讲,李干部、赵干部,农户,大石村,王大山,,身体好,,,,,,,\n"
                + "2026-05-02,座谈,赵干部、李干部,村,小河村,,,,,,,,,,\n");

        ImportCheck dry = visits.previewVisitsImport(f).check();
        assertThat(dry.added()).isEqualTo(3);
        assertThat(dry.updated()).isZero();
        assertThat(visits.count()).isEqualTo(2);

        ImportCounts n = visits.importVisits(f);
        assertThat(n).isEqualTo(new ImportCounts(3, 0, 2));
        assertThat(visits.count()).isEqualTo(5);
        assertThat(visits.importVisits(f)).isEqualTo(new ImportCounts(0, 0, 5));
        assertThat(visits.count()).isEqualTo(5);
    }

    @Test
    void aRowWithOtherNotesOrCheckUpdatesItsVisitKeepingItsId() throws Exception {
        Visit v = visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT,
                List.of(li.id())).withNotes("身体好", null));
        Visit other = visits.record(Visit.ofHousehold(sun.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT,
                List.of(li.id())).withNotes("缺劳力", null));
        Path f = write("later.csv", VISIT_HEADER
                + "2026-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,联系村医,是,是,否,是,是,慢性病\n"
                + "2026-03-01,入户走访,李干部,农户,小河村,孙二娘,,缺劳力,,,,,,,\n");

        assertThat(visits.importVisits(f)).isEqualTo(new ImportCounts(0, 1, 1));
        Visit after = visits.visit(v.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(v.version() + 1);
        assertThat(after.done()).isEqualTo("联系村医");
        assertThat(after.check()).isEqualTo(new VisitCheck(true, true, false, true, true, "慢性病"));
        assertThat(after.cadreIds()).containsExactly(li.id());
        assertThat(visits.visit(other.id()).orElseThrow().version()).isEqualTo(other.version());
        // The changed check becomes the household's verified status, as on a single save.
        HouseholdCheck check = ledger.households.checks(wang.id()).get(0);
        assertThat(check.basicMedical()).isFalse();
        assertThat(check.verifiedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(visits.count()).isEqualTo(2);
    }

    @Test
    void twoIdenticalRowsInOneFileAreOneVisitAndTheResultSaysSo() throws Exception {
        String row = "2026-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,,,,,,,\n";
        Path f = write("twice.csv", VISIT_HEADER + row + "2026-03-02,座谈,李干部,村,大石村,,,,,,,,,,\n" + row
                // the same visit saying something else: two visits (a log may hold two such by mistake or not)
                + "2026-03-01,入户走访,李干部,农户,大石村,王大山,,下午又去,,,,,,,\n");
        ImportCheck dry = visits.previewVisitsImport(f).check();
        assertThat(dry.warnings()).extracting(RowIssue::line).containsExactly(4);
        assertThat(dry.warnings().get(0).reason()).contains("第 2 行", "只计一次");
        assertThat(dry.added()).isEqualTo(3);
        assertThat(dry.rows()).isEqualTo(4);

        ImportCounts n = visits.importVisits(f);
        assertThat(n.added()).isEqualTo(3);
        assertThat(n.repeats()).containsExactly(new ImportCounts.Repeat(4, 2));
        assertThat(visits.count()).isEqualTo(3);
        ImportCounts again = visits.importVisits(f);
        assertThat(again.added() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(visits.count()).isEqualTo(3);
    }

    @Test
    void aProblemsFileWithOneChangedStatusUpdatesThatProblemOnly() throws Exception {
        Problem a = visits.raise(Problem.found(ProblemKind.DISPUTE, DisputeKind.NEIGHBOURS, "张三", dashi.id(),
                LocalDate.of(2026, 2, 1), "宅旁排水沟纠纷"));
        Problem b = visits.raise(Problem.found(ProblemKind.DISPUTE, DisputeKind.NEIGHBOURS, "张三", dashi.id(),
                LocalDate.of(2026, 2, 1), "院墙越界"));
        Problem c = visits.raise(new Problem(null, ProblemKind.HARDSHIP, null, null, sun.id(), null, null, null,
                LocalDate.of(2026, 2, 3), "缺劳力", ProblemStatus.FOUND, null, null, null, null, 0));
        Path f = dir.resolve("problems.csv");
        visits.exportProblems(f, ProblemFilter.all(), false);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        String line = text.lines().filter(l -> l.contains("院墙越界")).findFirst().orElseThrow();
        String resolved = line.replace(",排查,,,", ",已化解,2026-02-10,调解达成协议,村");
        assertThat(resolved).isNotEqualTo(line);
        write("problems.csv", text.replace(line, resolved));

        assertThat(visits.importProblems(f)).isEqualTo(new ImportCounts(0, 1, 2));
        Problem after = visits.problem(b.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ProblemStatus.RESOLVED);
        assertThat(after.resolvedOn()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(after.resolution()).isEqualTo("调解达成协议");
        assertThat(after.level()).isEqualTo(SettledLevel.VILLAGE);
        assertThat(after.version()).isEqualTo(b.version() + 1);
        assertThat(visits.problem(a.id()).orElseThrow()).isEqualTo(a);
        assertThat(visits.problem(c.id()).orElseThrow()).isEqualTo(c);
        assertThat(visits.problemCount()).isEqualTo(3);
        assertThat(visits.problemTally(2026, null).total().resolved()).isEqualTo(1);

        // Another text, raiser or day is another problem.
        Path other = write("other.csv", PROBLEM_HEADER
                + "大石村,2026-02-01,矛盾纠纷,邻里,张三,,,宅旁排水沟纠纷,调处中,,,\n"
                + "大石村,2026-02-01,矛盾纠纷,邻里,李四,,,宅旁排水沟纠纷,排查,,,\n"
                + "大石村,2026-02-02,矛盾纠纷,邻里,张三,,,宅旁排水沟纠纷,排查,,,\n");
        assertThat(visits.importProblems(other)).isEqualTo(new ImportCounts(2, 1, 0));
        assertThat(visits.problem(a.id()).orElseThrow().status()).isEqualTo(ProblemStatus.MEDIATING);
        assertThat(visits.problemCount()).isEqualTo(5);
    }

    @Test
    void aHelpRowWithOtherMoneyOrStatusUpdatesItsItem() throws Exception {
        HelpItem cow = visits.give(HelpItem.forHousehold(wang.id(), HelpKind.INDUSTRY, "养牛",
                new BigDecimal("1234.56"), null, LocalDate.of(2026, 3, 1), HelpStatus.IN_PROGRESS)
                .withHelper(li.id(), null));
        HelpItem school = visits.give(HelpItem.forVillage(xiaohe.id(), HelpKind.EDUCATION, "助学金",
                new BigDecimal("2000"), null, LocalDate.of(2026, 5, 1), HelpStatus.DONE)
                .withHelper(null, ledger.bureau.id()));
        Path f = write("help.csv", HELP_HEADER
                + "农户,大石村,王大山,,产业,养牛,1300.00,50,李干部,,2026-03-01,完成\n"
                + "村,小河村,,,教育,助学金,2000,,,县农业农村局,2026-05-01,完成\n"
                // another helper: another item
                + "农户,大石村,王大山,,产业,养牛,1300.00,50,赵干部,,2026-03-01,完成\n");

        assertThat(visits.importHelp(f)).isEqualTo(new ImportCounts(1, 1, 1));
        HelpItem after = visits.helpItem(cow.id()).orElseThrow();
        assertThat(after.money()).isEqualByComparingTo("1300.00");
        assertThat(after.goodsValue()).isEqualByComparingTo("50");
        assertThat(after.status()).isEqualTo(HelpStatus.DONE);
        assertThat(after.version()).isEqualTo(cow.version() + 1);
        assertThat(visits.helpItem(school.id()).orElseThrow().version()).isEqualTo(school.version());
        assertThat(visits.helpCount()).isEqualTo(3);
        assertThat(visits.helpTally(2026).total().money()).isEqualByComparingTo("4600.00");
    }

    @Test
    void aBadRowWritesNothingNotEvenTheUpdates() throws Exception {
        Visit v = visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT,
                List.of(li.id())).withNotes("身体好", null));
        Path f = write("bad.csv", VISIT_HEADER
                + "2026-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,联系村医,,,,,,\n"
                + "2026-03-05,入户走访,李干部,农户,大石村,王大山,,新的一次,,,,,,,\n"
                + "2026-03-06,入户走访,钱干部,农户,大石村,王大山,,,,,,,,,\n");
        ImportCheck dry = visits.previewVisitsImport(f).check();
        assertThat(dry.errors()).extracting(RowIssue::line).containsExactly(4);
        assertThat(dry.updated()).isEqualTo(1);
        assertThat(dry.added()).isEqualTo(1);

        InvalidInputException e = catchThrowableOfType(() -> visits.importVisits(f), InvalidInputException.class);
        assertThat(e.getMessage()).contains("第 4 行", "钱干部");
        assertThat(visits.count()).isEqualTo(1);
        assertThat(visits.visit(v.id()).orElseThrow()).isEqualTo(v);
    }

    @Test
    void cadresOfTheSameNameAreToldApartByTheirIdNumbersMaskedOrNot() throws Exception {
        Cadre otherLi = ledger.cadre("李干部");
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT,
                List.of(li.id(), zhao.id())));
        visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT,
                List.of(otherLi.id())));
        visits.give(HelpItem.forHousehold(wang.id(), HelpKind.INDUSTRY, "养牛", new BigDecimal("100"), null,
                LocalDate.of(2026, 3, 1), HelpStatus.DONE).withHelper(otherLi.id(), null));

        for (boolean fullId : new boolean[] {false, true}) {
            Path v = dir.resolve("visits-" + fullId + ".csv");
            Path h = dir.resolve("help-" + fullId + ".csv");
            visits.exportVisits(v, VisitFilter.all(), fullId);
            visits.exportHelp(h, HelpFilter.all(), fullId);
            String masked = org.townshipledger.common.Masking.idNumber(li.idNumber()) + "、"
                    + org.townshipledger.common.Masking.idNumber(zhao.idNumber());
            assertThat(Files.readString(v, StandardCharsets.UTF_8)).contains("走访干部身份证号")
                    .contains(fullId ? li.idNumber() + "、" + zhao.idNumber() : masked);
            assertThat(visits.importVisits(v)).isEqualTo(new ImportCounts(0, 0, 2));
            assertThat(visits.importHelp(h)).isEqualTo(new ImportCounts(0, 0, 1));
        }
        assertThat(visits.page(VisitFilter.byCadre(otherLi.id()), 0).total()).isEqualTo(1);

        // Without the numbers the name is not enough; a number that is not the named cadre's is refused.
        Path bare = write("bare.csv", VISIT_HEADER + "2026-03-01,入户走访,李干部,农户,大石村,王大山,,,,,,,,,\n");
        assertThat(catchThrowableOfType(() -> visits.importVisits(bare), InvalidInputException.class).getMessage())
                .contains("第 2 行", "2 名叫“李干部”的干部");
        Path wrong = write("wrong.csv", "走访日期,走访类别,走访干部,走访干部身份证号,对象类型,村,对象名称\n"
                + "2026-03-01,入户走访,李干部、赵干部," + zhao.idNumber() + "、" + li.idNumber() + ",农户,大石村,王大山\n"
                + "2026-03-01,入户走访,李干部,,农户,大石村,王大山\n"
                + "2026-03-01,入户走访,李干部、赵干部," + li.idNumber() + ",农户,大石村,王大山\n");
        ImportCheck dry = visits.previewVisitsImport(wrong).check();
        assertThat(dry.errors()).extracting(RowIssue::line).containsExactly(2, 2, 3, 4);
        assertThat(dry.errors()).extracting(RowIssue::reason).anyMatch(r -> r.contains("属于干部“赵干部”"))
                .anyMatch(r -> r.contains("填了 1 个身份证号，走访干部却有 2 名"));
        assertThat(visits.count()).isEqualTo(2);
    }

    @Test
    void anOlderFileTakingARecordBackIsImportedButSaidSo() throws Exception {
        Path problemsFile = write("old-problems.csv", PROBLEM_HEADER
                + "大石村,2026-02-01,矛盾纠纷,邻里,张三,,,宅旁排水沟纠纷,排查,,,\n");
        Path helpFile = write("old-help.csv", HELP_HEADER + "村,小河村,,,教育,助学金,2000,,,,2026-05-01,计划\n");
        Path visitsFile = write("old-visits.csv", VISIT_HEADER
                + "2026-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,,,,,,,\n");
        visits.importProblems(problemsFile);
        visits.importHelp(helpFile);
        visits.importVisits(visitsFile);
        // Meanwhile the office resolves the problem, finishes the help and records the check.
        Problem p = visits.problems(ProblemFilter.all()).get(0);
        visits.updateProblem(p.withStatus(ProblemStatus.RESOLVED, LocalDate.of(2026, 2, 9), "调解", SettledLevel.VILLAGE));
        HelpItem h = visits.helpItems(HelpFilter.all()).get(0);
        visits.updateHelp(h.withStatus(HelpStatus.DONE));
        Visit v = visits.page(VisitFilter.all(), 0).rows().get(0);
        visits.update(v.withCheck(VisitCheck.allAssured()));

        // The old files sent again: the file wins (it may be a correction), but the preview and the result say so.
        ImportCheck dry = visits.previewProblemsImport(problemsFile).check();
        assertThat(dry.updated()).isEqualTo(1);
        assertThat(dry.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.column()).isEqualTo("状态");
            assertThat(w.reason()).contains("台账中为“已化解”", "改回“排查”");
        });
        ImportCounts n = visits.importProblems(problemsFile);
        assertThat(n.updated()).isEqualTo(1);
        assertThat(n.notes()).extracting(ImportCounts.Note::line).containsExactly(2);
        assertThat(visits.problem(p.id()).orElseThrow().status()).isEqualTo(ProblemStatus.FOUND);
        assertThat(visits.problem(p.id()).orElseThrow().resolvedOn()).isNull();

        assertThat(visits.importHelp(helpFile).notes()).singleElement()
                .satisfies(note -> assertThat(note.reason()).contains("“完成”", "“计划”"));
        assertThat(visits.importVisits(visitsFile).notes()).singleElement()
                .satisfies(note -> assertThat(note.reason()).contains("核查将清空"));
        assertThat(visits.visit(v.id()).orElseThrow().check()).isNull();
        // The household's verified status stays as the check made it.
        assertThat(ledger.households.checks(wang.id()).get(0).allAssured()).isTrue();
        // Moving on is not worth a note.
        assertThat(visits.importHelp(write("new-help.csv", HELP_HEADER
                + "村,小河村,,,教育,助学金,2000,,,,2026-05-01,完成\n")).notes()).isEmpty();
    }

    @Test
    void onlyVisitsInUseAreMatched() throws Exception {
        Visit v = visits.record(Visit.ofHousehold(wang.id(), LocalDate.of(2026, 3, 1), VisitKind.HOME_VISIT,
                List.of(li.id())).withNotes("身体好", null));
        visits.remove(v);
        Path f = write("again.csv", VISIT_HEADER + "2026-03-01,入户走访,李干部,农户,大石村,王大山,,身体好,,,,,,,\n");
        assertThat(visits.importVisits(f)).isEqualTo(new ImportCounts(1, 0, 0));
        assertThat(visits.count()).isEqualTo(1);
        assertThat(visits.visitsInBin()).extracting(Visit::id).containsExactly(v.id());
    }
}
