package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * The kill test of ARCHITECTURE.md "Database and reliability" (issue 10): a writer process saves villages one
 * commit at a time through {@link VillageService} and says {@code COMMITTED <name>} after each commit returns;
 * the orchestrator kills it with SIGKILL at a random moment, reopens the ledger and checks that every village
 * reported committed is there, with its groups, and that every table still reads.
 *
 * <p>Used by {@code crash-test writer|run} (hidden) and by {@code CrashSafetyTest}.
 */
final class CrashTrials {

    static final String COMMITTED = "COMMITTED ";
    /** Exit code of a writer that ended itself with {@code --halt} (a killed one exits 137 on Linux). */
    static final int HALTED = 99;
    /** A copy of the ledger file as the killed writer left it (H2 can open it under this name too). */
    static final String AS_KILLED = "as-killed.mv.db";
    /** Every {@code BULK_EVERY}-th write is a bulk insert of {@code BULK_SIZE} villages (one transaction + CHECKPOINT SYNC). */
    static final int BULK_EVERY = 10;
    static final int BULK_SIZE = 5;
    static final List<String> GROUPS = List.of("一组", "二组");
    /** Options of the writer JVM: a faster start, little memory. */
    static final List<String> WRITER_JVM_OPTIONS = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xmx256m", "-Dfile.encoding=UTF-8");
    /** How long a writer may take to make its first commit (JVM start on a loaded machine). */
    static final long FIRST_COMMIT_TIMEOUT_MS = 120_000;

    private CrashTrials() {
    }

    /**
     * @param trials     how many writers to start and kill
     * @param baseDir    the folder the trial ledgers are made in (a folder each); a passed trial's folder is removed
     * @param minDelayMs the kill comes this long at least after the first COMMITTED line …
     * @param maxDelayMs … and at most this long
     * @param seed       chooses the delays
     * @param parallel   how many trials run at once (each has its own writer process and ledger)
     * @param template   the ledger every trial starts from, or null for one made now by {@code init}. A ledger made
     *                   over a minute before has space H2 may reuse at once (a fresh one has not: H2 keeps freed
     *                   space 45 s), which is where H2 2.5 lost commits (see {@code Database.connect}).
     */
    record Config(int trials, Path baseDir, int minDelayMs, int maxDelayMs, long seed, int parallel, Path template) {
        Config(int trials, Path baseDir, int minDelayMs, int maxDelayMs, long seed, int parallel) {
            this(trials, baseDir, minDelayMs, maxDelayMs, seed, parallel, null);
        }

        Config {
            if (trials < 1 || minDelayMs < 0 || maxDelayMs < minDelayMs || parallel < 1) {
                throw new IllegalArgumentException("trials >= 1, parallel >= 1 and 0 <= min delay <= max delay");
            }
        }
    }

    /**
     * One trial's outcome.
     *
     * @param committed   names the writer reported committed before it was killed
     * @param found       how many of them the reopened ledger holds, with their groups
     * @param villages    villages in the reopened ledger (at most one unreported write more than committed)
     * @param tableRows   rows read from every table after reopening
     * @param writerExit  the writer's exit code (137 = killed by SIGKILL on Linux)
     * @param problem     why the trial failed, or null
     */
    record Trial(int number, Path dataDir, int committed, int found, int villages, long killedAfterMs,
                 int writerExit, SortedMap<String, Integer> tableRows, String problem) {
        boolean passed() {
            return problem == null;
        }

        /** One line of stdout; stable English for scripts. */
        String line() {
            return "trial " + number + (passed() ? " passed" : " FAILED") + " committed=" + committed
                    + " found=" + found + " villages=" + villages + " killedAfterMs=" + killedAfterMs
                    + " exit=" + writerExit + " tables=" + (tableRows == null ? 0 : tableRows.size())
                    + (passed() ? "" : " problem=" + problem);
        }
    }

    record Summary(List<Trial> trials) {
        int passed() {
            return (int) trials.stream().filter(Trial::passed).count();
        }

        long recordsChecked() {
            return trials.stream().mapToLong(Trial::committed).sum();
        }

        String line() {
            return "trials " + trials.size() + ", passed " + passed() + ", records checked " + recordsChecked();
        }
    }

    // ---- the writer --------------------------------------------------------------------------------------

    /**
     * Saves villages until killed, stdout broken, the {@code parent} process gone (so that no writer outlives an
     * orchestrator that died), or {@code maxRecords} written (0: no limit), and prints
     * {@code COMMITTED <name>} for each once its commit has returned. Single saves go through
     * {@link VillageService#save}; every tenth write is {@link VillageService#insertAll} of five villages.
     */
    static void write(Database db, PrintWriter out, long maxRecords, java.util.Optional<ProcessHandle> parent) {
        VillageService villages = new VillageService(db);
        long first = villages.villageCount(); // names stay unique when a writer runs on a ledger written before
        long n = 0;
        for (int round = 1; maxRecords <= 0 || n < maxRecords; round++) {
            List<Village> batch = new ArrayList<>();
            int size = round % BULK_EVERY == 0 ? BULK_SIZE : 1;
            for (int i = 0; i < size; i++) {
                batch.add(village(first + ++n));
            }
            if (size == 1) {
                villages.save(batch.get(0));
            } else {
                villages.insertAll(batch);
            }
            for (Village v : batch) {
                out.println(COMMITTED + v.name());
            }
            out.flush();
            if (out.checkError() || parent.map(h -> !h.isAlive()).orElse(false)) {
                return; // the orchestrator is gone: stop, do not write forever
            }
        }
    }

    static Village village(long n) {
        String name = String.format("试验村%06d", n);
        return new Village(null, name, "", null, VillageKind.VILLAGE, n % 3 == 0, null, (int) (n % 500),
                (int) (n % 500) * 3, "崩溃试验 " + n, Set.of(), GROUPS.stream().map(VillageGroup::named).toList(),
                0, null, null);
    }

    // ---- the orchestrator --------------------------------------------------------------------------------

    /**
     * Runs the trials, {@code config.parallel()} at a time, and hands each outcome to {@code each} in trial order.
     * The template ledger is made once by the same code as {@code init}; every trial starts from a copy of it.
     */
    static Summary run(Config config, Consumer<Trial> each) {
        Random random = new Random(config.seed());
        Path template = config.baseDir().resolve("template");
        if (config.template() != null) {
            copyLedger(config.template(), template);
        } else {
            try (Database db = Database.create(template, LedgerSettings.of("试验镇", "示范县", 2026))) {
                db.checkpoint();
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.parallel());
        List<Trial> trials = new ArrayList<>();
        try {
            List<Future<Trial>> running = new ArrayList<>();
            for (int i = 1; i <= config.trials(); i++) {
                int number = i;
                long delay = config.minDelayMs() + (config.maxDelayMs() == config.minDelayMs() ? 0
                        : random.nextInt(config.maxDelayMs() - config.minDelayMs() + 1));
                Path dataDir = config.baseDir().resolve(String.format("trial-%03d", i));
                running.add(pool.submit(() -> {
                    Trial t = trial(number, template, dataDir, delay);
                    if (t.passed()) {
                        deleteTree(t.dataDir());
                    }
                    return t;
                }));
            }
            for (Future<Trial> f : running) {
                Trial t = f.get();
                trials.add(t);
                each.accept(t);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException("crash test interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown(); // never shutdownNow: a trial thread may be inside H2 (reopening a ledger)
        }
        deleteTree(template);
        return new Summary(List.copyOf(trials));
    }

    /**
     * One trial: a fresh ledger (a copy of {@code template}, a ledger just made by init and closed), a writer
     * started, killed {@code delayMs} after its first commit, the ledger checked.
     */
    static Trial trial(int number, Path template, Path dataDir, long delayMs) {
        copyLedger(Database.ledgerFile(template), dataDir);
        Path stderr = dataDir.resolve("writer-stderr.txt");
        // stdout goes to a file, not a pipe: a pipe read while the JDK reaps the killed process can fail with
        // "Stream closed" and lose the last lines. The file keeps every byte the writer wrote before the kill.
        Path stdout = dataDir.resolve("writer-stdout.txt");
        ProcessBuilder pb = new ProcessBuilder(writerCommand(dataDir))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return failed(number, dataDir, List.of(), -1, -1, "writer did not start: " + e.getMessage());
        }
        long killedAfter = -1;
        try {
            p.getOutputStream().close();
            long deadline = System.nanoTime() + FIRST_COMMIT_TIMEOUT_MS * 1_000_000;
            // Polls the file for the first COMMITTED line; waitFor returns at once if the writer dies meanwhile.
            while (committedNames(stdout).isEmpty()) {
                if (p.waitFor(5, TimeUnit.MILLISECONDS)) {
                    return failed(number, dataDir, committedNames(stdout), -1, p.exitValue(),
                            "writer stopped before its first commit; " + tail(stderr));
                }
                if (System.nanoTime() > deadline) {
                    return failed(number, dataDir, List.of(), -1, exitOf(p),
                            "no commit within " + FIRST_COMMIT_TIMEOUT_MS + " ms; " + tail(stderr));
                }
            }
            long start = System.nanoTime();
            // Waits out the delay, returning early only if the writer stops by itself (which fails the trial).
            if (p.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                return failed(number, dataDir, committedNames(stdout), -1, p.exitValue(),
                        "writer stopped by itself; " + tail(stderr));
            }
            p.destroyForcibly(); // SIGKILL on Linux and macOS, TerminateProcess on Windows
            killedAfter = (System.nanoTime() - start) / 1_000_000;
            p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            // Not re-flagged: the next step would open H2 on this thread, and H2 must not see an interrupt.
            throw new IllegalStateException("crash test interrupted", e);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        try {
            // The file as the kill left it, before reopening changes it: kept with a failed trial for study.
            Files.copy(Database.ledgerFile(dataDir), dataDir.resolve(AS_KILLED));
            return check(number, dataDir, committedNames(stdout), killedAfter, p.exitValue());
        } catch (IOException | UncheckedIOException e) {
            return failed(number, dataDir, List.of(), killedAfter, p.exitValue(),
                    "reading the writer's stdout or copying the ledger: " + e.getMessage());
        }
    }

    /** Copies a ledger file into {@code dataDir} as its ledger. */
    static void copyLedger(Path ledgerFile, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Files.copy(ledgerFile, Database.ledgerFile(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names of the COMMITTED lines in the writer's stdout. Only whole lines count: a line cut short by the kill
     * (no newline yet) is left out, since its name may be cut too.
     */
    static List<String> committedNames(Path stdout) {
        String text;
        try {
            text = Files.exists(stdout) ? Files.readString(stdout, StandardCharsets.UTF_8) : "";
        } catch (java.nio.charset.MalformedInputException e) {
            // A UTF-8 character cut by the kill at the very end: read what precedes it.
            try {
                byte[] bytes = Files.readAllBytes(stdout);
                int end = bytes.length;
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
                text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            } catch (IOException e2) {
                throw new UncheckedIOException(e2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int lastNewline = text.lastIndexOf('\n');
        List<String> names = new ArrayList<>();
        for (String line : text.substring(0, lastNewline + 1).split("\n")) {
            String l = line.strip();
            if (l.startsWith(COMMITTED)) {
                names.add(l.substring(COMMITTED.length()));
            }
        }
        return names;
    }

    private static int exitOf(Process p) {
        return p.isAlive() ? -1 : p.exitValue();
    }

    /** Reopens the ledger the killed writer left and compares it with what the writer reported committed. */
    static Trial check(int number, Path dataDir, List<String> committed, long killedAfter, int exit) {
        Set<String> distinct = new LinkedHashSet<>(committed);
        if (distinct.size() != committed.size()) {
            return failed(number, dataDir, committed, killedAfter, exit, "the writer reported a name twice");
        }
        try (Database db = Database.open(dataDir)) {
            SortedMap<String, Integer> tables = db.readEveryTable();
            List<Village> all = new VillageService(db).villages();
            Map<String, Village> byName = new HashMap<>();
            all.forEach(v -> byName.put(v.name(), v));
            List<String> missing = new ArrayList<>();
            int found = 0;
            for (String name : committed) {
                Village v = byName.get(name);
                if (v != null && v.groupNames().equals(GROUPS)) {
                    found++;
                } else {
                    missing.add(name + (v == null ? "" : " (groups " + v.groupNames() + ")"));
                }
            }
            String problem = null;
            if (!missing.isEmpty()) {
                problem = missing.size() + " committed village(s) lost or incomplete: "
                        + String.join(", ", missing.subList(0, Math.min(5, missing.size())));
            } else if (all.size() > committed.size() + BULK_SIZE) {
                problem = "the ledger has " + all.size() + " villages, more than the " + committed.size()
                        + " committed and one write in flight";
            } else if (!tables.containsKey("VILLAGE") || tables.get("VILLAGE") != all.size()) {
                problem = "table VILLAGE read " + tables.get("VILLAGE") + " rows, the register " + all.size();
            }
            return new Trial(number, dataDir, committed.size(), found, all.size(), killedAfter, exit, tables, problem);
        } catch (RuntimeException e) {
            return failed(number, dataDir, committed, killedAfter, exit,
                    "reopening failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Trial failed(int number, Path dataDir, List<String> committed, long killedAfter, int exit,
                                String problem) {
        return new Trial(number, dataDir, committed.size(), 0, 0, killedAfter, exit, null, problem);
    }

    /** {@code java <options> -cp <this classpath> org.townshipledger.app.Launcher crash-test writer --data-dir D}. */
    static List<String> writerCommand(Path dataDir, String... extra) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(WRITER_JVM_OPTIONS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.townshipledger.app.Launcher");
        cmd.addAll(List.of("crash-test", "writer", "--data-dir", dataDir.toAbsolutePath().toString(), "--lang", "en",
                "--parent-pid", Long.toString(ProcessHandle.current().pid())));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    private static String tail(Path file) {
        try {
            String s = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            s = s.isEmpty() ? "(no stderr)" : s;
            return "stderr: " + (s.length() > 400 ? "…" + s.substring(s.length() - 400) : s).replace('\n', ' ');
        } catch (IOException e) {
            return "stderr unreadable: " + e.getMessage();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
