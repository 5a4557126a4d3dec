package org.townshipledger.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.common.Stopwatch;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingFilter;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.pairing.TargetKind;
import org.townshipledger.village.Village;
import org.townshipledger.visit.DisputeKind;
import org.townshipledger.visit.HelpItem;
import org.townshipledger.visit.HelpKind;
import org.townshipledger.visit.HelpStatus;
import org.townshipledger.visit.Problem;
import org.townshipledger.visit.ProblemKind;
import org.townshipledger.visit.ProblemStatus;
import org.townshipledger.visit.SettledLevel;
import org.townshipledger.visit.Visit;
import org.townshipledger.visit.VisitKind;
import org.townshipledger.visit.VisitService;
import org.townshipledger.visit.VisitTarget;

/**
 * Demo visits, problems and help given: each helper visits each paired household about ten times a year (one
 * visit in each part of the year, so the last one is never long ago), the posted cadres hold meetings and research
 * visits in their villages, county leaders visit their contact villages. On purpose, a few helpers visited a
 * household only once in the working year (early, so it is overdue too), a few leaders their contact village only
 * once, and the households nobody helps were never visited: {@code check visits} finds them. Visits are made a
 * month at a time in date order with time-ordered ids (UUID version 7 layout, dated by the visit), so the bulk
 * insert appends to the primary key instead of rewriting pages all over the file.
 */
final class VisitDemo {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VisitDemo.class);

    private static final String[] SEEN = {"家中老人身体尚可，慢性病按时服药", "今年养猪 5 头，收入稳定", "孩子在县城上初中，享受资助",
        "房屋安全，自来水入户", "户主外出务工，家中留守老人", "反映村道路灯不亮", "想学养殖技术", "医保已缴，家庭医生已签约"};
    private static final String[] DONE = {"宣讲防返贫政策", "联系技术员上门指导", "帮助申请临时救助", "协调安装路灯",
        "登记务工意愿，推荐岗位", "送去米油等慰问品", "核实收入情况", "讲解医保报销流程"};
    private static final String[] HOUSEHOLD_KINDS = {VisitKind.WARMTH, VisitKind.JOB_NEWS, VisitKind.LAW,
        VisitKind.POLICY, VisitKind.SKILLS, VisitKind.FRIENDSHIP};
    private static final String[] VILLAGE_KINDS = {VisitKind.FORUM, VisitKind.FORUM, VisitKind.FORUM, VisitKind.FORUM,
        VisitKind.RESEARCH, VisitKind.RESEARCH, VisitKind.RESEARCH, VisitKind.POLICY_TALK, VisitKind.POLICY_TALK,
        VisitKind.PRACTICAL_HELP, VisitKind.UNANNOUNCED};
    private static final String[] RAISED_BY = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};

    private final Random random;
    private long sequence;

    VisitDemo(Random random) {
        this.random = random;
    }

    /** Visits per year: township 24,000, county 360,000; years: township 2, county 3 (ending with {@code year}). */
    int create(VisitService service, PairingService pairings, CadreService cadres, List<Village> villages,
               DemoScale scale, int year) {
        Stopwatch watch = Stopwatch.start();
        int perYear = scale == DemoScale.TOWNSHIP ? 24_000 : 360_000;
        int years = scale == DemoScale.TOWNSHIP ? 2 : 3;
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<Pairing> running = pairings.pairings(new PairingFilter(null, null, null, null, yearEnd));
        Map<UUID, Cadre> cadreById = cadres.cadres(null, null, null).stream()
                .collect(Collectors.toMap(Cadre::id, k -> k));
        List<Pairing> households = running.stream()
                .filter(p -> p.target() == TargetKind.HOUSEHOLD && p.cadreId() != null).toList();
        List<Pairing> leaders = running.stream().filter(p -> p.target() == TargetKind.VILLAGE && p.cadreId() != null
                && cadreById.containsKey(p.cadreId()) && cadreById.get(p.cadreId()).rank() == Rank.COUNTY_LEVEL)
                .toList();
        Map<UUID, List<UUID>> posted = new HashMap<>();
        for (Assignment a : cadres.assignments(null, null, null)) {
            if (a.activeOn(yearEnd) && cadreById.containsKey(a.cadreId())) {
                posted.computeIfAbsent(a.villageId(), v -> new ArrayList<>()).add(a.cadreId());
            }
        }
        Map<UUID, List<Pairing>> householdsOfVillage = households.stream()
                .collect(Collectors.groupingBy(Pairing::villageId));
        int householdVisits = perYear * 82 / 100;
        double perPairing = households.isEmpty() ? 0 : (double) householdVisits / households.size();
        int villageVisits = perYear - householdVisits - leaders.size() * 4;
        int[] made = {0};
        LOG.info("Demo visits: ledger read in {}", watch.lap());
        service.bulkLoad(sink -> {
            for (int y = year - years + 1; y <= year; y++) {
                List<List<Visit>> months = new ArrayList<>();
                for (int m = 0; m < 12; m++) {
                    months.add(new ArrayList<>());
                }
                LocalDate first = LocalDate.of(y, 1, 1);
                int days = first.lengthOfYear();
                for (Pairing p : households) {
                    int n = Math.max(5, (int) Math.round(perPairing + random.nextGaussian() * 1.5));
                    boolean behind = y == year && random.nextInt(100) < 2;
                    if (behind) {
                        // One visit, early in the year: the helper is behind, the household overdue.
                        add(months, householdVisit(p, first.plusDays(random.nextInt(200)), posted));
                        continue;
                    }
                    // One visit in each of n equal parts of the year: the last one is never more than 73 days old.
                    for (int i = 0; i < n; i++) {
                        int from = i * days / n;
                        int to = (i + 1) * days / n;
                        add(months, householdVisit(p, first.plusDays(from + random.nextInt(to - from)), posted));
                    }
                }
                for (Pairing p : leaders) {
                    int n = y == year && random.nextInt(6) == 0 ? 1 : 3 + random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        add(months, visit(VisitTarget.VILLAGE, null, p.villageId(),
                                first.plusDays(random.nextInt(days)), VisitKind.RESEARCH, List.of(p.cadreId())));
                    }
                }
                for (int i = 0; i < villageVisits; i++) {
                    Village v = villages.get(random.nextInt(villages.size()));
                    List<UUID> here = posted.get(v.id());
                    if (here == null || here.isEmpty()) {
                        List<Pairing> helpers = householdsOfVillage.get(v.id());
                        if (helpers == null) {
                            continue;
                        }
                        here = List.of(helpers.get(random.nextInt(helpers.size())).cadreId());
                    }
                    List<UUID> who = here.size() > 1 && random.nextInt(3) == 0
                            ? List.of(here.get(0), here.get(1 + random.nextInt(here.size() - 1)))
                            : List.of(here.get(random.nextInt(here.size())));
                    add(months, visit(VisitTarget.VILLAGE, null, v.id(), first.plusDays(random.nextInt(days)),
                            VILLAGE_KINDS[random.nextInt(VILLAGE_KINDS.length)], who));
                }
                for (List<Visit> month : months) {
                    month.sort(Comparator.comparing(Visit::date).thenComparing(Visit::id));
                    sink.accept(month);
                    made[0] += month.size();
                }
                LOG.info("Demo visits: year {} made and inserted in {}", y, watch.lap());
            }
        });
        String visitsTime = watch.lap();
        int problems = problems(service, villages, householdsOfVillage, scale, year, years);
        int help = help(service, villages, households, scale, year, years);
        LOG.info("Demo visits: {} visits in {}, {} problems and {} help items in {}", made[0], visitsTime, problems,
                help, watch.lap());
        return made[0];
    }

    private Visit householdVisit(Pairing p, LocalDate day, Map<UUID, List<UUID>> posted) {
        List<UUID> who = List.of(p.cadreId());
        List<UUID> here = posted.get(p.villageId());
        if (here != null && random.nextInt(5) == 0) {
            UUID other = here.get(random.nextInt(here.size()));
            if (!other.equals(p.cadreId())) {
                who = List.of(p.cadreId(), other);
            }
        }
        String kind = random.nextInt(10) < 7 ? VisitKind.HOME_VISIT : HOUSEHOLD_KINDS[random.nextInt(6)];
        return visit(VisitTarget.HOUSEHOLD, p.householdId(), p.villageId(), day, kind, who);
    }

    private Visit visit(VisitTarget target, UUID household, UUID village, LocalDate day, String kind,
                        List<UUID> who) {
        String seen = random.nextInt(10) < 4 ? SEEN[random.nextInt(SEEN.length)] : null;
        String done = random.nextInt(10) < 4 ? DONE[random.nextInt(DONE.length)] : null;
        return new Visit(timeOrderedId(day), target, household, village, null, null, null, day, kind, who, null, seen,
                done, null, 0);
    }

    private static void add(List<List<Visit>> months, Visit v) {
        months.get(v.date().getMonthValue() - 1).add(v);
    }

    /** A UUID in the version 7 layout whose timestamp is the day (plus a counter): ids sort by visit date. */
    private UUID timeOrderedId(LocalDate day) {
        long millis = day.toEpochDay() * 86_400_000L + (sequence++ % 86_400_000L);
        long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private int problems(VisitService service, List<Village> villages, Map<UUID, List<Pairing>> householdsOfVillage,
                         DemoScale scale, int year, int years) {
        int perYear = scale == DemoScale.TOWNSHIP ? 35 : 900;
        List<Problem> out = new ArrayList<>();
        for (int y = year - years + 1; y <= year; y++) {
            LocalDate first = LocalDate.of(y, 1, 1);
            LocalDate last = LocalDate.of(y, 12, 31);
            for (int i = 0; i < perYear + random.nextInt(perYear / 5 + 1); i++) {
                Village v = villages.get(random.nextInt(villages.size()));
                LocalDate raised = first.plusDays(random.nextInt(first.lengthOfYear()));
                List<Pairing> helped = householdsOfVillage.getOrDefault(v.id(), List.of());
                UUID household = !helped.isEmpty() && random.nextInt(3) == 0
                        ? helped.get(random.nextInt(helped.size())).householdId() : null;
                String raisedBy = household == null ? RAISED_BY[random.nextInt(RAISED_BY.length)] + "某" : null;
                int k = random.nextInt(100);
                ProblemKind kind = k < 45 ? ProblemKind.DISPUTE : k < 65 ? ProblemKind.HARDSHIP
                        : k < 80 ? ProblemKind.POLICY : k < 92 ? ProblemKind.INFRASTRUCTURE : ProblemKind.PETITION;
                DisputeKind sub = kind == ProblemKind.DISPUTE
                        ? DisputeKind.values()[random.nextInt(DisputeKind.values().length)] : null;
                int s = random.nextInt(100);
                ProblemStatus status = s < 86 ? ProblemStatus.RESOLVED : s < 91 ? ProblemStatus.MEDIATING
                        : s < 95 ? ProblemStatus.FOUND : s < 98 ? ProblemStatus.TO_TOWNSHIP : ProblemStatus.TO_COUNTY;
                LocalDate resolved = null;
                SettledLevel level = null;
                String how = null;
                if (status == ProblemStatus.RESOLVED) {
                    resolved = raised.plusDays(1 + random.nextInt(30));
                    if (resolved.isAfter(last)) {
                        resolved = last;
                    }
                    int l = random.nextInt(100);
                    level = l < 80 ? SettledLevel.VILLAGE : l < 97 ? SettledLevel.TOWNSHIP : SettledLevel.COUNTY;
                    how = level == SettledLevel.VILLAGE ? "村调解委员会调解，双方达成协议" : "乡镇司法所调处";
                }
                out.add(new Problem(UUID.randomUUID(), kind, sub, raisedBy, household, null, v.id(), null, raised,
                        kind.label() + "：" + (sub == null ? "" : sub.label()), status, resolved, how, level, null,
                        0));
            }
        }
        service.insertProblems(out);
        return out.size();
    }

    private int help(VisitService service, List<Village> villages, List<Pairing> households, DemoScale scale,
                     int year, int years) {
        int perYear = scale == DemoScale.TOWNSHIP ? 350 : 7_000;
        List<HelpItem> out = new ArrayList<>();
        HelpKind[] kinds = HelpKind.values();
        for (int y = year - years + 1; y <= year; y++) {
            LocalDate first = LocalDate.of(y, 1, 1);
            for (int i = 0; i < perYear; i++) {
                HelpKind kind = kinds[random.nextInt(kinds.length)];
                LocalDate day = first.plusDays(random.nextInt(first.lengthOfYear()));
                int s = random.nextInt(10);
                HelpStatus status = y < year || s < 7 ? HelpStatus.DONE : s < 9 ? HelpStatus.IN_PROGRESS
                        : HelpStatus.PLANNED;
                boolean toHousehold = !households.isEmpty() && random.nextInt(10) < 6;
                BigDecimal goods = random.nextInt(2) == 0 ? BigDecimal.ZERO.setScale(2)
                        : BigDecimal.valueOf(10_000 + random.nextInt(490_000), 2);
                if (toHousehold) {
                    Pairing p = households.get(random.nextInt(households.size()));
                    out.add(new HelpItem(UUID.randomUUID(), VisitTarget.HOUSEHOLD, p.householdId(), null,
                            p.villageId(), null, kind, kind.label() + "帮扶",
                            BigDecimal.valueOf(20_000 + random.nextInt(1_980_000), 2), goods, p.cadreId(), null, null,
                            day, status, 0));
                } else {
                    Village v = villages.get(random.nextInt(villages.size()));
                    out.add(new HelpItem(UUID.randomUUID(), VisitTarget.VILLAGE, null, null, v.id(), null, kind,
                            kind.label() + "项目", BigDecimal.valueOf(500_000 + random.nextInt(49_500_000), 2), goods,
                            null, null, null, day, status, 0));
                }
            }
        }
        service.insertHelp(out);
        return out.size();
    }
}
