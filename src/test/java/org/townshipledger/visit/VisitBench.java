package org.townshipledger.visit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.village.VillageService;

/**
 * The visit list's first page (by cadre, by month, by village, unfiltered) and {@code check visits} on an existing
 * ledger (e.g. the county demo, ≈ 1,000,000 visits): the first run after opening, then medians of {@code bench.runs}
 * runs after three warm-ups, wall and CPU of the calling thread. Surefire skips it (no "Test" suffix); run it by
 * name: {@code mvn -B -o test -Dtest=VisitBench -Dbench.dir=/tmp/county} (only some: {@code -Dbench.only=check}).
 * {@code -Dbench.bin=N} first moves N households and a village to the recycle bin ({@link #binSome}: changes the
 * ledger), {@code -Dbench.purge=true} then times purging those households.
 */
class VisitBench {

    @Test
    void listAndCheck() {
        Path dir = Path.of(System.getProperty("bench.dir"));
        int runs = Integer.getInteger("bench.runs", 10);
        try (Database db = Database.open(dir)) {
            SettingsStore settings = new SettingsStore(db.dsl());
            java.time.Clock clock = java.time.Clock.systemDefaultZone();
            VillageService villages = new VillageService(db, settings, clock);
            CadreService cadres = new CadreService(db, villages, settings, clock);
            HouseholdService households = new HouseholdService(db, villages, settings, clock);
            VisitService visits = new VisitService(db, cadres, households, villages, settings, clock);
            int year = visits.workingYear();
            YearMonth month = YearMonth.of(year, 6);
            // The busiest cadre of the newest page, and the village of the first visit.
            Visit newest = visits.page(VisitFilter.all(), 0).rows().get(0);
            UUID cadre = newest.mainCadreId();
            UUID village = newest.villageId();
            binSome(visits, households, villages, Integer.getInteger("bench.bin", 0));
            System.out.printf("BENCH ledger: %d visits, working year %d%n", visits.count(), year);
            time("first page, by cadre", runs, () -> visits.page(VisitFilter.byCadre(cadre), 0).total());
            time("first page, by month", runs, () -> visits.page(VisitFilter.byMonth(month), 0).total());
            time("first page, by cadre and month", runs,
                    () -> visits.page(VisitFilter.byCadre(cadre).withMonth(month), 0).total());
            time("first page, by village", runs, () -> visits.page(VisitFilter.all().withVillage(village), 0)
                    .total());
            time("first page, by village and month", runs,
                    () -> visits.page(VisitFilter.all().withVillage(village).withMonth(month), 0).total());
            time("first page, by month and kind", runs,
                    () -> visits.page(VisitFilter.byMonth(month).withKind(VisitKind.FORUM), 0).total());
            time("first page, all visits", runs, () -> visits.page(VisitFilter.all(), 0).total());
            time("check visits", runs, () -> visits.checkVisits(year).size());
            time("problem tally", runs, () -> visits.problemTally(year, null).total().found());
            time("help tally", runs, () -> visits.helpTally(year).total().items());
            time("problems of the year", runs, () -> visits.problems(ProblemFilter.ofYear(year)).size());
            time("visits in the bin", runs, () -> visits.visitsInBinWithTimes().size());
            if (Boolean.getBoolean("bench.purge")) {
                purgeBinned(households);
            }
        }
    }

    /**
     * With {@code -Dbench.bin=N}: moves the households of the first N household visits of the list (newest first)
     * to the recycle bin, and one village (the last visit's of those), so that the lists and checks above run with
     * hidden visits. Changes the ledger: run it on a copy.
     */
    private static void binSome(VisitService visits, HouseholdService households, VillageService villages, int n) {
        if (n <= 0) {
            return;
        }
        java.util.Set<UUID> picked = new java.util.LinkedHashSet<>();
        UUID village = null;
        for (int page = 0; picked.size() < n; page++) {
            for (Visit v : visits.page(VisitFilter.all(), page).rows()) {
                if (v.householdId() != null && picked.size() < n && picked.add(v.householdId())) {
                    village = v.villageId();
                }
            }
        }
        for (UUID id : picked) {
            households.moveToBin(households.household(id).orElseThrow());
        }
        villages.moveToBin(villages.find(village).orElseThrow());
        System.out.printf("BENCH binned %d households and 1 village%n", picked.size());
    }

    /** With {@code -Dbench.purge=true}: purges the households in the bin one by one (their visits, problems, help). */
    private static void purgeBinned(HouseholdService households) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (var h : households.householdsInBin()) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            households.purge(h.id());
            System.out.printf("BENCH purge household %-8s %8.1f ms (cpu %7.1f)%n", h.headName(),
                    (System.nanoTime() - t0) / 1e6, (threads.getCurrentThreadCpuTime() - c0) / 1e6);
        }
    }

    private static void time(String what, int runs, Supplier<Integer> work) {
        String only = System.getProperty("bench.only");
        if (only != null && !what.contains(only)) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int n = work.get();
        double firstWall = (System.nanoTime() - t0) / 1e6;
        double firstCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        for (int i = 0; i < 2; i++) {
            work.get();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            c0 = threads.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            n = work.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("BENCH %-34s first %8.1f ms (cpu %7.1f)  median %8.1f ms (cpu %7.1f)  result %d%n", what,
                firstWall, firstCpu, wall[runs / 2], cpu[runs / 2], n);
    }
}
