package org.townshipledger.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
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
import org.townshipledger.common.Problem;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** Units, cadres and postings through real .xlsx and .csv files: all-or-nothing, upserts, round trips. */
class CadreImportExportTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String UNITS = "单位名称,级别,类型,联系人,联系电话\n"
            + "县农业农村局,县/旗,机关单位,刘科长,0739-1234567\n"
            + "县财政局,县/旗,机关单位,,\n"
            + "绿源农业公司,县/旗,民营企业,王经理,13800001111\n";
    private static final String LI_ID = IdNumber.make("430599", LocalDate.of(1985, 6, 1), 13);
    private static final String WANG_ID = IdNumber.make("430599", LocalDate.of(1992, 2, 3), 24);

    @TempDir
    Path dir;

    private Database db;
    private CadreService cadres;
    private VillageService villages;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = open(dir.resolve("ledger"));
        villages = new VillageService(db);
        cadres = service(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Database open(Path at) {
        return Database.create(at, LedgerSettings.of("青石镇", "示范县", 2025));
    }

    private static CadreService service(Database d) {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(d.dsl());
        return new CadreService(d, new VillageService(d, settings, clock), settings, clock);
    }

    private Path csv(String name, String text, Charset charset) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(charset));
        return f;
    }

    private Village village(VillageService service, String name) {
        return service.save(new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null, null,
                Set.of(), List.of(), 0, null, null));
    }

    private Cadre cadre(String name) {
        return cadres.cadres(null, null, null).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** A cadres sheet as offices make it in Excel: a title row, dates as date cells, ID numbers as text. */
    private Path cadresXlsx() throws IOException {
        Path f = dir.resolve("cadres.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("干部");
            s.createRow(0).createCell(0).setCellValue("青石镇驻村干部名册");
            String[] headers = {"姓名", "性别", "出生日期", "身份证号", "联系电话", "工作单位", "级别", "是否党员", "备注"};
            Row head = s.createRow(1);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Row li = s.createRow(2);
            li.createCell(0).setCellValue("李明");
            li.createCell(1).setCellValue("男");
            li.createCell(2).setCellValue(LocalDate.of(1985, 6, 1));
            li.getCell(2).setCellStyle(date);
            li.createCell(3).setCellValue(LI_ID);
            li.createCell(4).setCellValue(13912345678d);
            li.createCell(5).setCellValue("县农业农村局");
            li.createCell(6).setCellValue("科级");
            li.createCell(7).setCellValue("是");
            Row wang = s.createRow(3);
            wang.createCell(0).setCellValue("王芳");
            wang.createCell(3).setCellValue(WANG_ID); // sex and birth date from the ID number
            wang.createCell(5).setCellValue("县财政局");
            wang.createCell(6).setCellValue("一般干部");
            wang.createCell(7).setCellValue("否");
            wang.createCell(8).setCellValue("驻村工作队员");
            Row zhao = s.createRow(4);
            zhao.createCell(0).setCellValue("赵支书");
            zhao.createCell(1).setCellValue("男");
            zhao.createCell(2).setCellValue("1972/3/15");
            zhao.createCell(6).setCellValue("村干部");
            zhao.createCell(7).setCellValue("是");
            wb.write(out);
        }
        return f;
    }

    @Test
    void unitsImportAddsThenUpdatesByName() throws IOException {
        assertThat(cadres.importUnits(csv("units.csv", UNITS, StandardCharsets.UTF_8))).isEqualTo(new ImportCount(3, 0));
        assertThat(cadres.units()).extracting(Unit::name, Unit::level, Unit::type, Unit::contactPerson).contains(
                tuple("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN, "刘科长"),
                tuple("绿源农业公司", UnitLevel.COUNTY, UnitType.PRIVATE_ENTERPRISE, "王经理"));

        ImportCount again = cadres.importUnits(csv("units2.csv", "单位名称,联系人\n县财政局,陈会计\n市教育局,\n",
                GB18030));

        assertThat(again).isEqualTo(new ImportCount(1, 1));
        Unit finance = cadres.units().stream().filter(u -> u.name().equals("县财政局")).findFirst().orElseThrow();
        assertThat(finance.contactPerson()).isEqualTo("陈会计");
        assertThat(finance.level()).as("a column left out keeps the ledger's value").isEqualTo(UnitLevel.COUNTY);
        assertThat(cadres.unitCount()).isEqualTo(4);
    }

    @Test
    void badUnitsAreAllListedAndNothingIsWritten() throws IOException {
        Path f = csv("bad-units.csv", "单位名称,级别,类型\n县农业农村局,县级,机关单位\n,县/旗,机关单位\n"
                + "县财政局,市,衙门\n县财政局,市,机关单位\n", StandardCharsets.UTF_8);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> cadres.importUnits(f));

        assertThat(e.problems()).extracting(Problem::line, Problem::field, Problem::message).containsExactly(
                tuple(2, "级别", "级别“县级”无法识别，应为 自治区/省、市、县/旗、乡镇、村"),
                tuple(3, "单位名称", "请填写单位名称"),
                tuple(4, "类型", "类型“衙门”无法识别，应为 机关单位、事业单位、国有企业、民营企业、社会组织、其他"),
                tuple(5, "单位名称", "单位“县财政局”在第 4 行已出现过"));
        assertThat(cadres.unitCount()).isZero();
    }

    @Test
    void cadresFromAnXlsxWithDateCellsAndIdNumbers() throws IOException {
        cadres.importUnits(csv("units.csv", UNITS, StandardCharsets.UTF_8));

        ImportCount r = cadres.importCadres(cadresXlsx());

        assertThat(r).isEqualTo(new ImportCount(3, 0));
        Cadre li = cadre("李明");
        assertThat(li.birthDate()).isEqualTo(LocalDate.of(1985, 6, 1));
        assertThat(li.idNumber()).isEqualTo(LI_ID);
        assertThat(li.phone()).isEqualTo("13912345678");
        assertThat(li.unitName()).isEqualTo("县农业农村局");
        assertThat(li.rank()).isEqualTo(Rank.SECTION_LEVEL);
        assertThat(li.partyMember()).isTrue();
        Cadre wang = cadre("王芳");
        assertThat(wang.sex()).isEqualTo(Sex.FEMALE);
        assertThat(wang.birthDate()).isEqualTo(LocalDate.of(1992, 2, 3));
        assertThat(wang.note()).isEqualTo("驻村工作队员");
        assertThat(wang.partyMember()).isFalse();
        Cadre zhao = cadre("赵支书");
        assertThat(zhao.birthDate()).isEqualTo(LocalDate.of(1972, 3, 15));
        assertThat(zhao.unitId()).isNull();
        assertThat(zhao.idNumber()).isNull();
    }

    @Test
    void cadresAreUpdatedByIdNumberElseByNameAndUnit() throws IOException {
        cadres.importUnits(csv("units.csv", UNITS, StandardCharsets.UTF_8));
        cadres.importCadres(cadresXlsx());
        Cadre liBefore = cadre("李明");
        Cadre zhaoBefore = cadre("赵支书");

        // 李明 moved unit (found by his ID number); 赵支书 has no ID number (found by name, no unit); 李明 again in
        // another unit without an ID number is somebody else.
        ImportCount r = cadres.importCadres(csv("update.csv", "姓名,性别,证件号码,工作单位,联系电话\n"
                + "李明,男," + LI_ID + ",县财政局,13900000000\n"
                + "赵支书,男,,,13700000000\n"
                + "李明,男,,绿源农业公司,\n", GB18030));

        assertThat(r).isEqualTo(new ImportCount(1, 2));
        Cadre li = cadres.cadre(liBefore.id()).orElseThrow();
        assertThat(li.unitName()).isEqualTo("县财政局");
        assertThat(li.phone()).isEqualTo("13900000000");
        assertThat(li.rank()).as("columns left out are kept").isEqualTo(Rank.SECTION_LEVEL);
        assertThat(li.version()).isEqualTo(liBefore.version() + 1);
        assertThat(cadres.cadre(zhaoBefore.id()).orElseThrow().phone()).isEqualTo("13700000000");
        assertThat(cadres.cadres("李明", null, null)).hasSize(2);
    }

    @Test
    void aGb18030CsvWithBadRowsListsEveryProblemAndWritesNothing() throws IOException {
        cadres.importUnits(csv("units.csv", UNITS, StandardCharsets.UTF_8));
        String badId = LI_ID.substring(0, 17) + (LI_ID.endsWith("1") ? "2" : "1");
        Path f = csv("cadres-gbk.csv", "干部名册（2025 年）\n"
                + "姓名,性别,出生日期,身份证号,联系电话,工作单位,级别,是否党员,备注\n"
                + "李明,男,1985-06-01," + LI_ID + ",,县农业农村局,科级,是,\n"    // 3: good
                + "王芳,女,1992年2月3日,,,县林业局,一般干部,否,\n"              // 4: unknown unit
                + "张伟,男,1990-13-01,,,县财政局,一般干部,是,\n"              // 5: bad date
                + "陈红,妖,,,,县财政局,科员,也许,\n"                          // 6: sex, rank, party
                + "刘强,男,," + badId + ",,县财政局,一般干部,是,\n"          // 7: bad ID (check digit)
                + ",男,,,,县财政局,,,\n"                                   // 8: no name
                + "李明,男,1985-06-01," + LI_ID + ",,县农业农村局,科级,是,\n", // 9: same ID again
                GB18030);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> cadres.importCadres(f));

        assertThat(e.problems()).extracting(Problem::line, Problem::field).containsExactly(
                tuple(4, "工作单位"), tuple(5, "出生日期"), tuple(6, "性别"), tuple(6, "级别"), tuple(6, "是否党员"),
                tuple(7, "身份证号"), tuple(8, "姓名"), tuple(9, "身份证号"));
        assertThat(e.problems().get(0).message())
                .isEqualTo("台账里没有名为“县林业局”的单位；请先在“帮扶单位”中添加，或先导入单位表（units import）");
        assertThat(e.problems().get(1).message()).isEqualTo("“1990-13-01”不是日期，可写作 2024-03-01、2024/3/1、2024年3月1日 或 20240301");
        assertThat(e.getMessage()).contains("第 9 行，身份证号：身份证号 " + LI_ID + " 在第 3 行已出现过");
        assertThat(cadres.cadreCount()).isZero();
    }

    @Test
    void postingsFollowTheRulesAndAReimportedRowUpdatesItsEnd() throws IOException {
        cadres.importUnits(csv("units.csv", UNITS, StandardCharsets.UTF_8));
        cadres.importCadres(cadresXlsx());
        village(villages, "大石村");
        village(villages, "龙泉村");
        String header = "姓名,身份证号,村,职务,开始日期,结束日期,派出单位,离任原因\n";

        ImportCount first = cadres.importAssignments(csv("postings.csv", header
                + "李明," + LI_ID + ",大石村,驻村第一书记,2024/3/1,,县农业农村局,\n"
                + "王芳,,大石村,驻村工作队员,20240301,,县财政局,\n"
                + "赵支书,,大石村,村党组织书记,2021年1月5日,,,\n", StandardCharsets.UTF_8));

        assertThat(first).isEqualTo(new ImportCount(3, 0));
        assertThat(cadres.team(villages.villages().get(0).id(), LocalDate.of(2025, 6, 1)))
                .extracting(Assignment::cadreName, Assignment::role, Assignment::startDate, Assignment::sentByUnitName)
                .containsExactlyInAnyOrder(
                        tuple("李明", Role.FIRST_SECRETARY, LocalDate.of(2024, 3, 1), "县农业农村局"),
                        tuple("王芳", Role.TEAM_MEMBER, LocalDate.of(2024, 3, 1), "县财政局"),
                        tuple("赵支书", Role.BRANCH_SECRETARY, LocalDate.of(2021, 1, 5), null));

        // 李明 at 龙泉村 full-time while still at 大石村: refused, naming the other posting; nothing written.
        Path overlap = csv("overlap.csv", header
                + "王芳,,龙泉村,包村干部,2025-01-01,,,\n"
                + "李明,,龙泉村,驻村工作队长,2025-01-01,,,\n", StandardCharsets.UTF_8);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> cadres.importAssignments(overlap));
        assertThat(e.getMessage()).isEqualTo("第 3 行，开始日期：李明 在此期间已在 大石村 任 驻村第一书记（2024-03-01 至 至今），"
                + "同一时间只能担任一个全职驻村岗位");
        assertThat(cadres.assignmentCount()).isEqualTo(3);

        // The same row with an end: updated, not added; then 李明 may start at 龙泉村.
        ImportCount again = cadres.importAssignments(csv("again.csv", header
                + "李明,,大石村,驻村第一书记,2024-03-01,2024-12-31,县农业农村局,调任\n"
                + "李明,,龙泉村,驻村工作队长,2025-01-01,,,\n", StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(new ImportCount(1, 1));
        assertThat(cadres.assignments(cadre("李明").id(), null, null))
                .extracting(Assignment::villageName, Assignment::endDate, Assignment::endReason)
                .containsExactlyInAnyOrder(tuple("大石村", LocalDate.of(2024, 12, 31), "调任"),
                        tuple("龙泉村", null, null));
        assertThat(cadres.assignmentCount()).isEqualTo(4);
    }

    @Test
    void badPostingsAreAllListed() throws IOException {
        cadres.importUnits(csv("units.csv", UNITS, StandardCharsets.UTF_8));
        cadres.importCadres(cadresXlsx());
        village(villages, "大石村");
        Path f = csv("bad-postings.csv", "姓名,村,职务,开始日期,结束日期,派出单位\n"
                + "李明,大石村,驻村第一书记,2024-03-01,2024-01-01,\n"    // 2: end before start
                + "孙悟空,大石村,驻村工作队员,2024-03-01,,\n"           // 3: no such cadre
                + "王芳,花果山村,驻村工作队员,2024-03-01,,\n"           // 4: no such village
                + "王芳,大石村,村长,2024-03-01,,\n"                     // 5: no such role
                + "王芳,大石村,包村干部,,,\n"                           // 6: no start
                + "王芳,大石村,包村干部,2024-03-01,,县林业局\n"         // 7: unknown unit
                + "赵支书,大石村,后备干部,2024-03-01,,\n"               // 8: good
                + "赵支书,大石村,后备干部,2024-03-01,,\n",              // 9: same posting again
                StandardCharsets.UTF_8);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> cadres.importAssignments(f));

        assertThat(e.problems()).extracting(Problem::line, Problem::field).containsExactly(
                tuple(2, "结束日期"), tuple(3, "姓名"), tuple(4, "村"), tuple(5, "职务"), tuple(6, "开始日期"),
                tuple(7, "派出单位"), tuple(9, "开始日期"));
        assertThat(e.problems().get(3).message()).startsWith("职务“村长”无法识别，应为 驻村第一书记、驻村工作队长");
        assertThat(cadres.assignmentCount()).isZero();
    }

    @Test
    void exportedFilesImportIntoAnotherLedgerUnchanged() throws IOException {
        cadres.importUnits(csv("units.csv", UNITS, StandardCharsets.UTF_8));
        cadres.importCadres(cadresXlsx());
        village(villages, "大石村");
        cadres.importAssignments(csv("postings.csv", "姓名,村,职务,开始日期,结束日期,派出单位,离任原因\n"
                + "李明,大石村,驻村第一书记,2023-03-01,2025-02-28,县农业农村局,期满轮换\n"
                + "王芳,大石村,驻村第一书记,2025-03-01,,县财政局,\n", StandardCharsets.UTF_8));
        Path units = dir.resolve("out/units.xlsx");
        Path cadreFile = dir.resolve("out/cadres.xlsx");
        Path postings = dir.resolve("out/postings.csv");

        assertThat(cadres.exportUnits(units)).isEqualTo(3);
        assertThat(cadres.exportCadres(cadreFile, true)).isEqualTo(3);
        assertThat(cadres.exportAssignments(postings, null)).isEqualTo(2);

        Table t = TableReader.read(postings, AssignmentImport.HEADERS);
        assertThat(t.rows()).extracting(r -> r.get("身份证号")).as("masked in the export")
                .containsOnly("430599********" + WANG_ID.substring(14), "430599********" + LI_ID.substring(14));

        // Importing the postings into the same ledger changes nothing.
        assertThat(cadres.importAssignments(postings)).isEqualTo(new ImportCount(0, 2));
        assertThat(cadres.assignmentCount()).isEqualTo(2);

        try (Database other = open(dir.resolve("other"))) {
            CadreService there = service(other);
            village(new VillageService(other), "大石村");
            assertThat(there.importUnits(units)).isEqualTo(new ImportCount(3, 0));
            assertThat(there.importCadres(cadreFile)).isEqualTo(new ImportCount(3, 0));
            assertThat(there.importAssignments(postings)).isEqualTo(new ImportCount(2, 0));

            assertThat(there.units()).extracting(Unit::name, Unit::level, Unit::type, Unit::contactPerson, Unit::phone)
                    .containsExactlyElementsOf(cadres.units().stream().map(u -> tuple(u.name(), u.level(), u.type(),
                            u.contactPerson(), u.phone())).toList());
            assertThat(there.cadres(null, null, null)).extracting(Cadre::name, Cadre::sex, Cadre::birthDate,
                    Cadre::idNumber, Cadre::phone, Cadre::unitName, Cadre::rank, Cadre::partyMember, Cadre::note)
                    .containsExactlyElementsOf(cadres.cadres(null, null, null).stream().map(k -> tuple(k.name(),
                            k.sex(), k.birthDate(), k.idNumber(), k.phone(), k.unitName(), k.rank(), k.partyMember(),
                            k.note())).toList());
            assertThat(there.assignments(null, null, null)).extracting(Assignment::cadreName, Assignment::role,
                    Assignment::startDate, Assignment::endDate, Assignment::sentByUnitName, Assignment::endReason)
                    .containsExactly(
                            tuple("王芳", Role.FIRST_SECRETARY, LocalDate.of(2025, 3, 1), null, "县财政局", null),
                            tuple("李明", Role.FIRST_SECRETARY, LocalDate.of(2023, 3, 1), LocalDate.of(2025, 2, 28),
                                    "县农业农村局", "期满轮换"));
        }
    }

    @Test
    void aMaskedExportImportsBackIntoTheSameLedgerKeepingTheIdNumbers() throws IOException {
        cadres.importUnits(csv("units.csv", UNITS, StandardCharsets.UTF_8));
        cadres.importCadres(cadresXlsx());
        Path masked = dir.resolve("masked.csv");
        cadres.exportCadres(masked, false);
        assertThat(Files.readString(masked)).doesNotContain(LI_ID).contains("430599********" + LI_ID.substring(14));

        assertThat(cadres.importCadres(masked)).isEqualTo(new ImportCount(0, 3));
        assertThat(cadre("李明").idNumber()).isEqualTo(LI_ID);

        // A masked number for somebody the ledger does not know cannot be imported.
        Path stranger = csv("stranger.csv", "姓名,身份证号,工作单位\n钱多,430599********1234,县财政局\n",
                StandardCharsets.UTF_8);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> cadres.importCadres(stranger));
        assertThat(e.problems()).extracting(Problem::line, Problem::field).containsExactly(tuple(2, "身份证号"));
    }
}
