package org.townshipledger.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GROUP;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;

class VillageImportExportTest {

    private static final String HEADER = "村名,村代码,类型,是否贫困村,出列年度,是否软弱涣散,户数,人口,村民小组\n";

    @TempDir
    Path dir;

    private Database db;
    private VillageService service;

    @BeforeEach
    void openLedger() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir.resolve("ledger"), LedgerSettings.of("青石镇", "示范县", 2025));
        service = new VillageService(db);
    }

    @AfterEach
    void closeLedger() {
        db.close();
    }

    @Test
    void goodFileAddsVillages() throws IOException {
        Path f = csv("good.csv", "青石镇村情一览（2025 年）\n" + HEADER
                + "大石村,430599101201,行政村,是,2019,是,320,1150,一组、二组、三组\n"
                + "龙泉社区,430599101001,社区,否,,否,1200,3900,一网格，二网格\n"
                + "白云村,,村,否,,,,,\n");

        VillageImport.Result r = service.importVillages(f);

        assertThat(r).isEqualTo(new VillageImport.Result(3, 0));
        List<Village> all = service.villages();
        assertThat(all).extracting(Village::name).containsExactly("白云村", "大石村", "龙泉社区");
        Village dashi = byName("大石村");
        assertThat(dashi.statsCode()).isEqualTo("430599101201");
        assertThat(dashi.kind()).isEqualTo(VillageKind.VILLAGE);
        assertThat(dashi.povertyVillage()).isTrue();
        assertThat(dashi.exitYear()).isEqualTo(2019);
        assertThat(dashi.weakYears()).containsExactly(2025);
        assertThat(dashi.householdCount()).isEqualTo(320);
        assertThat(dashi.population()).isEqualTo(1150);
        assertThat(dashi.groupNames()).containsExactly("一组", "二组", "三组");
        Village longquan = byName("龙泉社区");
        assertThat(longquan.kind()).isEqualTo(VillageKind.COMMUNITY);
        assertThat(longquan.povertyVillage()).isFalse();
        assertThat(longquan.exitYear()).isNull();
        assertThat(longquan.weakYears()).isEmpty();
        assertThat(longquan.groupNames()).containsExactly("一网格", "二网格");
        Village baiyun = byName("白云村");
        assertThat(baiyun.statsCode()).isNull();
        assertThat(baiyun.householdCount()).isNull();
        assertThat(baiyun.groups()).isEmpty();
        assertThat(service.groupCount()).isEqualTo(5);
    }

    @Test
    void sameNameAgainUpdatesInsteadOfAdding() throws IOException {
        service.importVillages(csv("first.csv", HEADER
                + "大石村,430599101201,行政村,是,2019,是,320,1150,一组、二组\n"));
        Village before = byName("大石村");
        // Weak last year too: a re-import about this year must leave last year alone.
        service.save(new Village(before.id(), before.name(), null, before.statsCode(), before.kind(),
                before.povertyVillage(), before.exitYear(), before.householdCount(), before.population(), null,
                Set.of(2024, 2025), before.groups(), before.version(), null, null));
        before = byName("大石村");

        VillageImport.Result r = service.importVillages(csv("second.csv", HEADER
                + "大石村,430599101209,行政村,是,2020,否,330,1200,二组、三组\n"
                + "龙泉村,,,,,,,,\n"));

        assertThat(r).isEqualTo(new VillageImport.Result(1, 1));
        assertThat(service.villageCount()).isEqualTo(2);
        Village after = byName("大石村");
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.statsCode()).isEqualTo("430599101209");
        assertThat(after.exitYear()).isEqualTo(2020);
        assertThat(after.householdCount()).isEqualTo(330);
        assertThat(after.population()).isEqualTo(1200);
        assertThat(after.weakYears()).containsExactly(2024);
        assertThat(after.groupNames()).containsExactly("二组", "三组");
        UUID erzu = before.groups().get(1).id();
        assertThat(after.groups().get(0).id()).as("二组 keeps its id").isEqualTo(erzu);
        assertThat(db.dsl().fetchValue(db.dsl().select(VILLAGE_GROUP.DELETED_AT).from(VILLAGE_GROUP)
                .where(VILLAGE_GROUP.ID.eq(before.groups().get(0).id())))).as("一组 soft-deleted").isNotNull();
    }

    @Test
    void columnsLeftOutKeepTheLedgersValues() throws IOException {
        service.importVillages(csv("first.csv", HEADER + "大石村,430599101201,社区,是,2019,是,320,1150,一组\n"));

        service.importVillages(csv("names-only.csv", "户数,村名\n400,大石村\n"));

        Village v = byName("大石村");
        assertThat(v.householdCount()).isEqualTo(400);
        assertThat(v.statsCode()).isEqualTo("430599101201");
        assertThat(v.kind()).isEqualTo(VillageKind.COMMUNITY);
        assertThat(v.povertyVillage()).isTrue();
        assertThat(v.exitYear()).isEqualTo(2019);
        assertThat(v.weakYears()).containsExactly(2025);
        assertThat(v.groupNames()).containsExactly("一组");
    }

    @Test
    void badFileListsEveryProblemAndWritesNothing() throws IOException {
        service.importVillages(csv("first.csv", HEADER + "龙泉村,430599101202,行政村,否,,否,200,700,一组\n"));
        int villagesBefore = db.dsl().fetchCount(VILLAGE);
        int groupsBefore = db.dsl().fetchCount(VILLAGE_GROUP);
        Village longquanBefore = byName("龙泉村");
        Path f = csv("bad.csv", HEADER
                + "大石村,430599101201,行政村,是,2019,是,320,1150,一组、二组\n"   // line 2: good
                + "小石村,12345,行政村,否,,否,100,300,一组\n"                     // line 3: bad code
                + "中石村,430599101203,乡,否,,否,100,300,\n"                      // line 4: bad kind
                + "下石村,430599101204,行政村,是,abc,否,100,300,\n"               // line 5: bad exit year
                + "大石村,430599101205,行政村,否,,否,100,300,\n"                  // line 6: duplicate name
                + ",430599101206,行政村,否,,否,100,300,\n"                        // line 7: empty name
                + "龙泉村,430599101202,行政村,否,,否,999,3000,一组、二组\n");      // line 8: good update

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> service.importVillages(f));

        assertThat(ex.problems()).extracting(Problem::line, Problem::field, Problem::message).containsExactly(
                tuple(3, "村代码", "村代码应为 12 位数字（统计用区划代码），现为“12345”"),
                tuple(4, "类型", "类型“乡”无法识别，应为 行政村、社区 或 嘎查"),
                tuple(5, "出列年度", "“abc”不是整数"),
                tuple(6, "村名", "村名“大石村”在第 2 行已出现过"),
                tuple(7, "村名", "请填写村名"));
        assertThat(ex.getMessage()).contains("第 3 行，村代码：").contains("第 7 行，村名：请填写村名");
        assertThat(db.dsl().fetchCount(VILLAGE)).isEqualTo(villagesBefore).isEqualTo(1);
        assertThat(db.dsl().fetchCount(VILLAGE_GROUP)).isEqualTo(groupsBefore);
        Village longquanAfter = byName("龙泉村");
        assertThat(longquanAfter.householdCount()).isEqualTo(200);
        assertThat(longquanAfter.version()).isEqualTo(longquanBefore.version());
        assertThat(longquanAfter.groupNames()).containsExactly("一组");
    }

    @Test
    void moreRuleProblemsCarryTheirColumnHeaders() throws IOException {
        Path f = csv("rules.csv", HEADER
                + "大石村,,行政村,否,2019,否,-1,,一组、一组\n"
                + "小石村,,行政村,也许,,否,300,200,\n");

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> service.importVillages(f));

        assertThat(ex.problems()).extracting(Problem::line, Problem::field).containsExactly(
                tuple(2, "出列年度"), tuple(2, "户数"), tuple(2, "村民小组"),
                tuple(3, "是否贫困村"), tuple(3, "人口"));
        assertThat(service.villageCount()).isZero();
    }

    @Test
    void lineNumbersBeyond999AreWrittenPlainly() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 1000; i++) {
            sb.append("村").append(i).append(",,行政村,否,,否,,,\n");
        }
        sb.append("村5,,行政村,否,,否,,,\n");  // line 1002 repeats line 7

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> service.importVillages(csv("big.csv", sb.toString())));

        assertThat(ex.getMessage()).isEqualTo("第 1002 行，村名：村名“村5”在第 7 行已出现过");
        assertThat(service.villageCount()).isZero();
    }

    @Test
    void fileWithoutNameHeaderIsRefused() throws IOException {
        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> service.importVillages(csv("noname.csv", "名称,村代码\n大石村,430599101201\n")));

        assertThat(ex.getMessage()).contains("表头").contains("村名");
    }

    @ParameterizedTest
    @ValueSource(strings = {"villages.xlsx", "villages.csv"})
    void exportThenImportIntoFreshLedgerGivesEqualVillages(String fileName) throws IOException {
        db.close();
        Path source = dir.resolve("demo");
        DemoData.create(source, DemoScale.TOWNSHIP, 11);
        db = Database.open(source);
        service = new VillageService(db);
        service.save(new Village(null, "乌兰嘎查", null, null, VillageKind.GACHA, false, null, null, null, null,
                Set.of(2025), List.of(), 0, null, null));
        Path file = dir.resolve("export").resolve(fileName);

        int exported = service.exportVillages(file);

        assertThat(exported).isEqualTo(26);
        Table table = TableReader.read(file, VillageImport.HEADERS);
        assertThat(table.rows()).hasSize(26);
        assertThat(table.rows().get(0).line()).as("title row, then header").isEqualTo(3);

        Path fresh = dir.resolve("fresh");
        try (Database other = Database.create(fresh, LedgerSettings.of("青石镇", "示范县", DemoData.DEMO_YEAR))) {
            VillageService target = new VillageService(other);
            assertThat(target.importVillages(file)).isEqualTo(new VillageImport.Result(26, 0));
            assertThat(target.villages().stream().map(v -> comparable(v, DemoData.DEMO_YEAR)).toList())
                    .isEqualTo(service.villages().stream().map(v -> comparable(v, DemoData.DEMO_YEAR)).toList());
            assertThat(target.groupCount()).isEqualTo(service.groupCount());
        }
    }

    @Test
    void exportTitleNamesTownshipAndYear() throws IOException {
        service.importVillages(csv("good.csv", HEADER + "大石村,430599101201,行政村,是,2019,是,320,1150,一组、二组\n"));
        Path out = dir.resolve("out.csv");

        service.exportVillages(out);

        assertThat(Files.readString(out, StandardCharsets.UTF_8).substring(1).lines()).containsExactly(
                "青石镇 村情一览（2025 年）",
                "村名,村代码,类型,是否贫困村,出列年度,是否软弱涣散,户数,人口,村民小组",
                "大石村,430599101201,行政村,是,2019,是,320,1150,一组、二组");
    }

    private record Comparable(String name, String code, VillageKind kind, boolean poor, Integer exitYear,
                              boolean weak, Integer households, Integer population, List<String> groups) {
    }

    private static Comparable comparable(Village v, int year) {
        return new Comparable(v.name(), v.statsCode(), v.kind(), v.povertyVillage(), v.exitYear(), v.weakIn(year),
                v.householdCount(), v.population(), v.groupNames());
    }

    private Village byName(String name) {
        return service.villages().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private Path csv(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
