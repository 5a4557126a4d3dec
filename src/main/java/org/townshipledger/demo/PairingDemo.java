package org.townshipledger.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Sex;
import org.townshipledger.pairing.HelperCategory;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingKind;
import org.townshipledger.pairing.Student;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.pairing.PairingService.Proposal;
import org.townshipledger.pairing.TargetKind;
import org.townshipledger.village.Village;

/**
 * Demo pairings: every poor or monitored household gets the helper the service's own suggestion proposes, county
 * leaders their village and the township, organs and enterprises a village, section-level cadres a student. A few
 * households are left without a helper and a few helpers overloaded, so that {@code check pairings} finds them.
 */
final class PairingDemo {

    private final Random random;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华平刚桂兰玉梅建国红霞海燕文志";

    private final List<Pairing> pairings = new ArrayList<>();
    private int sequence = 1;

    PairingDemo(Random random) {
        this.random = random;
    }

    int create(PairingService service, CadreService cadres, List<Village> villages, DemoScale scale, int year) {
        LocalDate from = LocalDate.of(year - 1, 3, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<Unit> units = cadres.units();
        List<Unit> organs = units.stream().filter(u -> HelperCategory.of(u) == HelperCategory.COUNTY_ORGAN).toList();
        // Every village is helped by a county organ; the organs' staff are the helpers the suggestion falls back on.
        Map<UUID, Unit> organOf = new HashMap<>();
        for (int i = 0; i < villages.size(); i++) {
            Unit organ = organs.get(i % organs.size());
            organOf.put(villages.get(i).id(), organ);
            add(null, organ.id(), TargetKind.VILLAGE, null, null, villages.get(i).id(), start(from));
        }
        int v = 0;
        for (Unit u : units) {
            // One enterprise in ten has not yet taken its village: the quota check finds it.
            if (HelperCategory.of(u) == HelperCategory.PRIVATE_ENTERPRISE && random.nextInt(10) != 0) {
                add(null, u.id(), TargetKind.VILLAGE, null, null, villages.get(v++ % villages.size()).id(),
                        start(from));
            }
        }
        List<Assignment> current = cadres.assignments(null, null, null).stream()
                .filter(a -> a.activeOn(yearEnd)).toList();
        Map<UUID, Cadre> byId = cadres.cadres(null, null, null).stream()
                .collect(Collectors.toMap(Cadre::id, k -> k));
        staffAndReserves(service, cadres, villages, organs, organOf, current, byId, year);
        for (Assignment a : current) {
            Cadre k = byId.get(a.cadreId());
            if (k != null && k.rank() == Rank.COUNTY_LEVEL && a.role().equals(Role.LEADER_IN_CHARGE)) {
                add(k.id(), null, TargetKind.VILLAGE, null, null, a.villageId(), start(from));
                add(k.id(), null, TargetKind.TOWNSHIP, null, null, null, start(from));
            }
        }
        students(service, current, byId, organOf, from);
        service.insertAll(pairings);
        int made = pairings.size();
        pairings.clear();

        Map<UUID, List<UUID>> households = new HashMap<>();
        for (Proposal p : service.suggest(null)) {
            if (p.hasHelper() && random.nextInt(250) != 0) {
                households.computeIfAbsent(p.cadreId(), k -> new ArrayList<>()).add(p.household().householdId());
            }
        }
        overload(cadres, households, scale == DemoScale.TOWNSHIP ? 2 : 15, service);
        households.forEach((cadre, list) -> list.forEach(h -> pairings.add(new Pairing(UUID.randomUUID(), cadre,
                null, null, null, null, TargetKind.HOUSEHOLD, h, null, null, null, null,
                list.size() > 1 ? PairingKind.ONE_TO_MANY : PairingKind.ONE_TO_ONE, start(from), null,
                "每月至少走访一次，帮助落实产业和就业帮扶措施", null, 0))));
        service.insertAll(pairings);
        return made + pairings.size();
    }

    /**
     * Adds the organs' staff who pair with households where the cadres posted in a village have too little room
     * (at least one per organ), and the reserve cadre each organ sends to stay in a village (one organ in fifteen
     * has not, for the quota check to find).
     */
    private void staffAndReserves(PairingService service, CadreService cadres, List<Village> villages,
                                  List<Unit> organs, Map<UUID, Unit> organOf, List<Assignment> current,
                                  Map<UUID, Cadre> byId, int year) {
        var rules = service.rules();
        Map<UUID, Integer> room = new HashMap<>();
        Set<UUID> counted = new HashSet<>();
        for (Assignment a : current) {
            Cadre k = byId.get(a.cadreId());
            if (k != null && counted.add(k.id())) {
                room.merge(a.villageId(), rules.maxHouseholds(k.rank()), Integer::sum);
            }
        }
        Map<UUID, Long> poor = service.uncoveredHouseholds(null, year).stream()
                .collect(Collectors.groupingBy(u -> u.villageId(), Collectors.counting()));
        List<Cadre> staff = new ArrayList<>();
        List<Assignment> reserves = new ArrayList<>();
        Set<UUID> organsWithStaff = new HashSet<>();
        for (Village village : villages) {
            Unit organ = organOf.get(village.id());
            long deficit = poor.getOrDefault(village.id(), 0L) - room.getOrDefault(village.id(), 0);
            int perCadre = rules.maxHouseholds(Rank.GENERAL);
            long needed = deficit <= 0 ? 0 : (deficit * 11 / 10 + perCadre - 1) / perCadre;
            for (int i = 0; i < needed || (i == 0 && !organsWithStaff.contains(organ.id())); i++) {
                staff.add(cadre(organ, Rank.GENERAL, 26, 55));
                organsWithStaff.add(organ.id());
            }
        }
        for (int i = 0; i < organs.size(); i++) {
            if (i % 15 == 7) {
                continue;
            }
            Unit organ = organs.get(i);
            Village village = villages.stream().filter(x -> organOf.get(x.id()) == organ).findFirst()
                    .orElse(villages.get(i % villages.size()));
            Cadre reserve = cadre(organ, Rank.GENERAL, 24, 32);
            staff.add(reserve);
            reserves.add(new Assignment(UUID.randomUUID(), reserve.id(), reserve.name(), village.id(), village.name(),
                    Role.RESERVE, LocalDate.of(year - 1, 6, 1), null, organ.id(), null, null, 0));
        }
        cadres.insertAll(List.of(), staff, reserves, Map.of(), year);
    }

    private Cadre cadre(Unit unit, Rank rank, int minAge, int maxAge) {
        LocalDate birth = LocalDate.of(DemoData.DEMO_YEAR - minAge - random.nextInt(maxAge - minAge + 1),
                1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean male = random.nextInt(10) < 6;
        int n = sequence++;
        // Region 4307xx: apart from the posted cadres' 4305xx and the households' 430599.
        String id = IdNumber.make("4307" + String.format("%02d", 10 + n / 499 % 89), birth, (n % 499) * 2
                + (male ? 1 : 0));
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
        return new Cadre(UUID.randomUUID(), name, male ? Sex.MALE : Sex.FEMALE, birth, id,
                "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)), unit.id(), null,
                rank, random.nextInt(10) < 8, null, 0, null);
    }

    /** Gives a few helpers one or two households more than their limit, taken from other helpers' lists. */
    private void overload(CadreService cadres, Map<UUID, List<UUID>> households, int count, PairingService service) {
        Map<UUID, Cadre> byId = cadres.cadres(null, null, null).stream().collect(Collectors.toMap(Cadre::id, k -> k));
        List<UUID> helpers = new ArrayList<>(households.keySet());
        helpers.sort(java.util.Comparator.comparing(UUID::toString));
        List<UUID> pool = helpers.stream().flatMap(k -> households.get(k).stream()).collect(Collectors.toList());
        for (int i = 0; i < count && i < helpers.size(); i++) {
            UUID cadre = helpers.get(random.nextInt(helpers.size()));
            int max = service.rules().maxHouseholds(byId.get(cadre).rank());
            List<UUID> mine = households.get(cadre);
            int extra = max + 1 + random.nextInt(2) - mine.size();
            for (int e = 0; e < extra && !pool.isEmpty(); e++) {
                UUID h = pool.get(random.nextInt(pool.size()));
                if (!mine.contains(h)) {
                    mine.add(h);
                }
            }
        }
    }

    /** Each section-level cadre posted in a village helps a student of that village, while there are any. */
    /**
     * Each section-level cadre helps a student: of the village where the cadre is posted, else of a village the
     * cadre's organ helps, else of any village with one left (one cadre in forty has none yet, for the check).
     */
    private void students(PairingService service, List<Assignment> current, Map<UUID, Cadre> byId,
                          Map<UUID, Unit> organOf, LocalDate from) {
        Map<UUID, List<Student>> byVillage = service.students().stream()
                .collect(Collectors.groupingBy(Student::villageId, java.util.LinkedHashMap::new, Collectors.toList()));
        Map<UUID, UUID> postedAt = new HashMap<>();
        current.forEach(a -> postedAt.putIfAbsent(a.cadreId(), a.villageId()));
        Map<UUID, UUID> organVillage = new HashMap<>();
        organOf.forEach((village, organ) -> organVillage.putIfAbsent(organ.id(), village));
        List<Cadre> section = byId.values().stream().filter(k -> k.rank() == Rank.SECTION_LEVEL)
                .sorted(java.util.Comparator.comparing(k -> k.id().toString())).toList();
        for (Cadre k : section) {
            if (random.nextInt(40) == 0) {
                continue;
            }
            UUID village = postedAt.getOrDefault(k.id(), organVillage.get(k.unitId()));
            List<Student> here = village == null ? List.of() : byVillage.getOrDefault(village, List.of());
            if (here.isEmpty()) {
                here = byVillage.values().stream().filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
            }
            if (!here.isEmpty()) {
                Student st = here.remove(here.size() - 1);
                add(k.id(), null, TargetKind.STUDENT, st.householdId(), st.memberId(), null, start(from));
            }
        }
    }

    private void add(UUID cadre, UUID unit, TargetKind target, UUID household, UUID member, UUID village,
                     LocalDate start) {
        pairings.add(new Pairing(UUID.randomUUID(), cadre, unit, null, null, null, target, household, member, village,
                null, null, PairingKind.ONE_TO_ONE, start, null, null, null, 0));
    }

    private LocalDate start(LocalDate from) {
        return from.plusDays(random.nextInt(270));
    }
}
