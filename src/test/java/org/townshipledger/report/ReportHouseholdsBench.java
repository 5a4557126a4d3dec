package org.townshipledger.report;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.db.Database;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;
import org.townshipledger.household.HouseholdService;

/**
 * Times the 贫困户/监测户台账 (report key {@code households}) inside one JVM, as the window makes it: the register
 * query alone, the sheet's rows, then the PDF and the .xlsx of the whole county and of its first
 * {@code bench.rows} households. Not part of {@code mvn verify} (surefire runs only *Test classes); run it by
 * name, see bench/README.md. Properties:
 * <ul>
 *   <li>{@code bench.dir}: the ledger's data folder (default {@code /tmp/county-report}); a folder without a
 *       ledger gets {@code demo --scale county} first (a few minutes).</li>
 *   <li>{@code bench.runs}: timed runs per line after one untimed first run (default 5).</li>
 *   <li>{@code bench.rows}: the households of the smaller sheet (default 10000).</li>
 *   <li>{@code bench.out}: a folder to write one PDF and one .xlsx of the smaller sheet to, to look at.</li>
 *   <li>{@code bench.only}: only the lines whose name contains this (e.g. {@code pdf}), for a profiler.</li>
 * </ul>
 * Each line prints the first run (the first report after opening the ledger), then the medians of the timed
 * runs: wall time, CPU time of the calling thread (H2 and the renderers run there, so this is the work done even
 * when other programs share the machine) and the bytes it allocated.
 */
class ReportHouseholdsBench {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void householdsRegister() throws IOException {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        Path dir = Path.of(System.getProperty("bench.dir", "/tmp/county-report"));
        int runs = Integer.getInteger("bench.runs", 5);
        int rows = Integer.getInteger("bench.rows", 10_000);
        if (!Database.exists(dir)) {
            DemoData.create(dir, DemoScale.COUNTY, 1);
        }
        long openStart = System.nanoTime();
        try (Database db = Database.open(dir)) {
            report(String.format(Locale.ROOT, "ledger %s opened in %.0f ms; load average %.2f", dir,
                    (System.nanoTime() - openStart) / 1e6, ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage()));
            ReportService reports = ReportService.forLedger(db, Clock.systemDefaultZone());
            HouseholdService households = new HouseholdService(db);
            ReportSheet sheet = reports.sheet("households");
            int year = reports.workingYear();
            ReportParams all = new ReportParams(year, null, false);
            ReportParams some = new ReportParams(year, null, false, rows);
            int[] count = new int[1];

            time("register query, all", runs, () -> {
                count[0] = 0;
                households.forEachRegisterLine(year, null, 0, line -> count[0]++);
            }, () -> count[0] + " households");
            time("sheet rows, all", runs, () -> {
                count[0] = 0;
                sheet.rows(all, row -> count[0]++);
            }, () -> count[0] + " rows");
            time("pdf, all", runs, () -> write(reports, sheet, all, ReportFormat.PDF, count), () -> mb(count[0]));
            time("pdf, first " + rows, runs, () -> write(reports, sheet, some, ReportFormat.PDF, count),
                    () -> mb(count[0]));
            time("xlsx, all", runs, () -> write(reports, sheet, all, ReportFormat.XLSX, count), () -> mb(count[0]));
            time("xlsx, first " + rows, runs, () -> write(reports, sheet, some, ReportFormat.XLSX, count),
                    () -> mb(count[0]));
            if (System.getProperty("bench.out") != null) {
                Path out = Path.of(System.getProperty("bench.out"));
                reports.write(sheet, some, ReportFormat.PDF, out.resolve("households-" + rows + ".pdf"), Progress.NONE);
                reports.write(sheet, some, ReportFormat.XLSX, out.resolve("households-" + rows + ".xlsx"),
                        Progress.NONE);
                report("written to " + out);
            }
        }
    }

    private static void write(ReportService reports, ReportSheet sheet, ReportParams params, ReportFormat format,
                              int[] bytes) {
        try (OutputStream out = new Counting()) {
            reports.write(sheet, params, format, out, Progress.NONE);
            bytes[0] = ((Counting) out).count;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String mb(int bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void time(String what, int runs, Runnable work, java.util.function.Supplier<String> result) {
        if (!what.contains(System.getProperty("bench.only", ""))) {
            return;
        }
        long tid = Thread.currentThread().getId();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> alloc = new ArrayList<>();
        double first = 0;
        for (int i = 0; i <= runs; i++) {
            long a = THREADS.getThreadAllocatedBytes(tid);
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            work.run();
            double ms = (System.nanoTime() - t) / 1e6;
            if (i == 0) {
                first = ms;
            } else {
                wall.add(ms);
                cpu.add((THREADS.getCurrentThreadCpuTime() - c) / 1e6);
                alloc.add((THREADS.getThreadAllocatedBytes(tid) - a) / 1e6);
            }
        }
        report(String.format(Locale.ROOT, "%-26s first %7.0f ms | median %7.0f ms, CPU %7.0f ms, %6.0f MB allocated"
                        + " | %s | load %.2f", what, first, median(wall), median(cpu), median(alloc), result.get(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String line) {
        System.out.println("[bench] " + line);
    }

    /** Counts what would be written, and drops it. */
    private static final class Counting extends OutputStream {
        int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
