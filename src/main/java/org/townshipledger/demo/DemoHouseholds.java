package org.townshipledger.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Sex;
import org.townshipledger.household.Education;
import org.townshipledger.household.Health;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdCategory;
import org.townshipledger.household.HouseholdCheck;
import org.townshipledger.household.HouseholdEntry;
import org.townshipledger.household.InSchool;
import org.townshipledger.household.Income;
import org.townshipledger.household.LabourSkill;
import org.townshipledger.household.Member;
import org.townshipledger.household.MonitoringType;
import org.townshipledger.household.PovertyCause;
import org.townshipledger.household.PovertyStatus;
import org.townshipledger.household.Relation;
import org.townshipledger.household.RiskType;
import org.townshipledger.household.WorkStatus;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;

/**
 * Generated households for a demo ledger: families with a head, often a spouse of the other sex, children younger
 * than the head, sometimes the head's parents, a daughter-in-law and grandchildren; Chinese names; valid, unique,
 * fictional ID numbers of the demo county (region 430599) whose sex and birth date agree with the members';
 * 贫困户属性, 致贫原因, 脱贫 in 2016–2020; about 8% monitored with a risk; the yearly check and income for some.
 * The same {@link Random} gives the same households.
 */
public final class DemoHouseholds {

    /** The region code of the demo county's ID numbers (fictional: 4305xx is 邵阳, 99 is unused). */
    public static final String REGION = "430599";

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
        "罗", "梁", "宋", "郑", "谢", "唐", "邓", "曾", "彭", "蒋", "田", "肖", "袁", "刘", "王", "李", "张", "陈",
        "贺", "谭", "申", "邹", "龙", "蒋", "雷", "尹", "石", "廖"};
    private static final String[] MALE_GIVEN = {
        "伟", "强", "军", "勇", "杰", "涛", "明", "斌", "刚", "平", "辉", "华", "建", "国", "民", "红", "志", "文",
        "海", "林", "东", "春", "生", "德", "福", "贵", "全", "龙", "发", "成", "金", "宝", "兵", "云", "峰", "亮",
        "宇", "浩", "俊", "磊", "鹏", "超", "旭", "晨", "新", "荣", "山", "水", "根", "清"};
    private static final String[] FEMALE_GIVEN = {
        "芳", "娟", "敏", "静", "丽", "艳", "霞", "玲", "秀", "英", "兰", "梅", "凤", "珍", "桂", "琴", "云", "莲",
        "燕", "红", "萍", "华", "丹", "婷", "慧", "洁", "佳", "雪", "琳", "倩", "菊", "香", "春", "月", "翠", "妹",
        "玉", "金", "花", "娥"};
    private static final String[] ETHNICITIES = {"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族",
        "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "苗族", "瑶族", "侗族", "土家族", "回族"};
    /** Members per household: 1 to 7, weights in %, about 4 on average. */
    private static final int[] SIZE_WEIGHTS = {5, 13, 19, 25, 19, 12, 7};
    private static final int[] CAUSE_WEIGHTS = {30, 12, 8, 4, 5, 3, 12, 10, 10, 3, 3};
    private static final String[] CHECK_NOTES = {"医保未缴费，已督促补缴", "房屋有安全隐患，已纳入危改", "季节性缺水，已接通自来水",
        "适龄儿童辍学，已劝返", "生活困难，已申请临时救助"};

    private final Random random;
    private final int year;
    /** (birth day, sequence) pairs given out so far: every ID number made is unique. */
    private final Set<Long> idsUsed = new HashSet<>();

    public DemoHouseholds(Random random, int year) {
        this.random = random;
        this.year = year;
    }

    /**
     * Households for every village, made lazily village by village (a county's 100,000 need not sit in memory).
     *
     * @param total       households in all
     * @param poorOrWatch of them, poor or monitored households, more of them in poverty villages; the others are
     *                    ordinary households (no category, not monitored)
     */
    public Iterable<HouseholdEntry> forVillages(List<Village> villages, int total, int poorOrWatch) {
        double weightSum = villages.stream().mapToDouble(DemoHouseholds::weight).sum();
        double poorSum = villages.stream().mapToDouble(v -> weight(v) * (v.povertyVillage() ? 1.6 : 1.0)).sum();
        int[] counts = new int[villages.size()];
        int[] poor = new int[villages.size()];
        double cum = 0;
        double cumPoor = 0;
        for (int i = 0; i < villages.size(); i++) {
            Village v = villages.get(i);
            long before = Math.round(total * cum / weightSum);
            long beforePoor = Math.round(poorOrWatch * cumPoor / poorSum);
            cum += weight(v);
            cumPoor += weight(v) * (v.povertyVillage() ? 1.6 : 1.0);
            counts[i] = (int) (Math.round(total * cum / weightSum) - before);
            poor[i] = poorOrWatch >= total ? counts[i]
                    : (int) Math.min(counts[i], Math.round(poorOrWatch * cumPoor / poorSum) - beforePoor);
        }
        return () -> new Iterator<>() {
            private int village = -1;
            private int index;

            @Override
            public boolean hasNext() {
                while (village < 0 || index >= counts[village]) {
                    if (village + 1 >= villages.size()) {
                        return false;
                    }
                    village++;
                    index = 0;
                }
                return true;
            }

            @Override
            public HouseholdEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = index++;
                // Poor and monitored households spread through the village, not bunched at its start.
                boolean isPoor = (long) i * poor[village] / counts[village] != (long) (i + 1) * poor[village] / counts[village];
                return household(villages.get(village), i + 1, isPoor);
            }
        };
    }

    private static double weight(Village v) {
        return v.householdCount() == null ? 300 : v.householdCount();
    }

    /** One household of the village; {@code seq} numbers it within the village (its 户编号). */
    public HouseholdEntry household(Village village, int seq, boolean poorOrWatched) {
        HouseholdCategory category = null;
        PovertyCause cause = null;
        PovertyStatus status = null;
        Integer exitYear = null;
        MonitoringType monitoring = null;
        RiskType risk = null;
        boolean eliminated = false;
        LocalDate eliminatedOn = null;
        if (poorOrWatched) {
            int kind = random.nextInt(100);
            boolean poor = kind >= 4;   // 4%: monitored without having been poor (边缘易致贫, 突发严重困难)
            if (poor) {
                int c = random.nextInt(100);
                category = c < 55 ? HouseholdCategory.GENERAL : c < 88 ? HouseholdCategory.LOW_INCOME
                        : HouseholdCategory.SPECIAL_SUPPORT;
                cause = PovertyCause.values()[weighted(CAUSE_WEIGHTS)];
                status = PovertyStatus.OUT;
                exitYear = 2016 + weighted(new int[] {12, 18, 25, 30, 15});
                if (kind < 8) {
                    monitoring = MonitoringType.UNSTABLE;
                }
            } else {
                monitoring = random.nextInt(5) == 0 ? MonitoringType.SUDDEN : MonitoringType.MARGINAL;
            }
            if (monitoring != null) {
                risk = RiskType.values()[random.nextInt(RiskType.values().length)];
                eliminated = random.nextInt(100) < 45;
                eliminatedOn = eliminated ? LocalDate.of(year - random.nextInt(2), 1 + random.nextInt(11),
                        1 + random.nextInt(28)) : null;
            }
        }
        List<Member> members = members(cause);
        List<VillageGroup> groups = village.groups();
        VillageGroup group = groups.isEmpty() ? null : groups.get(random.nextInt(groups.size()));
        String phone = random.nextInt(100) < 85 ? mobile() : null;
        String no = village.statsCode() != null ? village.statsCode() + String.format("%04d", seq) : null;
        Household h = new Household(null, no, village.id(), village.name(), group == null ? null : group.id(),
                group == null ? null : group.name(), phone, category, cause, status, exitYear, monitoring, risk,
                eliminated, eliminatedOn, null, members, 0, null, null);
        HouseholdCheck check = null;
        Income income = null;
        if (poorOrWatched) {
            if (random.nextInt(100) < 65) {
                boolean[] ok = {true, true, true, true, true};
                String note = null;
                if (random.nextInt(100) < 7) {
                    int which = random.nextInt(5);
                    ok[which] = false;
                    note = CHECK_NOTES[which];
                }
                check = new HouseholdCheck(year, ok[0], ok[1], ok[2], ok[3], ok[4], note,
                        LocalDate.of(year, 3 + random.nextInt(8), 1 + random.nextInt(28)));
            }
            int base = category == null ? 4500 + random.nextInt(4500) : 6500 + random.nextInt(15500);
            income = new Income(year, BigDecimal.valueOf(base * 100L + random.nextInt(100), 2));
        }
        return new HouseholdEntry(h, check, income);
    }

    // ---- members ----

    private List<Member> members(PovertyCause cause) {
        int size = 1 + weighted(SIZE_WEIGHTS);
        List<Member> members = new ArrayList<>(size);
        String ethnicity = ETHNICITIES[random.nextInt(ETHNICITIES.length)];
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        int headAge = 28 + random.nextInt(55);
        Sex headSex = random.nextInt(100) < 85 ? Sex.MALE : Sex.FEMALE;
        members.add(person(surname, headSex, headAge, Relation.HEAD, ethnicity));
        if (members.size() < size && headAge < 80 && random.nextInt(100) < 85) {
            int age = Math.max(20, headAge + (headSex == Sex.MALE ? -random.nextInt(7) : random.nextInt(7)));
            members.add(person(SURNAMES[random.nextInt(SURNAMES.length)], other(headSex), age, Relation.SPOUSE,
                    random.nextInt(10) == 0 ? ETHNICITIES[random.nextInt(ETHNICITIES.length)] : ethnicity));
        }
        if (members.size() < size && headAge < 62 && random.nextInt(100) < 25) {
            int age = Math.min(98, headAge + 22 + random.nextInt(10));
            if (random.nextBoolean()) {
                members.add(person(surname, Sex.MALE, age, Relation.FATHER, ethnicity));
            }
            if (members.size() < size) {
                members.add(person(SURNAMES[random.nextInt(SURNAMES.length)], Sex.FEMALE, Math.max(age - 3, headAge + 20),
                        Relation.MOTHER, ethnicity));
            }
        }
        Member marriedSon = null;
        int parentAge = members.size() > 1 && members.get(1).relation() == Relation.SPOUSE
                ? Math.min(headAge, year - members.get(1).birthDate().getYear()) : headAge;
        int childBudget = size - members.size();
        for (int c = 0; c < childBudget && members.size() < size; c++) {
            int oldest = parentAge - 20;
            int youngest = Math.max(0, headAge - 42);
            int age = youngest + random.nextInt(Math.max(1, oldest - youngest + 1));
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            Member child = person(surname, sex, age, sex == Sex.MALE ? Relation.SON : Relation.DAUGHTER, ethnicity);
            members.add(child);
            if (marriedSon == null && sex == Sex.MALE && age >= 24 && random.nextInt(100) < 60) {
                marriedSon = child;
                if (members.size() < size) {
                    int wifeAge = Math.max(20, age - 4 + random.nextInt(7));
                    members.add(person(SURNAMES[random.nextInt(SURNAMES.length)], Sex.FEMALE, wifeAge,
                            Relation.DAUGHTER_IN_LAW, ethnicity));
                }
                int sonAge = age;
                while (members.size() < size && sonAge >= 22 && random.nextInt(100) < 70) {
                    int grandAge = random.nextInt(Math.max(1, sonAge - 20));
                    Sex gs = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                    members.add(person(surname, gs, grandAge, gs == Sex.MALE ? Relation.GRANDSON
                            : Relation.GRANDDAUGHTER, ethnicity));
                }
            }
        }
        if (cause == PovertyCause.ILLNESS || cause == PovertyCause.DISABILITY) {
            int who = random.nextInt(Math.min(2, members.size()));
            Member m = members.get(who);
            Health health = cause == PovertyCause.DISABILITY ? Health.DISABLED
                    : random.nextBoolean() ? Health.SERIOUS : Health.CHRONIC;
            int age = year - m.birthDate().getYear();
            members.set(who, new Member(null, m.name(), m.idNumber(), m.relation(), m.sex(), m.birthDate(),
                    m.ethnicity(), m.education(), m.inSchool(), health, labour(age, health, m.inSchool()),
                    WorkStatus.NOT_WORKING));
        }
        return members;
    }

    private Member person(String surname, Sex sex, int ageAsked, Relation relation, String ethnicity) {
        // At least 1: a baby born "this year" could be born after today when the demo year is the current one.
        int age = Math.max(1, ageAsked);
        LocalDate birth = LocalDate.ofYearDay(year - age, 1 + random.nextInt(365));
        String id = idNumber(birth, sex);
        String name = surname + given(sex);
        InSchool inSchool = inSchool(age);
        Health health = health(age);
        LabourSkill labour = labour(age, health, inSchool);
        return new Member(null, name, id, relation, sex, birth, ethnicity, education(age, inSchool), inSchool, health,
                labour, work(age, labour));
    }

    private String idNumber(LocalDate birth, Sex sex) {
        while (true) {
            int sequence = 2 * random.nextInt(500) + (sex == Sex.MALE ? 1 : 0);
            if (idsUsed.add(birth.toEpochDay() * 1000 + sequence)) {
                return IdNumber.make(REGION, birth, sequence);
            }
        }
    }

    private String given(Sex sex) {
        String[] chars = sex == Sex.MALE ? MALE_GIVEN : FEMALE_GIVEN;
        String first = chars[random.nextInt(chars.length)];
        return random.nextInt(100) < 70 ? first + chars[random.nextInt(chars.length)] : first;
    }

    private InSchool inSchool(int age) {
        if (age >= 3 && age <= 5) {
            return InSchool.PRESCHOOL;
        } else if (age >= 6 && age <= 11) {
            return InSchool.PRIMARY;
        } else if (age >= 12 && age <= 14) {
            return InSchool.JUNIOR;
        } else if (age >= 15 && age <= 17) {
            return random.nextInt(100) < 65 ? InSchool.SENIOR : InSchool.SECONDARY_VOCATIONAL;
        } else if (age >= 18 && age <= 21 && random.nextInt(100) < 45) {
            return random.nextBoolean() ? InSchool.HIGHER_VOCATIONAL : InSchool.UNDERGRADUATE;
        }
        return InSchool.NONE;
    }

    private Education education(int age, InSchool inSchool) {
        switch (inSchool) {
            case PRESCHOOL -> {
                return Education.PRESCHOOL;
            }
            case PRIMARY -> {
                return Education.PRIMARY;
            }
            case JUNIOR -> {
                return Education.JUNIOR;
            }
            case SENIOR, SECONDARY_VOCATIONAL -> {
                return Education.JUNIOR;
            }
            case HIGHER_VOCATIONAL, UNDERGRADUATE -> {
                return Education.SENIOR;
            }
            default -> {
                // not in school
            }
        }
        if (age < 6) {
            return Education.PRESCHOOL;
        }
        int r = random.nextInt(100);
        if (age >= 60) {
            return r < 40 ? Education.ILLITERATE : r < 85 ? Education.PRIMARY : Education.JUNIOR;
        } else if (age >= 40) {
            return r < 10 ? Education.ILLITERATE : r < 50 ? Education.PRIMARY : r < 90 ? Education.JUNIOR : Education.SENIOR;
        }
        return r < 20 ? Education.PRIMARY : r < 70 ? Education.JUNIOR : r < 92 ? Education.SENIOR : Education.COLLEGE;
    }

    private Health health(int age) {
        int r = random.nextInt(100);
        int chronic = age >= 60 ? 30 : age >= 40 ? 12 : 3;
        if (r < chronic) {
            return Health.CHRONIC;
        } else if (r < chronic + 3) {
            return Health.SERIOUS;
        } else if (r < chronic + 6) {
            return Health.DISABLED;
        }
        return Health.HEALTHY;
    }

    private LabourSkill labour(int age, Health health, InSchool inSchool) {
        if (age < 16 || inSchool != InSchool.NONE) {
            return LabourSkill.NONE;
        }
        if (health == Health.SERIOUS || health == Health.DISABLED) {
            return random.nextBoolean() ? LabourSkill.LOST : LabourSkill.WEAK;
        }
        if (age >= 70) {
            return random.nextInt(100) < 60 ? LabourSkill.LOST : LabourSkill.WEAK;
        }
        if (age >= 60 || health == Health.CHRONIC) {
            return LabourSkill.WEAK;
        }
        return random.nextInt(100) < 22 ? LabourSkill.SKILLED : LabourSkill.ORDINARY;
    }

    private WorkStatus work(int age, LabourSkill labour) {
        if (labour != LabourSkill.ORDINARY && labour != LabourSkill.SKILLED) {
            return age >= 16 ? WorkStatus.NOT_WORKING : null;
        }
        int r = random.nextInt(100);
        return r < 30 ? WorkStatus.NOT_WORKING : r < 42 ? WorkStatus.IN_TOWNSHIP : r < 58 ? WorkStatus.IN_COUNTY
                : r < 78 ? WorkStatus.IN_PROVINCE : WorkStatus.OUT_OF_PROVINCE;
    }

    private String mobile() {
        String[] prefixes = {"13", "15", "17", "18", "19"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private int weighted(int[] weights) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int r = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Sex other(Sex s) {
        return s == Sex.MALE ? Sex.FEMALE : Sex.MALE;
    }
}
