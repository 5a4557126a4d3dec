package org.townshipledger.household;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Page;
import org.townshipledger.db.Database;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * Times the households list's first page on a county-sized ledger. Not part of {@code mvn verify} (surefire runs
 * only *Test classes); run it by name, see bench/README.md. Properties:
 * <ul>
 *   <li>{@code bench.dir}: the ledger's data folder (default: a new temp folder). A folder without a ledger gets
 *       the county demo villages first; households are added until there are {@code bench.households}.</li>
 *   <li>{@code bench.households}: how many (default 100000). Up to 1,000 are saved through the service with
 *       every check; more are inserted in batches through the repository.</li>
 *   <li>{@code bench.runs}: timed runs per query after the warm-up (default 20); 0 only fills the ledger.</li>
 * </ul>
 */
class HouseholdListBench {

    private static final int WARM_UP = 15;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    @Test
    void firstPageOfTheList() throws IOException {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        Path dir = System.getProperty("bench.dir") == null ? Files.createTempDirectory("ledger-bench")
                : Path.of(System.getProperty("bench.dir"));
        int wanted = Integer.getInteger("bench.households", 100_000);
        int runs = Integer.getInteger("bench.runs", 20);
        if (!Database.exists(dir)) {
            DemoData.create(dir, DemoScale.COUNTY, 1);
        }
        try (Database db = Database.open(dir)) {
            HouseholdService service = new HouseholdService(db);
            fill(db, service, wanted);
            report("households " + service.householdCount() + ", members " + service.memberCount() + " in " + dir);
            if (System.getProperty("bench.cacheKb") != null) {
                // To compare H2 cache sizes (the ledger's URL sets none: H2's default is 16 MB).
                db.dsl().execute("SET CACHE_SIZE " + Integer.getInteger("bench.cacheKb"));
                report("H2 cache " + System.getProperty("bench.cacheKb") + " KB");
            }
            if (runs > 0) {
                time(service, runs);
            }
        }
    }

    private static void fill(Database db, HouseholdService service, int wanted) {
        int missing = wanted - service.householdCount();
        if (missing <= 0) {
            return;
        }
        List<Village> villages = new VillageService(db).villages();
        long start = System.nanoTime();
        SampleHouseholds samples = new SampleHouseholds(service.householdCount() + 17L);
        if (wanted <= 1000) {
            SampleHouseholds.saveAll(service, samples.generate(villages, missing));
        } else {
            for (int done = 0; done < missing; done += 10_000) {
                SampleHouseholds.insertAll(db, samples.generate(villages, Math.min(10_000, missing - done)), 2_000);
            }
        }
        report(String.format(Locale.ROOT, "added %d households in %.1f s", missing, (System.nanoTime() - start) / 1e9));
    }

    /** A household to search for, and what to search it by. */
    private record Sample(Household household, Member member) {
    }

    /**
     * Each timed run asks for another household (another village, name, ID; the unfiltered pages alternate), so no
     * run is answered from H2's copy of the result of the one before.
     */
    private static void time(HouseholdService service, int runs) {
        java.util.Random random = new java.util.Random(3);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs + WARM_UP; i++) {
            HouseholdRow row = service.search(HouseholdQuery.all(), random.nextInt(service.householdCount()), 1)
                    .rows().get(0);
            Household h = service.household(row.id()).orElseThrow();
            samples.add(new Sample(h, h.members().get(random.nextInt(h.members().size()))));
        }
        Map<String, java.util.function.Function<Sample, Page<HouseholdRow>>> queries = new LinkedHashMap<>();
        int page = HouseholdsViewModel.PAGE_SIZE;
        queries.put("no filter (page 1 or 2)", s -> service.search(HouseholdQuery.all(),
                samples.indexOf(s) % 2 * page, page));
        queries.put("village", s -> service.search(HouseholdQuery.all().withVillage(s.household().villageId()), 0,
                page));
        queries.put("member's full name", s -> service.search(HouseholdQuery.all().withText(s.member().name()), 0,
                page));
        queries.put("member's given name", s -> service.search(HouseholdQuery.all()
                .withText(s.member().name().substring(1)), 0, page));
        queries.put("pinyin initials", s -> service.search(HouseholdQuery.all()
                .withText(org.townshipledger.common.Pinyin.initials(s.member().name())), 0, page));
        queries.put("ID tail, 6 characters", s -> service.search(HouseholdQuery.all()
                .withText(s.member().idNumber().substring(12)), 0, page));
        queries.put("ID tail, 4 characters", s -> service.search(HouseholdQuery.all()
                .withText(s.member().idNumber().substring(14)), 0, page));
        queries.put("its status + monitoring type", s -> service.search(new HouseholdQuery(null, null, null,
                s.household().status(), s.household().monitoringType(), null), 0, page));
        queries.put("village + initials", s -> service.search(new HouseholdQuery(s.household().villageId(), null,
                null, null, null, org.townshipledger.common.Pinyin.initials(s.member().name())), 0, page));
        queries.put("page 300 to 320, no filter", s -> service.search(HouseholdQuery.all(),
                (300 + samples.indexOf(s) % 20) * page, page));
        // Warm up every kind first: they share most code, which the JIT compiles on the way.
        for (java.util.function.Function<Sample, Page<HouseholdRow>> q : queries.values()) {
            for (int i = 0; i < WARM_UP; i++) {
                q.apply(samples.get(runs + i));
            }
        }
        for (Map.Entry<String, java.util.function.Function<Sample, Page<HouseholdRow>>> q : queries.entrySet()) {
            List<Double> ms = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            long found = 0;
            for (int i = 0; i < runs; i++) {
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                Page<HouseholdRow> result = q.getValue().apply(samples.get(i));
                ms.add((System.nanoTime() - t) / 1e6);
                cpu.add((THREADS.getCurrentThreadCpuTime() - c) / 1e6);
                found += result.total();
            }
            Collections.sort(ms);
            Collections.sort(cpu);
            // H2 runs the query on the calling thread: its CPU time is the work done, whatever else the machine runs.
            report(String.format(Locale.ROOT, "%-32s median %6.1f ms  (min %6.1f, max %6.1f; CPU median %5.1f ms; "
                            + "%.0f found on average)", q.getKey(), ms.get(ms.size() / 2), ms.get(0),
                    ms.get(ms.size() - 1), cpu.get(cpu.size() / 2), found / (double) runs));
        }
    }

    @SuppressWarnings("java:S106")
    private static void report(String line) {
        System.out.println("[bench] " + line);
    }
}
