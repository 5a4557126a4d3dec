package org.townshipledger.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * Times {@code check assignments} ({@link CadreService#checkAssignments}) in-process on a county demo ledger, and
 * compares its findings with the way it was done before (every posting and cadre read, joined in Java; kept here
 * as {@link #javaJoin}), which it also times. Not part of {@code mvn verify} (surefire runs only *Test classes);
 * run it by name, see bench/README.md. Properties:
 * <ul>
 *   <li>{@code bench.dir}: the ledger's data folder (default: a new temp folder); a folder without a ledger gets
 *       the county demo (seed 1) first.</li>
 *   <li>{@code bench.runs}: timed runs after the warm-up (default 20).</li>
 *   <li>{@code bench.year}: the year checked (default: the ledger's working year).</li>
 * </ul>
 */
class AssignmentCheckBench {

    private static final int WARM_UP = 15;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void checkAssignmentsOnTheCountyDemo() throws Exception {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        Path dir = System.getProperty("bench.dir") == null ? Files.createTempDirectory("ledger-bench")
                : Path.of(System.getProperty("bench.dir"));
        int runs = Integer.getInteger("bench.runs", 20);
        if (!Database.exists(dir)) {
            long t = System.nanoTime();
            DemoData.create(dir, DemoScale.COUNTY, 1);
            report(String.format(Locale.ROOT, "county demo made in %.1f s", (System.nanoTime() - t) / 1e9));
        }
        long openStart = System.nanoTime();
        try (Database db = Database.open(dir)) {
            SettingsStore settings = new SettingsStore(db.dsl());
            Clock clock = Clock.systemDefaultZone();
            VillageService villages = new VillageService(db, settings, clock);
            CadreService service = new CadreService(db, villages, settings, clock);
            int year = Integer.getInteger("bench.year", service.workingYear());
            report(String.format(Locale.ROOT, "opened in %.0f ms: %d villages, %d cadres, %d postings in %s",
                    (System.nanoTime() - openStart) / 1e6, villages.villageCount(), service.cadreCount(),
                    service.assignmentCount(), dir));

            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            List<Finding> first = service.checkAssignments(year);
            report(String.format(Locale.ROOT, "first check after opening: %.1f ms (CPU %.1f ms), %d findings",
                    (System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6,
                    first.size()));

            List<Finding> before = javaJoin(service, villages, new CadreRepository(db.dsl()), clock, year);
            assertThat(first).as("the findings of the SQL checks, against reading everything and joining in Java")
                    .isEqualTo(before);
            report("same " + first.size() + " findings as the Java join, line by line");
            Map<String, Long> perRule = first.stream().collect(Collectors.groupingBy(Finding::rule,
                    LinkedHashMap::new, Collectors.counting()));
            report("per rule: " + perRule);

            if (runs > 0) {
                time("check assignments (SQL, per village)", runs, () -> service.checkAssignments(year));
                time("before: everything read, joined in Java", runs,
                        () -> javaJoin(service, villages, new CadreRepository(db.dsl()), clock, year));
            }
        }
    }

    private static void time(String what, int runs, Supplier<List<Finding>> check) {
        for (int i = 0; i < WARM_UP; i++) {
            check.get();
        }
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        int found = 0;
        for (int i = 0; i < runs; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            found = check.get().size();
            wall[i] = System.nanoTime() - w;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
        }
        report(String.format(Locale.ROOT, "%-42s median %7.1f ms (CPU %7.1f ms), min %7.1f ms; %d findings", what,
                median(wall) / 1e6, median(cpu) / 1e6, Arrays.stream(wall).min().orElse(0) / 1e6, found));
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static void report(String line) {
        System.out.println("[bench] " + line);
    }

    /**
     * The checks as they were before they moved into SQL: every village, posting and cadre read, joined in Java.
     * Kept only to compare results and times.
     */
    static List<Finding> javaJoin(CadreService service, VillageService villageService, CadreRepository repo,
                                  Clock clock, int year) {
        AssignmentRules rules = service.rules();
        LocalDate today = LocalDate.now(clock);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate on = today.getYear() == year ? today : yearEnd;
        List<Village> all = villageService.villages();
        Map<UUID, List<Assignment>> byVillage = repo.assignments(null, null, null).stream()
                .collect(Collectors.groupingBy(Assignment::villageId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, Cadre> cadres = repo.cadres(null, null, null).stream()
                .collect(Collectors.toMap(Cadre::id, Function.identity()));
        Map<UUID, String> paths = repo.developmentPaths(year);
        List<Finding> findings = new ArrayList<>();
        for (Village v : all) {
            List<Assignment> history = byVillage.getOrDefault(v.id(), List.of());
            List<Assignment> current = history.stream().filter(a -> a.activeOn(on)).toList();
            String inCharge = inCharge(service, current);
            boolean weak = v.weakIn(year);
            boolean firstSecretary = current.stream().anyMatch(a -> a.role().equals(Role.FIRST_SECRETARY));
            if ((v.povertyVillage() || weak) && !firstSecretary) {
                findings.add(new Finding(v.name(), Messages.get("check.rule.noFirstSecretary"),
                        Messages.get(weak ? "check.detail.noFirstSecretaryWeak" : "check.detail.noFirstSecretaryPoor"),
                        inCharge));
            }
            long team = current.stream().filter(a -> Role.WORK_TEAM.contains(a.role())).map(Assignment::cadreId)
                    .distinct().count();
            if (team > 0 && team < rules.minTeamSize()) {
                findings.add(new Finding(v.name(), Messages.get("check.rule.smallTeam"),
                        Messages.get("check.detail.smallTeam", team, rules.minTeamSize()), inCharge));
            }
            for (Assignment a : history) {
                if (Role.isFullTime(a.role()) && a.endDate() != null && a.endDate().getYear() == year
                        && (a.endReason() == null || a.endReason().isBlank())
                        && Period.between(a.startDate(), a.endDate()).getYears() < rules.minPostingYears()) {
                    findings.add(new Finding(v.name(), Messages.get("check.rule.earlyEnd"),
                            Messages.get("check.detail.earlyEnd", a.cadreName(), service.roleLabel(a.role()),
                                    rules.minPostingYears(), a.startDate().toString(), a.endDate().toString()),
                            inCharge));
                }
            }
            long youngReserves = current.stream().filter(a -> a.role().equals(Role.RESERVE))
                    .map(a -> cadres.get(a.cadreId()))
                    .filter(k -> k != null && k.birthDate() != null && k.ageOn(yearEnd) <= rules.reserveMaxAge())
                    .map(Cadre::id).distinct().count();
            if (youngReserves < rules.minReserves()) {
                findings.add(new Finding(v.name(), Messages.get("check.rule.fewReserves"),
                        Messages.get("check.detail.fewReserves", rules.reserveMaxAge(), youngReserves,
                                rules.minReserves()), inCharge));
            }
            if (weak) {
                List<String> missing = new ArrayList<>();
                boolean countyLeader = current.stream().anyMatch(a -> a.role().equals(Role.LEADER_IN_CHARGE)
                        && cadres.containsKey(a.cadreId()) && cadres.get(a.cadreId()).rank() == Rank.COUNTY_LEVEL);
                if (!countyLeader) {
                    missing.add(Messages.get("check.fourOnes.countyLeader"));
                }
                if (!firstSecretary) {
                    missing.add(Messages.get("check.fourOnes.firstSecretary"));
                }
                if (paths.getOrDefault(v.id(), "").isBlank()) {
                    missing.add(Messages.get("check.fourOnes.path", year));
                }
                if (current.stream().noneMatch(a -> a.role().equals(Role.BRANCH_SECRETARY))) {
                    missing.add(Messages.get("check.fourOnes.secretary"));
                }
                if (!missing.isEmpty()) {
                    findings.add(new Finding(v.name(), Messages.get("check.rule.fourOnes"),
                            Messages.get("check.detail.fourOnes", String.join("、", missing)), inCharge));
                }
            }
        }
        return findings;
    }

    private static String inCharge(CadreService service, List<Assignment> current) {
        for (String role : List.of(Role.LEADER_IN_CHARGE, Role.CADRE_IN_CHARGE)) {
            String names = current.stream().filter(a -> a.role().equals(role)).map(Assignment::cadreName)
                    .distinct().collect(Collectors.joining("、"));
            if (!names.isEmpty()) {
                return service.roleLabel(role) + " " + names;
            }
        }
        return Messages.get("check.nobodyInCharge");
    }
}
