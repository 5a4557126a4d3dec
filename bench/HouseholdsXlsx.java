import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.townshipledger.demo.DemoHouseholds;
import org.townshipledger.exchange.TableWriter;
import org.townshipledger.household.HouseholdEntry;
import org.townshipledger.household.HouseholdSheet;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;

/**
 * Benchmark input, not part of the build: writes an .xlsx of generated households in the national layout (one
 * member per row, full ID numbers) and a villages .csv naming the villages it uses, so that a ledger made with
 * {@code init} + {@code villages import} takes the file without conflicts.
 *
 * <p>Run from the repository root after {@code mvn -B package -DskipTests}:
 * {@code java -cp "target/township-ledger.jar:target/lib/*" bench/HouseholdsXlsx.java OUT.xlsx VILLAGES.csv ROWS}
 */
public class HouseholdsXlsx {

    private static final String[] FIRST = {"大", "小", "上", "下", "东", "西", "南", "北", "新", "老", "青", "白", "黄",
        "石", "金", "龙", "马", "杨", "柳", "桃"};
    private static final String[] SECOND = {"石", "山", "河", "溪", "坪", "塘", "湾", "岭"};
    private static final String[] GROUPS = {"一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组"};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path villagesCsv = Path.of(args[1]);
        int wanted = Integer.parseInt(args[2]);
        Random random = new Random(2025);
        List<Village> villages = new ArrayList<>();
        StringBuilder csv = new StringBuilder("村名,村代码,村民小组\n");
        for (int i = 0; i < 60; i++) {
            String name = FIRST[i % FIRST.length] + SECOND[i / FIRST.length] + "村";
            String code = "430599" + (101 + i / 20) + String.format("%03d", 201 + i);
            List<VillageGroup> groups = new ArrayList<>();
            for (String g : GROUPS) {
                groups.add(VillageGroup.named(g));
            }
            villages.add(new Village(UUID.randomUUID(), name, null, code, VillageKind.VILLAGE, false, null, 500, 1800,
                    null, Set.of(), groups, 0, null, null));
            csv.append(name).append(',').append(code).append(',').append(String.join("、", GROUPS)).append('\n');
        }
        Files.writeString(villagesCsv, csv, StandardCharsets.UTF_8);

        int rows = 0;
        int households = 0;
        DemoHouseholds generator = new DemoHouseholds(random, 2025);
        try (TableWriter.Sink sink = TableWriter.open(out, "示范县 贫困户、监测户台账（2025 年）", HouseholdSheet.HEADERS)) {
            // Enough households for the rows wanted (about 4 members each); stop at a household's end.
            for (HouseholdEntry e : generator.forVillages(villages, wanted / 3, wanted / 3)) {
                for (List<String> row : HouseholdSheet.rows(e.household(), e.check(), e.income(), true)) {
                    sink.add(row);
                    rows++;
                }
                households++;
                if (rows >= wanted) {
                    break;
                }
            }
            sink.finish();
        }
        System.out.println(rows + " member rows, " + households + " households, " + villages.size() + " villages: " + out);
    }
}
