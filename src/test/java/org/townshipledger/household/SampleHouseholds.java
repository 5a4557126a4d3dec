package org.townshipledger.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;

/**
 * Households for tests and benchmarks: hand-made ones with fictional IDs ({@code IdNumber.make("430599", ...)}),
 * and generated ones (same seed, same households) with realistic families and unique IDs.
 */
public final class SampleHouseholds {

    public static final String REGION = "430599";

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
        "罗", "梁", "宋", "郑", "谢", "唐", "邓", "曾", "彭", "蒋", "田", "肖", "潘", "袁", "蔡", "程", "余", "杜"};
    private static final String MALE_GIVEN = "建国军明伟强勇志刚平华新春德文海山林峰杰涛斌辉波宏飞鹏超俊";
    private static final String FEMALE_GIVEN = "秀英兰芳丽娟玉梅红霞燕萍艳珍凤琴桂花云莲敏静婷娜雪玲慧";

    private final Random random;
    private final Set<String> ids = new HashSet<>();

    public SampleHouseholds(long seed) {
        this.random = new Random(seed);
    }

    /** A member with a fictional ID whose birth date and sex agree with it (odd sequence: male). */
    public static Member member(String name, Relation relation, LocalDate birth, int sequence) {
        String id = IdNumber.make(REGION, birth, sequence);
        return new Member(null, name, id, relation, IdNumber.sex(id), birth, "汉族", Education.PRIMARY,
                InSchool.NONE, Health.HEALTHY, LabourSkill.ORDINARY, WorkStatus.NOT_WORKING);
    }

    /** A new 一般贫困户, not yet out of poverty, in {@code village} (its first group, if any). */
    public static Household household(Village village, Member... members) {
        VillageGroup g = village.groups().isEmpty() ? null : village.groups().get(0);
        return new Household(null, null, village.id(), village.name(), g == null ? null : g.id(),
                g == null ? null : g.name(), "13800001111", HouseholdCategory.GENERAL, PovertyCause.ILLNESS,
                PovertyStatus.NOT_OUT, null, null, null, false, null, null, List.of(members), 0, null, null);
    }

    /** {@code count} generated households spread over {@code villages}, each with a head and usually a family. */
    public List<Household> generate(List<Village> villages, int count) {
        List<Household> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generateOne(villages.get(random.nextInt(villages.size()))));
        }
        return out;
    }

    private Household generateOne(Village v) {
        List<Member> members = new ArrayList<>();
        String surname = pick(SURNAMES);
        LocalDate headBirth = date(1945, 1988);
        boolean maleHead = random.nextInt(10) < 8;
        members.add(person(surname, maleHead ? Sex.MALE : Sex.FEMALE, Relation.HEAD, headBirth));
        if (random.nextInt(10) < 8) {
            Sex spouseSex = maleHead ? Sex.FEMALE : Sex.MALE;
            members.add(person(pick(SURNAMES), spouseSex, Relation.SPOUSE, near(headBirth, 6)));
        }
        int children = random.nextInt(5);
        for (int c = 0; c < children; c++) {
            boolean son = random.nextBoolean();
            LocalDate born = later(headBirth, 20 + random.nextInt(18));
            members.add(person(surname, son ? Sex.MALE : Sex.FEMALE, son ? Relation.SON : Relation.DAUGHTER, born));
        }
        if (random.nextInt(4) == 0) {
            boolean father = random.nextBoolean();
            LocalDate born = later(headBirth, -(22 + random.nextInt(12)));
            if (born.getYear() >= 1920) {
                members.add(person(father ? surname : pick(SURNAMES), father ? Sex.MALE : Sex.FEMALE,
                        father ? Relation.FATHER : Relation.MOTHER, born));
            }
        }
        VillageGroup g = v.groups().isEmpty() ? null : v.groups().get(random.nextInt(v.groups().size()));
        boolean out = random.nextInt(10) < 8;
        boolean monitored = random.nextInt(100) < 15;
        MonitoringType type = monitored ? pick(MonitoringType.values()) : null;
        return new Household(null, null, v.id(), v.name(), g == null ? null : g.id(), g == null ? null : g.name(),
                "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000)),
                pick(HouseholdCategory.values()), pick(PovertyCause.values()),
                out ? PovertyStatus.OUT : PovertyStatus.NOT_OUT, out ? 2016 + random.nextInt(5) : null, type,
                monitored && random.nextInt(5) > 0 ? pick(RiskType.values()) : null, false, null, null, members, 0,
                null, null);
    }

    private Member person(String surname, Sex sex, Relation relation, LocalDate birth) {
        String given = sex == Sex.MALE ? MALE_GIVEN : FEMALE_GIVEN;
        String name = surname + given.charAt(random.nextInt(given.length()))
                + (random.nextInt(3) > 0 ? String.valueOf(given.charAt(random.nextInt(given.length()))) : "");
        String id;
        LocalDate date = birth;
        do {
            int sequence = random.nextInt(500) * 2 + (sex == Sex.MALE ? 1 : 0);
            id = IdNumber.make(REGION, date, sequence);
            date = date.plusDays(1);
        } while (!ids.add(id));
        LocalDate born = IdNumber.birthDate(id);
        int age = 2025 - born.getYear();
        InSchool school = age < 6 ? InSchool.PRESCHOOL : age < 12 ? InSchool.PRIMARY : age < 15 ? InSchool.JUNIOR
                : age < 18 ? InSchool.SENIOR : InSchool.NONE;
        return new Member(null, name, id, relation, sex, born, "汉族", age < 6 ? Education.PRESCHOOL
                : pick(new Education[] {Education.PRIMARY, Education.JUNIOR, Education.SENIOR, Education.ILLITERATE}),
                school, pick(Health.values()), age < 16 || age > 65 ? LabourSkill.NONE : pick(LabourSkill.values()),
                age < 16 || age > 65 ? WorkStatus.NOT_WORKING : pick(WorkStatus.values()));
    }

    private LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(fromYear + random.nextInt(toYear - fromYear + 1), 1, 1).plusDays(random.nextInt(365));
    }

    private LocalDate near(LocalDate d, int years) {
        LocalDate r = d.plusDays(random.nextInt(years * 730 + 1) - years * 365L);
        return r.isAfter(LocalDate.of(2024, 12, 31)) ? LocalDate.of(2024, 12, 31) : r;
    }

    private LocalDate later(LocalDate d, int years) {
        LocalDate r = d.plusYears(years).plusDays(random.nextInt(365));
        return r.isAfter(LocalDate.of(2024, 12, 31)) ? LocalDate.of(2024, 12, 31).minusDays(random.nextInt(900)) : r;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Saves through the service, one by one, with every check (for a few hundred). */
    public static void saveAll(HouseholdService service, List<Household> households) {
        households.forEach(service::save);
    }

    /** Inserts through the repository in batches, one transaction each, skipping the checks (for 100,000). */
    public static void insertAll(Database db, List<Household> households, int batch) {
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < households.size(); i += batch) {
            List<Household> slice = households.subList(i, Math.min(households.size(), i + batch)).stream()
                    .map(h -> h.withId(UUID.randomUUID())).toList();
            db.dsl().transaction(tx -> new HouseholdRepository(tx.dsl()).insertAll(slice, now));
        }
    }
}
