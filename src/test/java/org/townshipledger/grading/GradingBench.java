package org.townshipledger.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.village.VillageService;

/**
 * {@code grades tally} and {@code check grading} on an existing ledger (e.g. the county demo): the first (cold) run,
 * then medians of {@code bench.runs} runs after three warm-ups, wall and CPU time. Surefire skips it (no "Test"
 * suffix); run it by name: {@code mvn -B -o test -Dtest=GradingBench -Dbench.dir=/tmp/county}.
 */
class GradingBench {

    @Test
    void tallyAndCheck() {
        Path dir = Path.of(System.getProperty("bench.dir"));
        int runs = Integer.getInteger("bench.runs", 10);
        try (Database db = Database.open(dir)) {
            SettingsStore settings = new SettingsStore(db.dsl());
            java.time.Clock clock = java.time.Clock.systemDefaultZone();
            CadreService cadres = new CadreService(db, new VillageService(db, settings, clock), settings, clock);
            GradingService grading = new GradingService(db, cadres, settings, clock);
            int year = grading.workingYear();
            time("grades tally", runs, () -> grading.tally(year).graded());
            time("check grading", runs, () -> grading.checkGrading(year).size());
            // What the 格次统计 screen reads each time it is shown: the chart's four years.
            time("tally screen (4 years)", runs, () -> grading.tallies(year - GradeTallyViewModel.CHART_YEARS + 1,
                    year).size());
            time("grades of the year", runs, () -> grading.grades(year).size());
            time("reviews of the year", runs, () -> grading.reviews(year).size());
        }
    }

    private static void time(String what, int runs, Supplier<Integer> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int n = work.get();
        double coldWall = (System.nanoTime() - t0) / 1e6;
        double coldCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        for (int i = 0; i < 3; i++) {
            n = work.get();
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
        System.out.printf("BENCH %-22s cold %8.1f ms (cpu %8.1f ms)  warm median %8.1f ms (cpu %8.1f ms)  rows %d%n",
                what, coldWall, coldCpu, wall[runs / 2], cpu[runs / 2], n);
    }
}
