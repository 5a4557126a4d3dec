package org.townshipledger.pairing;

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
 * {@code check pairings} and {@code pairings suggest} on an existing ledger (e.g. the county demo), warm: medians of
 * {@code bench.runs} runs after three warm-ups. Surefire skips it (no "Test" suffix); run it by name:
 * {@code mvn -B -o test -Dtest=PairingBench -Dbench.dir=/tmp/county}.
 */
class PairingBench {

    @Test
    void checkAndSuggest() {
        Path dir = Path.of(System.getProperty("bench.dir"));
        int runs = Integer.getInteger("bench.runs", 10);
        try (Database db = Database.open(dir)) {
            SettingsStore settings = new SettingsStore(db.dsl());
            java.time.Clock clock = java.time.Clock.systemDefaultZone();
            VillageService villages = new VillageService(db, settings, clock);
            CadreService cadres = new CadreService(db, villages, settings, clock);
            PairingService pairings = new PairingService(db, cadres, villages, settings, clock);
            int year = pairings.workingYear();
            time("check pairings", runs, () -> pairings.checkPairings(year).size());
            time("pairings suggest (all villages)", runs, () -> pairings.suggest(null).size());
            time("uncovered households", runs, () -> pairings.uncoveredHouseholds(null, year).size());
            time("loads", runs, () -> pairings.loads(year).size());
        }
    }

    private static void time(String what, int runs, Supplier<Integer> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = 0;
        for (int i = 0; i < 3; i++) {
            n = work.get();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            n = work.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("BENCH %-34s median %8.1f ms (cpu %8.1f ms)  rows %d%n", what, wall[runs / 2], cpu[runs / 2], n);
    }
}
