package org.townshipledger.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_CHECK;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_INCOME;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_MEMBER;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.exchange.TextDecoding;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** Importing households from real .xlsx and GB18030 .csv files into a real ledger file. */
class HouseholdImportTest {

    static final String ZHANG = IdNumber.make("430599", LocalDate.of(1970, 3, 5), 11);
    static final String LI = IdNumber.make("430599", LocalDate.of(1972, 8, 9), 22);
    static final String XIAOMING = IdNumber.make("430599", LocalDate.of(2000, 6, 1), 13);
    static final String WANG = IdNumber.make("430599", LocalDate.of(1996, 4, 4), 33);
    static final String FANG = IdNumber.make("430599", LocalDate.of(2020, 2, 2), 44);

    @TempDir
    Path dir;

    private Database db;
    private HouseholdService service;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir.resolve("ledger"), LedgerSettings.of("青石镇", "示范县", 2025));
        VillageService villages = new VillageService(db);
        villages.save(village("大石村", "一组", "二组"));
        villages.save(village("龙泉村", "一组"));
        service = new HouseholdService(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static Village village(String name, String... groups) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null, Set.of(),
                Arrays.stream(groups).map(VillageGroup::named).toList(), 0, null, null);
    }

    // ---- rows in the export layout ----

    /** A member row in {@link HouseholdSheet#HEADERS} order, household facts filled for a head. */
    static Map<String, Object> member(String no, String village, String group, String name, String id, String relation) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (String h : HouseholdSheet.HEADERS) {
            r.put(h, "");
        }
        r.put(HouseholdSheet.H_NO, no);
        r.put(HouseholdSheet.H_VILLAGE, village);
        r.put(HouseholdSheet.H_GROUP, group);
        r.put(HouseholdSheet.H_NAME, name);
        r.put(HouseholdSheet.H_ID, id);
        r.put(HouseholdSheet.H_RELATION, relation);
        if (IdNumber.isValid(IdNumber.normalize(id))) {
            String valid = IdNumber.normalize(id);
            r.put(HouseholdSheet.H_SEX, IdNumber.sex(valid) == Sex.MALE ? "男" : "女");
            r.put(HouseholdSheet.H_BIRTH, IdNumber.birthDate(valid).toString());
        }
        r.put(HouseholdSheet.H_ETHNICITY, "汉族");
        r.put(HouseholdSheet.H_EDUCATION, "初中");
        r.put(HouseholdSheet.H_IN_SCHOOL, "非在校生");
        r.put(HouseholdSheet.H_HEALTH, "健康");
        r.put(HouseholdSheet.H_LABOUR, "普通劳动力");
        r.put(HouseholdSheet.H_WORK, "省外务工");
        if (relation.equals("户主")) {
            r.put(HouseholdSheet.H_PHONE, "13800001111");
            r.put(HouseholdSheet.H_CATEGORY, "一般贫困户");
            r.put(HouseholdSheet.H_CAUSE, "因病");
            r.put(HouseholdSheet.H_STATUS, "已脱贫");
            r.put(HouseholdSheet.H_EXIT_YEAR, "2019");
            r.put(HouseholdSheet.H_INCOME, "8650.5");
            for (String c : HouseholdSheet.CHECK_HEADERS) {
                r.put(c, "是");
            }
        }
        return r;
    }

    static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
        row.put(column, value);
        return row;
    }

    static List<List<Object>> sheet(List<Map<String, Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        out.add(new ArrayList<>(HouseholdSheet.HEADERS));
        for (Map<String, Object> r : rows) {
            out.add(new ArrayList<>(r.values()));
        }
        return out;
    }

    static List<Map<String, Object>> twoHouseholds() {
        return new ArrayList<>(List.of(
                member("A001", "大石村", "一组", "张大山", ZHANG, "户主"),
                member("A001", "大石村", "一组", "李秀英", LI, "配偶"),
                member("A001", "大石村", "一组", "张小明", XIAOMING, "之子"),
                member("A002", "龙泉村", "一组", "王强", WANG, "户主"),
                member("A002", "龙泉村", "一组", "王芳", FANG, "之女")));
    }

    private ImportResult importFile(Path file) throws IOException {
        return service.importHouseholds(file, ImportOptions.defaults());
    }

    private Household byHead(String headName) {
        UUID id = service.search(HouseholdQuery.all().withText(headName), 0, 10).rows().stream()
                .filter(r -> r.headName().equals(headName)).findFirst().orElseThrow().id();
        return service.household(id).orElseThrow();
    }

    /** Every row of the household tables, to show that a refused import changed nothing. */
    private List<String> ledgerRows() {
        List<String> all = new ArrayList<>();
        all.add(db.dsl().selectFrom(HOUSEHOLD).orderBy(HOUSEHOLD.ID).fetch().formatCSV());
        all.add(db.dsl().selectFrom(HOUSEHOLD_MEMBER).orderBy(HOUSEHOLD_MEMBER.ID).fetch().formatCSV());
        all.add(db.dsl().selectFrom(HOUSEHOLD_CHECK).orderBy(HOUSEHOLD_CHECK.HOUSEHOLD_ID).fetch().formatCSV());
        all.add(db.dsl().selectFrom(HOUSEHOLD_INCOME).orderBy(HOUSEHOLD_INCOME.HOUSEHOLD_ID).fetch().formatCSV());
        return all;
    }

    // ---- good files ----

    @Test
    void goodXlsxAddsHouseholdsWithEveryField() throws IOException {
        List<Map<String, Object>> rows = twoHouseholds();
        with(rows.get(3), HouseholdSheet.H_MONITORING, "边缘易致贫户");
        with(rows.get(3), HouseholdSheet.H_RISK, "因病");
        with(rows.get(3), HouseholdSheet.H_RISK_ELIMINATED, "否");
        with(rows.get(3), HouseholdSheet.H_CATEGORY, "");
        with(rows.get(3), HouseholdSheet.H_CAUSE, "");
        with(rows.get(3), HouseholdSheet.H_STATUS, "");
        with(rows.get(3), HouseholdSheet.H_EXIT_YEAR, "");
        with(rows.get(3), HouseholdSheet.H_MEDICAL, "否");
        with(rows.get(4), HouseholdSheet.H_IN_SCHOOL, "学前教育");
        with(rows.get(4), HouseholdSheet.H_EDUCATION, "学龄前儿童");
        with(rows.get(4), HouseholdSheet.H_LABOUR, "无劳动力");
        with(rows.get(4), HouseholdSheet.H_WORK, "");
        Path f = SheetFiles.xlsx(dir.resolve("good.xlsx"), sheet(rows));

        ImportResult r = importFile(f);

        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r).extracting(ImportResult::added, ImportResult::updated, ImportResult::members, ImportResult::written)
                .containsExactly(2, 0, 5, true);
        assertThat(service.householdCount()).isEqualTo(2);
        assertThat(service.memberCount()).isEqualTo(5);

        Household zhang = byHead("张大山");
        assertThat(zhang.householdNo()).isEqualTo("A001");
        assertThat(zhang.villageName()).isEqualTo("大石村");
        assertThat(zhang.groupName()).isEqualTo("一组");
        assertThat(zhang.phone()).isEqualTo("13800001111");
        assertThat(zhang.category()).isEqualTo(HouseholdCategory.GENERAL);
        assertThat(zhang.mainCause()).isEqualTo(PovertyCause.ILLNESS);
        assertThat(zhang.status()).isEqualTo(PovertyStatus.OUT);
        assertThat(zhang.exitYear()).isEqualTo(2019);
        assertThat(zhang.monitoringType()).isNull();
        assertThat(zhang.members()).extracting(Member::name, Member::idNumber, Member::relation, Member::sex,
                Member::birthDate).containsExactly(
                tuple("张大山", ZHANG, Relation.HEAD, Sex.MALE, LocalDate.of(1970, 3, 5)),
                tuple("李秀英", LI, Relation.SPOUSE, Sex.FEMALE, LocalDate.of(1972, 8, 9)),
                tuple("张小明", XIAOMING, Relation.SON, Sex.MALE, LocalDate.of(2000, 6, 1)));
        assertThat(zhang.members().get(0)).extracting(Member::ethnicity, Member::education, Member::inSchool,
                Member::health, Member::labourSkill, Member::workStatus).containsExactly("汉族", Education.JUNIOR,
                InSchool.NONE, Health.HEALTHY, LabourSkill.ORDINARY, WorkStatus.OUT_OF_PROVINCE);
        assertThat(service.checks(zhang.id())).containsExactly(
                new HouseholdCheck(2025, true, true, true, true, true, null, null));
        assertThat(service.incomes(zhang.id())).containsExactly(new Income(2025, new BigDecimal("8650.50")));

        Household wang = byHead("王强");
        assertThat(wang.category()).isNull();
        assertThat(wang.status()).isNull();
        assertThat(wang.monitoringType()).isEqualTo(MonitoringType.MARGINAL);
        assertThat(wang.riskType()).isEqualTo(RiskType.ILLNESS);
        assertThat(wang.riskEliminated()).isFalse();
        assertThat(wang.members().get(1)).extracting(Member::inSchool, Member::education, Member::labourSkill,
                Member::workStatus).containsExactly(InSchool.PRESCHOOL, Education.PRESCHOOL, LabourSkill.NONE, null);
        assertThat(service.checks(wang.id())).extracting(HouseholdCheck::basicMedical, HouseholdCheck::allAssured)
                .containsExactly(tuple(false, false));
    }

    @Test
    void titleRowsHeaderVariantsAnyOrderUnknownColumnsAndMessyCellsAreRead() throws IOException {
        String withX = idEndingInX(LocalDate.of(1985, 11, 30), Sex.FEMALE);
        String fullWidthZhang = toFullWidth(ZHANG.substring(0, 6)) + " " + ZHANG.substring(6, 14) + "\u3000" + ZHANG.substring(14);
        String lowerX = withX.substring(0, 17) + " x ";
        List<List<Object>> rows = List.of(
                List.of("青石镇 2025 年贫困户、监测户台账"),
                List.of("填报单位：青石镇人民政府", "", "", "填报日期：2025-06-30"),
                List.of(),
                List.of("序号", "身份证号码", "成员姓名", "* 与户主关系", "行政村", "村民小组", "备注", "户编号",
                        "出生日期（yyyy-mm-dd）", "性别", "是否脱贫", "脱贫年度", "贫困户属性", "防返贫监测对象类别",
                        "致贫风险", "人均纯收入（元）", "不愁吃不愁穿", "义务教育保障", "基本医疗保障", "住房安全保障",
                        "饮水安全", "电话", "学历", "在校生状况", "健康状态", "劳动能力", "务工情况", "民族"),
                List.of("1", fullWidthZhang, " 张 大山 ", "户主", "大石村", "二组", "老党员", "A001", LocalDate.of(1970, 3, 5),
                        "", "是", "２０１９", "低保户", "", "", "９,６５０.００", "是", "√", "Y", "是", "是",
                        "１３８ ００００ ０２２２", "小学", "非在校生", "长期慢性病", "弱劳动力", "未务工", "汉族"),
                List.of("2", lowerX, "李秀英", "妻", "大石村", "二组", "", "", "", "女", "", "", "", "", "", "", "", "",
                        "", "", "", "", "文盲或半文盲", "", "健康", "普通劳动力", "乡（镇）内务工", "苗族"));
        Path f = SheetFiles.xlsx(dir.resolve("variants.xlsx"), rows);

        ImportResult r = importFile(f);

        assertThat(r.errors()).isEmpty();
        assertThat(r).extracting(ImportResult::added, ImportResult::members).containsExactly(1, 2);
        Household h = byHead("张大山");
        assertThat(h.householdNo()).isEqualTo("A001");
        assertThat(h.groupName()).isEqualTo("二组");
        assertThat(h.phone()).isEqualTo("13800000222");
        assertThat(h.category()).isEqualTo(HouseholdCategory.LOW_INCOME);
        assertThat(h.status()).isEqualTo(PovertyStatus.OUT);
        assertThat(h.exitYear()).isEqualTo(2019);
        assertThat(h.members()).extracting(Member::name, Member::idNumber, Member::relation, Member::sex,
                Member::birthDate, Member::ethnicity).containsExactly(
                tuple("张大山", ZHANG, Relation.HEAD, Sex.MALE, LocalDate.of(1970, 3, 5), "汉族"),
                tuple("李秀英", withX, Relation.SPOUSE, Sex.FEMALE, LocalDate.of(1985, 11, 30), "苗族"));
        assertThat(h.members().get(0)).extracting(Member::health, Member::labourSkill, Member::workStatus)
                .containsExactly(Health.CHRONIC, LabourSkill.WEAK, WorkStatus.NOT_WORKING);
        assertThat(service.incomes(h.id())).containsExactly(new Income(2025, new BigDecimal("9650.00")));
        assertThat(service.checks(h.id())).extracting(HouseholdCheck::allAssured).containsExactly(true);
    }

    @Test
    void gb18030CsvWithoutHouseholdNumbersGroupsRowsUnderTheirHead() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("所在村", "组", "姓名", "身份证号", "与户主关系", "联系电话"));
        rows.add(List.of("大石村", "一组", "张大山", ZHANG, "户主", "13800001111"));
        rows.add(List.of("大石村", "一组", "李秀英", LI, "配偶", ""));
        rows.add(List.of("大石村", "一组", "张小明", XIAOMING, "之子", ""));
        rows.add(List.of("龙泉村", "", "王强", WANG, "户主", ""));
        rows.add(List.of("", "", "王芳", FANG, "之女", ""));
        Path f = SheetFiles.csv(dir.resolve("gbk.csv"), rows, TextDecoding.GB18030);

        ImportResult r = importFile(f);

        assertThat(r.errors()).isEmpty();
        assertThat(r).extracting(ImportResult::added, ImportResult::members).containsExactly(2, 5);
        assertThat(byHead("张大山").members()).extracting(Member::name).containsExactly("张大山", "李秀英", "张小明");
        Household wang = byHead("王强");
        assertThat(wang.members()).extracting(Member::name).containsExactly("王强", "王芳");
        assertThat(wang.groupId()).isNull();
        assertThat(wang.householdNo()).isNull();
        assertThat(service.checks(wang.id())).isEmpty();
        assertThat(service.incomes(wang.id())).isEmpty();
    }

    @Test
    void aRowWithNeitherNumberNorHeadAboveIsAnError() throws IOException {
        List<List<Object>> rows = List.of(
                List.of("村", "姓名", "证件号码", "与户主关系"),
                List.of("大石村", "李秀英", LI, "配偶"),
                List.of("大石村", "张大山", ZHANG, "户主"));
        Path f = SheetFiles.csv(dir.resolve("orphan.csv"), rows, StandardCharsets.UTF_8);

        ImportResult r = importFile(f);

        assertThat(r.errors()).extracting(RowProblem::line, RowProblem::column, RowProblem::value)
                .containsExactly(tuple(2, "与户主关系", "配偶"));
        assertThat(r.errors().get(0).reason()).contains("上面也没有户主行");
        assertThat(service.householdCount()).isZero();
    }

    // ---- every check, each on its own row, all reported, nothing written ----

    @Test
    void everyCheckIsReportedWithRowColumnAndValueAndNothingIsWritten() throws IOException {
        service.importHouseholds(SheetFiles.xlsx(dir.resolve("first.xlsx"), sheet(twoHouseholds().subList(3, 5))),
                ImportOptions.defaults());
        List<String> before = ledgerRows();
        String badCheckDigit = LI.substring(0, 17) + (LI.charAt(17) == '0' ? '1' : '0');
        String legacy = "430599700305123";
        String sexMismatch = IdNumber.make("430599", LocalDate.of(1980, 1, 1), 15);
        String birthMismatch = IdNumber.make("430599", LocalDate.of(1981, 2, 3), 17);
        String[] fresh = new String[8];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = IdNumber.make("430599", LocalDate.of(1990, 1, 1 + i), 101 + 2 * i);
        }
        List<Map<String, Object>> rows = List.of(
                member("A001", "大石村", "一组", "张大山", ZHANG, "户主"),                        // 2 good
                member("A001", "大石村", "一组", "李秀英", badCheckDigit, "配偶"),                 // 3
                member("B002", "大石村", "一组", "赵一", legacy, "户主"),                          // 4
                with(member("B003", "大石村", "一组", "赵二", "", "户主"), HouseholdSheet.H_ID,
                        4.30599198001011E17),                                             // 5 Excel number
                with(member("B004", "大石村", "一组", "赵三", sexMismatch, "户主"), HouseholdSheet.H_SEX, "女"), // 6
                with(member("B005", "大石村", "一组", "赵四", birthMismatch, "户主"),
                        HouseholdSheet.H_BIRTH, "1981-02-04"),                                    // 7
                member("B006", "大石村", "一组", "赵五", ZHANG, "户主"),                          // 8 same ID as row 2
                member("B007", "大石村", "一组", "赵六", FANG, "户主"),                           // 9 held in the ledger
                member("B008", "大石村", "一组", "赵七", fresh[0], "之子"),                        // 10 no head
                member("B009", "大石村", "一组", "赵八", fresh[1], "户主"),                        // 11
                member("B009", "大石村", "一组", "赵九", fresh[2], "户主"),                        // 12 second head
                member("B010", "白云村", "一组", "钱一", fresh[3], "户主"),                        // 13 unknown village
                member("B011", "大石村", "九组", "钱二", fresh[4], "户主"));                       // 14 unknown group
        Path f = SheetFiles.xlsx(dir.resolve("bad.xlsx"), sheetOfObjects(rows));

        ImportResult r = importFile(f);

        assertThat(r.written()).isFalse();
        assertThat(r.errors()).extracting(RowProblem::line, RowProblem::column, RowProblem::value).containsExactly(
                tuple(3, "证件号码", badCheckDigit),
                tuple(4, "证件号码", legacy),
                tuple(5, "证件号码", "4.30599198001011E+17"),
                tuple(6, "性别", "女"),
                tuple(7, "出生日期", "1981-02-04"),
                tuple(8, "证件号码", ZHANG),
                tuple(9, "证件号码", FANG),
                tuple(10, "与户主关系", "之子"),
                tuple(12, "与户主关系", "户主"),
                tuple(13, "村", "白云村"),
                tuple(14, "组", "九组"));
        List<String> reasons = r.errors().stream().map(RowProblem::reason).toList();
        assertThat(reasons.get(0)).contains("校验位");
        assertThat(reasons.get(1)).contains("15 位");
        assertThat(reasons.get(2)).contains("被 Excel 当成数字保存了");
        assertThat(reasons.get(3)).isEqualTo("赵三：性别填的是“女”，但身份证号显示为“男”");
        assertThat(reasons.get(4)).isEqualTo("赵四：出生日期填的是 1981-02-04，但身份证号显示为 1981-02-03");
        assertThat(reasons.get(5)).isEqualTo("证件号码与第 2 行（张大山）相同，一个证件号码只能属于一人");
        assertThat(reasons.get(6)).isEqualTo("赵六 的身份证号已属于台账中的另一人：龙泉村 王强户的 王芳");
        assertThat(reasons.get(7)).contains("没有户主");
        assertThat(reasons.get(8)).contains("有 2 名户主");
        assertThat(reasons.get(9)).contains("台账中没有这个村");
        assertThat(reasons.get(10)).isEqualTo("大石村没有这个村民小组");
        assertThat(r.errors().get(2).describe()).startsWith("第 5 行，证件号码：“4.30599198001011E+17” 身份证号");
        assertThat(ledgerRows()).isEqualTo(before);
        assertThat(service.householdCount()).isEqualTo(1);
    }

    @Test
    void oneBadRowAmongManyGoodOnesLeavesTheLedgerUnchanged() throws IOException {
        service.importHouseholds(SheetFiles.xlsx(dir.resolve("first.xlsx"), sheet(twoHouseholds())),
                ImportOptions.defaults());
        List<String> before = ledgerRows();
        List<Map<String, Object>> rows = twoHouseholds();
        with(rows.get(0), HouseholdSheet.H_PHONE, "13900009999");
        for (int i = 0; i < 300; i++) {
            rows.add(member("B" + i, "大石村", "二组", "孙" + i, IdNumber.make("430599", LocalDate.of(1960, 1, 1)
                    .plusDays(i), 201 + 2 * (i % 300)), "户主"));
        }
        rows.add(with(member("C1", "大石村", "二组", "周一", IdNumber.make("430599", LocalDate.of(1961, 5, 5), 301),
                "户主"), HouseholdSheet.H_STATUS, "已脱贫啦"));
        Path f = SheetFiles.csv(dir.resolve("one-bad.csv"), sheet(rows), TextDecoding.GB18030);

        ImportResult r = importFile(f);

        assertThat(r.errors()).extracting(RowProblem::line, RowProblem::column).containsExactly(tuple(307, "脱贫状态"));
        assertThat(r.errors().get(0).reason()).isEqualTo("无法识别，应为：未脱贫、已脱贫");
        assertThat(ledgerRows()).isEqualTo(before);
        assertThat(byHead("张大山").phone()).isEqualTo("13800001111");
    }

    @Test
    void warningsAreReportedButDoNotBlock() throws IOException {
        List<Map<String, Object>> rows = List.of(
                with(with(member("A001", "大石村", "一组", "张大山", ZHANG, "户主"), HouseholdSheet.H_MONITORING,
                        "脱贫不稳定户"), HouseholdSheet.H_RISK, ""),
                member("A001", "大石村", "一组", "李秀英", LI, "之子"),
                member("A001", "大石村", "一组", "张老大", IdNumber.make("430599", LocalDate.of(1950, 1, 1), 19), "之子"));
        Path f = SheetFiles.xlsx(dir.resolve("warn.xlsx"), sheet(rows));

        ImportResult r = importFile(f);

        assertThat(r.errors()).isEmpty();
        assertThat(r.written()).isTrue();
        assertThat(r.warnings()).extracting(RowProblem::line, RowProblem::column, RowProblem::reason).containsExactly(
                tuple(2, "风险类别", "监测户还没有填写风险类别"),
                tuple(3, "与户主关系", "李秀英：与户主关系为“之子”，性别却是“女”，请核对"),
                tuple(4, "出生日期", "张老大（之子）比户主 张大山 年龄还大，请核对"));
        assertThat(service.householdCount()).isEqualTo(1);
        assertThat(service.memberCount()).isEqualTo(3);
    }

    // ---- updates ----

    @Test
    void reimportingUpdatesTheHouseholdsKeepsMemberIdsAndMovesDroppedMembersToTheBin() throws IOException {
        importFile(SheetFiles.xlsx(dir.resolve("first.xlsx"), sheet(twoHouseholds())));
        Household zhangBefore = byHead("张大山");
        Household wangBefore = byHead("王强");
        String newborn = IdNumber.make("430599", LocalDate.of(2024, 9, 9), 55);
        List<Map<String, Object>> rows = twoHouseholds();
        with(rows.get(0), HouseholdSheet.H_PHONE, "13900009999");
        with(rows.get(0), HouseholdSheet.H_MEDICAL, "否");
        with(rows.get(0), HouseholdSheet.H_INCOME, "9100");
        rows.remove(1);                                                     // 李秀英 left the household
        rows.add(2, member("A001", "大石村", "一组", "张小宝", newborn, "之孙子"));
        Path f = SheetFiles.csv(dir.resolve("second.csv"), sheet(rows), StandardCharsets.UTF_8);

        ImportResult r = importFile(f);

        assertThat(r.errors()).isEmpty();
        assertThat(r).extracting(ImportResult::added, ImportResult::updated, ImportResult::members)
                .containsExactly(0, 2, 5);
        assertThat(r.warnings()).extracting(RowProblem::line, RowProblem::value, RowProblem::reason).containsExactly(
                tuple(2, "李秀英", "台账中这一户的成员 李秀英 不在文件中，导入后将移入回收站"));
        assertThat(service.householdCount()).isEqualTo(2);
        assertThat(service.memberCount()).isEqualTo(5);
        Household zhang = service.household(zhangBefore.id()).orElseThrow();
        assertThat(zhang.phone()).isEqualTo("13900009999");
        assertThat(zhang.version()).isEqualTo(zhangBefore.version() + 1);
        assertThat(zhang.members()).extracting(Member::name).containsExactly("张大山", "张小明", "张小宝");
        assertThat(zhang.members().get(0).id()).isEqualTo(zhangBefore.members().get(0).id());
        assertThat(zhang.members().get(1).id()).isEqualTo(zhangBefore.members().get(2).id());
        assertThat(db.dsl().fetchValue(db.dsl().select(HOUSEHOLD_MEMBER.DELETED_AT).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.ID.eq(zhangBefore.members().get(1).id())))).as("李秀英 in the bin").isNotNull();
        assertThat(service.checks(zhang.id())).extracting(HouseholdCheck::basicMedical).containsExactly(false);
        assertThat(service.incomes(zhang.id())).containsExactly(new Income(2025, new BigDecimal("9100.00")));
        assertThat(service.household(wangBefore.id()).orElseThrow().members()).extracting(Member::id)
                .isEqualTo(wangBefore.members().stream().map(Member::id).toList());

        ImportResult again = importFile(f);
        assertThat(again).extracting(ImportResult::added, ImportResult::updated).containsExactly(0, 2);
        assertThat(again.warnings()).isEmpty();
        assertThat(service.householdCount()).isEqualTo(2);
        assertThat(db.dsl().fetchCount(HOUSEHOLD)).isEqualTo(2);
    }

    @Test
    void withoutNumbersAHouseholdIsFoundByItsHeadsIdButNotInTheRecycleBin() throws IOException {
        importFile(SheetFiles.xlsx(dir.resolve("first.xlsx"), sheet(twoHouseholds())));
        Household zhang = byHead("张大山");
        service.moveToBin(byHead("王强"));
        List<List<Object>> rows = List.of(
                List.of("村", "姓名", "证件号码", "与户主关系", "联系电话"),
                List.of("大石村", "张大山", ZHANG, "户主", "13700000000"),
                List.of("大石村", "李秀英", LI, "配偶", ""),
                List.of("大石村", "张小明", XIAOMING, "之子", ""),
                List.of("龙泉村", "王强", WANG, "户主", "13600000000"));

        ImportResult r = importFile(SheetFiles.csv(dir.resolve("heads.csv"), rows, StandardCharsets.UTF_8));

        assertThat(r.errors()).isEmpty();
        assertThat(r).extracting(ImportResult::added, ImportResult::updated).containsExactly(1, 1);
        assertThat(service.household(zhang.id()).orElseThrow().phone()).isEqualTo("13700000000");
        assertThat(service.householdsInBin()).extracting(HouseholdRow::headName).containsExactly("王强");
        assertThat(byHead("王强").phone()).isEqualTo("13600000000");
        assertThat(service.householdCount()).isEqualTo(2);
    }

    @Test
    void columnsTheFileLacksKeepTheLedgersValues() throws IOException {
        importFile(SheetFiles.xlsx(dir.resolve("first.xlsx"), sheet(twoHouseholds())));
        List<List<Object>> rows = List.of(
                List.of("村", "姓名", "证件号码", "与户主关系", "联系电话"),
                List.of("大石村", "张大山", ZHANG, "户主", "13700000000"),
                List.of("大石村", "李秀英", LI, "配偶", ""),
                List.of("大石村", "张小明", XIAOMING, "之子", ""));

        ImportResult r = importFile(SheetFiles.csv(dir.resolve("phones.csv"), rows, StandardCharsets.UTF_8));

        assertThat(r).extracting(ImportResult::added, ImportResult::updated).containsExactly(0, 1);
        Household h = byHead("张大山");
        assertThat(h.phone()).isEqualTo("13700000000");
        assertThat(h.householdNo()).isEqualTo("A001");
        assertThat(h.groupName()).isEqualTo("一组");
        assertThat(h.category()).isEqualTo(HouseholdCategory.GENERAL);
        assertThat(h.exitYear()).isEqualTo(2019);
        assertThat(h.members().get(0).education()).isEqualTo(Education.JUNIOR);
        assertThat(service.checks(h.id())).hasSize(1);
    }

    @Test
    void aMemberMovingBetweenTwoHouseholdsOfTheFileKeepsHerId() throws IOException {
        importFile(SheetFiles.xlsx(dir.resolve("first.xlsx"), sheet(twoHouseholds())));
        UUID fang = byHead("王强").members().get(1).id();
        List<Map<String, Object>> rows = twoHouseholds();
        Map<String, Object> moved = rows.remove(4);
        moved.put(HouseholdSheet.H_NO, "A001");
        moved.put(HouseholdSheet.H_VILLAGE, "大石村");
        moved.put(HouseholdSheet.H_RELATION, "之孙女");
        rows.add(3, moved);

        ImportResult r = importFile(SheetFiles.xlsx(dir.resolve("moved.xlsx"), sheet(rows)));

        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(byHead("张大山").members()).extracting(Member::name, Member::id).contains(tuple("王芳", fang));
        assertThat(byHead("王强").members()).extracting(Member::name).containsExactly("王强");
        assertThat(service.memberCount()).isEqualTo(5);
    }

    // ---- options ----

    @Test
    void dryRunChecksAndWritesNothing() throws IOException {
        Path f = SheetFiles.xlsx(dir.resolve("good.xlsx"), sheet(twoHouseholds()));

        ImportResult r = service.importHouseholds(f, ImportOptions.defaults().withDryRun(true));

        assertThat(r).extracting(ImportResult::added, ImportResult::updated, ImportResult::members, ImportResult::written)
                .containsExactly(2, 0, 5, false);
        assertThat(service.householdCount()).isZero();
        assertThat(db.dsl().fetchCount(HOUSEHOLD_MEMBER)).isZero();
    }

    @Test
    void errorReportHoldsTheOriginalRowsOfTheErrorsWithTheirReasons() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("户编号", "村", "姓名", "身份证号", "与户主关系", "性别", "备注"));
        rows.add(List.of("A001", "大石村", "张大山", ZHANG, "户主", "男", "好"));
        rows.add(List.of("A001", "大石村", "李秀英", "4.30599E+17", "配偶", "未知", "待核"));
        rows.add(List.of("A002", "白云村", "王强", WANG, "户主", "男", ""));
        Path f = SheetFiles.csv(dir.resolve("bad.csv"), rows, TextDecoding.GB18030);
        Path report = dir.resolve("reports").resolve("errors.xlsx");

        ImportResult r = service.importHouseholds(f, ImportOptions.defaults().withErrorReport(report));

        assertThat(r.errorReport()).isEqualTo(report);
        assertThat(r.errors()).hasSize(3);
        List<List<String>> cells = readXlsx(report);
        assertThat(cells).containsExactly(
                List.of("户编号", "村", "姓名", "身份证号", "与户主关系", "性别", "备注", "错误原因"),
                List.of("A001", "大石村", "李秀英", "4.30599E+17", "配偶", "未知", "待核",
                        "身份证号：“4.30599E+17” " + r.errors().get(0).reason() + "；性别：“未知” 无法识别，应为：男、女"),
                List.of("A002", "白云村", "王强", WANG, "户主", "男", "",
                        "村：“白云村” 台账中没有这个村（请先在村庄名册中添加，或核对村名）"));
        assertThat(service.householdCount()).isZero();
    }

    @Test
    void cancelStopsBeforeWritingAndProgressIsReported() throws IOException {
        Path f = SheetFiles.xlsx(dir.resolve("good.xlsx"), sheet(twoHouseholds()));
        List<String> stages = new ArrayList<>();
        ImportOptions.Progress progress = (stage, done, total) -> stages.add(stage + " " + done + "/" + total);

        catchThrowableOfType(CancellationException.class, () -> service.importHouseholds(f,
                ImportOptions.defaults().withProgress(progress).withCancel(() -> stages.size() >= 2)));

        assertThat(service.householdCount()).isZero();
        ImportResult r = service.importHouseholds(f, ImportOptions.defaults().withProgress(progress));
        assertThat(r.written()).isTrue();
        assertThat(stages).contains("READING 5/5", "CHECKING 5/5", "WRITING 5/5");
    }

    @Test
    void aFileWithoutTheRequiredHeadersIsRefused() throws IOException {
        Path f = SheetFiles.csv(dir.resolve("noheader.csv"), List.of(List.of("名字", "号码"), List.of("张三", ZHANG)),
                StandardCharsets.UTF_8);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> importFile(f));

        assertThat(e.getMessage()).isEqualTo("没有找到表头行：表头应包含 村、姓名、证件号码、与户主关系");
    }

    // ---- helpers ----

    static List<List<Object>> sheetOfObjects(List<Map<String, Object>> rows) {
        return sheet(rows);
    }

    static List<List<String>> readXlsx(Path f) throws IOException {
        List<List<String>> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            Sheet s = wb.getSheetAt(0);
            for (Row row : s) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : fmt.formatCellValue(row.getCell(c)));
                }
                out.add(cells);
            }
        }
        return out;
    }

    static String idEndingInX(LocalDate birth, Sex sex) {
        for (int seq = sex == Sex.MALE ? 1 : 0; seq < 1000; seq += 2) {
            String id = IdNumber.make("430599", birth, seq);
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new IllegalStateException();
    }

    static String toFullWidth(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append((char) (c - '0' + '０'));
        }
        return sb.toString();
    }
}
