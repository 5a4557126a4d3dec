package org.townshipledger.visit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.village.VillageService;

/**
 * Importing a visits, problems or help sheet into an existing ledger (e.g. the county demo, ≈ 1,070,000 visits):
 * the dry run of the import dialog ({@code check…Import}), then the import itself, each run {@code bench.runs}
 * times (default 2: the first imports the file, the second imports it again and must change nothing), wall and CPU
 * time of the calling thread (H2 runs there). Changes the ledger: run it on a copy. Surefire skips it (no "Test"
 * suffix); run it by name:
 * {@code mvn -B -o test -Dtest=VisitImportBench -Dbench.dir=/tmp/county-copy -Dbench.file=/tmp/visits.csv
 * [-Dbench.kind=visits|problems|help]}.
 */
class VisitImportBench {

    @Test
    void importTwice() {
        Path dir = Path.of(System.getProperty("bench.dir"));
        Path file = Path.of(System.getProperty("bench.file"));
        String kind = System.getProperty("bench.kind", "visits");
        int runs = Integer.getInteger("bench.runs", 2);
        try (Database db = Database.open(dir)) {
            SettingsStore settings = new SettingsStore(db.dsl());
            java.time.Clock clock = java.time.Clock.systemDefaultZone();
            VillageService villages = new VillageService(db, settings, clock);
            CadreService cadres = new CadreService(db, villages, settings, clock);
            HouseholdService households = new HouseholdService(db, villages, settings, clock);
            VisitService visits = new VisitService(db, cadres, households, villages, settings, clock);
            System.out.printf("BENCH ledger: %d visits, %d problems, %d help items; file %s%n", visits.count(),
                    visits.problemCount(), visits.helpCount(), file);
            for (int run = 1; run <= runs; run++) {
                ImportCheck check = time("run " + run + " dry run (import dialog)", () -> switch (kind) {
                    case "problems" -> visits.previewProblemsImport(file).check();
                    case "help" -> visits.previewHelpImport(file).check();
                    default -> visits.previewVisitsImport(file).check();
                });
                System.out.printf("BENCH   would add %d, update %d, of %d rows; %d errors, %d repeated%n",
                        check.added(), check.updated(), check.rows(), check.errors().size(),
                        check.warnings().size());
                ImportCounts n = time("run " + run + " import", () -> switch (kind) {
                    case "problems" -> visits.importProblems(file);
                    case "help" -> visits.importHelp(file);
                    default -> visits.importVisits(file);
                });
                System.out.printf("BENCH   added %d, updated %d, unchanged %d, repeated %d%n", n.added(),
                        n.updated(), n.unchanged(), n.repeated());
            }
            System.out.printf("BENCH ledger after: %d visits, %d problems, %d help items%n", visits.count(),
                    visits.problemCount(), visits.helpCount());
        }
    }

    private static <T> T time(String what, Supplier<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        T result = work.get();
        System.out.printf("BENCH %-34s %9.1f ms (cpu %9.1f)%n", what, (System.nanoTime() - t0) / 1e6,
                (threads.getCurrentThreadCpuTime() - c0) / 1e6);
        return result;
    }
}
