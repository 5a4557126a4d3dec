package org.townshipledger.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.common.Stopwatch;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * A new ledger filled with generated, realistic data. The same seed gives the same data.
 * Each register adds its part here at the sizes in DOMAIN.md.
 */
public final class DemoData {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoData.class);

    /** Demo data is dated in this working year so that the same seed gives the same ledger on any day. */
    public static final int DEMO_YEAR = 2025;
    private static final String COUNTY = "示范县";
    private static final String COUNTY_CODE = "430599";

    private static final String[] PLACE_FIRST = {
        "大", "小", "上", "下", "东", "西", "南", "北", "中", "前", "后", "新", "老", "高", "长", "青", "白", "黄",
        "红", "黑", "石", "金", "银", "龙", "凤", "马", "牛", "杨", "柳", "桃", "李", "梅", "松", "竹", "枫", "双",
        "三", "五", "九", "太", "平", "安", "兴", "富", "和", "丰", "永", "清", "仁", "义"};
    private static final String[] PLACE_SECOND = {
        "石", "山", "河", "溪", "坪", "塘", "湾", "岭", "冲", "坝", "桥", "田", "林", "沟", "庄", "寨", "铺", "井",
        "泉", "洲", "岗", "坡", "峪", "园", "源", "江", "湖", "口", "圳", "垅"};
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
        "罗", "梁", "宋", "郑", "谢", "唐", "邓", "曾", "彭", "蒋", "田", "肖"};
    private static final String[] NUMERALS = {
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"};

    /** What was made, for the command's message. */
    public record Summary(Path file, int villages, int groups, int households, int members) {
    }

    private DemoData() {
    }

    public static Summary create(Path dataDir, DemoScale scale, long seed) {
        return create(dataDir, scale, seed, true);
    }

    /**
     * The demo ledger, with or without its visits, problems and help given (a county's million visits take minutes
     * to load; tests of the other registers leave them out).
     */
    public static Summary create(Path dataDir, DemoScale scale, long seed, boolean withVisits) {
        Random random = new Random(seed);
        Stopwatch watch = Stopwatch.start();
        String township = scale == DemoScale.TOWNSHIP ? "青石镇" : COUNTY + "（全县）";
        Database db = Database.create(dataDir, new LedgerSettings(township, COUNTY, DEMO_YEAR, "李明", "王建国"));
        try {
            List<Village> villages = villages(scale, random);
            VillageService villageService = new VillageService(db);
            villageService.insertAll(villages);
            int groups = villages.stream().mapToInt(v -> v.groups().size()).sum();
            // The saved villages (with their ids), in the order they were made.
            Map<String, Village> saved = villageService.villages().stream()
                    .collect(Collectors.toMap(Village::name, Function.identity()));
            List<Village> inOrder = villages.stream().map(v -> saved.get(v.name())).toList();
            String villagesTime = watch.lap();
            HouseholdService households = new HouseholdService(db);
            households.insertAll(new DemoHouseholds(random, DEMO_YEAR).forVillages(inOrder, scale.households,
                    scale.poorOrMonitored));
            String householdsTime = watch.lap();
            CadreService cadres = new CadreService(db);
            new CadreDemo(random).create(cadres, inOrder, scale, DEMO_YEAR);
            String cadresTime = watch.lap();
            new PairingDemo(random).create(new PairingService(db, cadres, villageService,
                    new org.townshipledger.db.SettingsStore(db.dsl()), java.time.Clock.systemDefaultZone()),
                    cadres, inOrder, scale, DEMO_YEAR);
            String pairingsTime = watch.lap();
            new GradingDemo(random).create(new org.townshipledger.grading.GradingService(db, cadres,
                    new org.townshipledger.db.SettingsStore(db.dsl()), java.time.Clock.systemDefaultZone()), cadres,
                    inOrder, DEMO_YEAR);
            String gradingTime = watch.lap();
            org.townshipledger.db.SettingsStore settings = new org.townshipledger.db.SettingsStore(db.dsl());
            if (withVisits) {
                new VisitDemo(random).create(new org.townshipledger.visit.VisitService(db, cadres, households,
                    villageService, settings, java.time.Clock.systemDefaultZone()), new PairingService(db, cadres,
                    villageService, settings, java.time.Clock.systemDefaultZone()), cadres, inOrder, scale,
                    DEMO_YEAR);
            }
            String visitsTime = watch.lap();
            Summary summary = new Summary(db.file(), villages.size(), groups, households.householdCount(),
                    households.memberCount());
            LOG.info("Demo {}: villages in {}, {} households with {} members in {}, cadres in {}, pairings in {}, "
                    + "grading in {}, visits, problems and help in {}, H2 wrote {} MB, file {} MB before compacting",
                    scale, villagesTime, summary.households(), summary.members(), householdsTime, cadresTime,
                    pairingsTime, gradingTime, visitsTime, db.bytesWritten() / (1024 * 1024),
                    fileMegabytes(db));
            return summary;
        } finally {
            // A bulk load leaves the file about three times larger than its data (county: 283 MB, compacted 92 MB).
            db.closeCompacted();
            LOG.info("Demo {}: closed and compacted in {}", scale, watch.lap());
        }
    }

    private static long fileMegabytes(Database db) {
        try {
            return java.nio.file.Files.size(db.file()) / (1024 * 1024);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static List<Village> villages(DemoScale scale, Random random) {
        List<Village> result = new ArrayList<>(scale.villages);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < scale.villages; i++) {
            int townshipNo = i * scale.townships / scale.villages;
            boolean community = random.nextInt(100) < 8;
            String name = uniqueName(random, names, community);
            String code = COUNTY_CODE + String.format("%03d", 101 + townshipNo)
                    + String.format("%03d", (community ? 1 : 201) + i % 99);
            int households = community ? 800 + random.nextInt(2500) : 150 + random.nextInt(750);
            int population = (int) Math.round(households * (3.0 + random.nextDouble() * 1.2));
            boolean poor = !community && random.nextInt(100) < 28;
            Integer exitYear = poor ? 2016 + random.nextInt(5) : null;
            Set<Integer> weak = new HashSet<>();
            if (random.nextInt(100) < 6) {
                weak.add(DEMO_YEAR);
            }
            if (random.nextInt(100) < 8) {
                weak.add(DEMO_YEAR - 1);
            }
            List<VillageGroup> groups = new ArrayList<>();
            int groupCount = community ? 3 + random.nextInt(4) : 4 + random.nextInt(11);
            for (int g = 0; g < groupCount; g++) {
                groups.add(VillageGroup.named(NUMERALS[g] + (community ? "网格" : "组")));
            }
            result.add(new Village(null, name, null, code, community ? VillageKind.COMMUNITY : VillageKind.VILLAGE,
                    poor, exitYear, households, population, null, weak, groups, 0, null, null));
        }
        return result;
    }

    /** Villages are named after a place (大石村, 龙泉村) or a family (王家湾村), communities after a place. */
    private static String uniqueName(Random random, Set<String> taken, boolean community) {
        while (true) {
            String stem = random.nextInt(4) == 0
                    ? SURNAMES[random.nextInt(SURNAMES.length)] + "家" + PLACE_SECOND[random.nextInt(PLACE_SECOND.length)]
                    : PLACE_FIRST[random.nextInt(PLACE_FIRST.length)] + PLACE_SECOND[random.nextInt(PLACE_SECOND.length)];
            String name = stem + (community ? "社区" : "村");
            if (stem.charAt(0) != stem.charAt(1) && taken.add(name)) {
                return name;
            }
        }
    }
}
