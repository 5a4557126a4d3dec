package org.townshipledger.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Sex;
import org.townshipledger.village.Village;

/**
 * Demo units, cadres and postings. Every poverty village has a first secretary and a work team, every village a
 * branch secretary, reserve cadres and a 包村干部 (one for two neighbouring villages); villages get their
 * 包村领导, some a 下挂干部 or a 大学生村官; the units' other cadres (future 帮扶责任人) fill the register up to
 * the scale's size. A few rules are broken on purpose so that {@code check assignments} finds something: a few
 * 软弱涣散 villages without a first secretary, teams of two, postings ended early without a reason, villages
 * short of young reserve cadres, missing 四个一, and villages without a 包村领导 (the 包村干部 is called then).
 */
final class CadreDemo {

    private static final String[] ORGANS = {"农业农村局", "财政局", "教育局", "卫生健康局", "人力资源和社会保障局",
        "自然资源局", "住房和城乡建设局", "交通运输局", "水利局", "民政局", "商务局", "林业局", "文化旅游局",
        "市场监督管理局", "应急管理局", "生态环境局", "统计局", "审计局", "发展和改革局", "乡村振兴局"};
    private static final String[] FIRMS = {"农商银行", "供电公司", "移动公司", "烟草公司", "粮食储备库", "建设投资公司"};
    private static final String[] PRIVATE = {"绿源农业", "金穗米业", "兴达建材", "山里红果业", "惠民超市", "丰收合作社"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "罗", "梁", "宋", "郑", "谢", "唐", "邓", "曾", "彭", "蒋", "田", "肖"};
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华平刚桂兰玉梅建国红霞海燕文志";

    private final Random random;
    private final List<Unit> units = new ArrayList<>();
    private final List<Cadre> cadres = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private int sequence = 1;

    CadreDemo(Random random) {
        this.random = random;
    }

    /** Makes units, cadres and postings for the villages, and writes them through the service in one transaction. */
    void create(CadreService service, List<Village> villages, DemoScale scale, int year) {
        for (int i = 0; i < scale.units; i++) {
            units.add(unit(i));
        }
        LocalDate termStart = LocalDate.of(year - 1, 3, 1);
        Cadre inCharge = null;
        int weakWithoutPoverty = 0;
        for (int i = 0; i < villages.size(); i++) {
            Village v = villages.get(i);
            boolean weak = v.weakIn(year);
            // Every poverty village has its team; every third 软弱涣散 village that is not poor still waits for one.
            boolean team = v.povertyVillage() || weak && weakWithoutPoverty++ % 3 != 1;
            if (team) {
                Unit sender = pick(units);
                post(cadre(sender, Rank.SECTION_LEVEL, 30, 50), v, Role.FIRST_SECRETARY, termStart, sender);
                int members = i % 11 == 5 ? 1 : 2;
                for (int m = 0; m < members; m++) {
                    post(cadre(sender, Rank.GENERAL, 24, 45), v, m == 0 && i % 2 == 0 ? Role.TEAM_LEADER
                            : Role.TEAM_MEMBER, termStart, sender);
                }
                if (i % 13 == 2) {
                    // A member who left after 14 months; every other one without a reason recorded.
                    Unit from = pick(units);
                    Assignment early = post(cadre(from, Rank.GENERAL, 24, 40), v, Role.TEAM_MEMBER, termStart, from);
                    assignments.set(assignments.size() - 1, early.ended(LocalDate.of(year, 4, 30),
                            i / 13 % 2 == 0 ? null : "因病调离"));
                }
                if (v.povertyVillage() && i % 3 == 0) {
                    Unit from = pick(units);
                    post(cadre(from, Rank.GENERAL, 28, 45), v, Role.SECONDED, termStart, from);
                }
            }
            if (i % 31 != 9) {
                Rank leaderRank = weak || i % 5 == 0 ? Rank.COUNTY_LEVEL : Rank.SECTION_LEVEL;
                post(cadre(pick(units), leaderRank, 40, 58), v, Role.LEADER_IN_CHARGE, termStart, null);
            }
            if (i % 2 == 0 || inCharge == null) {
                inCharge = cadre(null, Rank.GENERAL, 26, 50);
            }
            post(inCharge, v, Role.CADRE_IN_CHARGE, termStart, null);
            if (i % 19 != 7) {
                post(cadre(null, Rank.VILLAGE_CADRE, 35, 60), v, Role.BRANCH_SECRETARY, LocalDate.of(year - 4, 1, 5), null);
            }
            int reserves = i % 9 == 4 ? 1 : 2 + random.nextInt(2);
            for (int r = 0; r < reserves; r++) {
                post(cadre(null, Rank.VILLAGE_CADRE, 22, i % 23 == 6 ? 45 : 34), v, Role.RESERVE,
                        LocalDate.of(year - 1, 1, 1), null);
            }
            if (i % 10 == 1) {
                post(cadre(null, Rank.GENERAL, 23, 29), v, Role.COLLEGE_GRADUATE, LocalDate.of(year - 1, 9, 1), null);
            }
        }
        // The units' other cadres, not posted at a village: the register's size for the scale.
        while (cadres.size() < scale.cadres) {
            cadre(pick(units), random.nextInt(10) < 3 ? Rank.SECTION_LEVEL : Rank.GENERAL, 25, 58);
        }
        Map<UUID, String> paths = new LinkedHashMap<>();
        for (Village v : villages) {
            if (v.weakIn(year) && random.nextInt(3) > 0) {
                paths.put(v.id(), "发展特色种养业，壮大村集体经济");
            }
        }
        service.insertAll(units, cadres, assignments, paths, year);
    }

    int units() {
        return units.size();
    }

    int cadres() {
        return cadres.size();
    }

    int assignments() {
        return assignments.size();
    }

    private Unit unit(int i) {
        String name;
        UnitType type;
        UnitLevel level;
        if (i < ORGANS.length) {
            name = "示范县" + ORGANS[i];
            type = UnitType.ORGAN;
            level = UnitLevel.COUNTY;
        } else if (i % 10 == 0) {
            name = PRIVATE[i / 10 % PRIVATE.length] + (i / 10 / PRIVATE.length + 1) + "号公司";
            type = UnitType.PRIVATE_ENTERPRISE;
            level = UnitLevel.COUNTY;
        } else if (i % 10 == 1) {
            name = "示范县" + FIRMS[i / 10 % FIRMS.length] + (i / 10 / FIRMS.length + 1) + "分部";
            type = UnitType.STATE_ENTERPRISE;
            level = UnitLevel.COUNTY;
        } else {
            name = "示范县第" + (i + 1) + "帮扶单位";
            type = i % 3 == 0 ? UnitType.INSTITUTION : UnitType.ORGAN;
            level = i % 4 == 0 ? UnitLevel.CITY : UnitLevel.COUNTY;
        }
        return new Unit(UUID.randomUUID(), name, level, type, name(), phone(), 0, null);
    }

    private Cadre cadre(Unit unit, Rank rank, int minAge, int maxAge) {
        LocalDate birth = LocalDate.of(DemoData.DEMO_YEAR - minAge - random.nextInt(maxAge - minAge + 1),
                1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean male = random.nextInt(10) < 7;
        int seq = (sequence++ % 499) * 2 + (male ? 1 : 0);
        String region = "4305" + String.format("%02d", 10 + sequence / 499 % 89);
        String id = IdNumber.make(region, birth, seq);
        Cadre c = new Cadre(UUID.randomUUID(), name(), male ? Sex.MALE : Sex.FEMALE, birth, id, phone(),
                unit == null ? null : unit.id(), null, rank, random.nextInt(10) < 8, null, 0, null);
        cadres.add(c);
        return c;
    }

    private Assignment post(Cadre c, Village v, String role, LocalDate from, Unit sender) {
        Assignment a = new Assignment(UUID.randomUUID(), c.id(), c.name(), v.id(), v.name(), role, from, null,
                sender == null ? null : sender.id(), null, null, 0);
        assignments.add(a);
        return a;
    }

    private String name() {
        String n = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN.charAt(random.nextInt(GIVEN.length()));
        return random.nextBoolean() ? n + GIVEN.charAt(random.nextInt(GIVEN.length())) : n;
    }

    private String phone() {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
