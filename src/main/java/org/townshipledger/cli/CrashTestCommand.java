package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crash-test} (hidden): proves that a commit survives SIGKILL. {@code run --trials N} starts writers and
 * kills them; {@code writer} is what it starts. See {@link CrashTrials}.
 */
@Command(name = "crash-test", hidden = true, mixinStandardHelpOptions = true,
        subcommands = {CrashTestCommand.Writer.class, CrashTestCommand.Run.class})
final class CrashTestCommand extends GroupCommand {

    /** {@code crash-test writer --data-dir D}: saves villages until killed, {@code COMMITTED <name>} after each commit. */
    @Command(name = "writer", mixinStandardHelpOptions = true)
    static final class Writer implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--max-records", paramLabel = "N", descriptionKey = "crashMaxRecords")
        long maxRecords;

        @Option(names = "--parent-pid", paramLabel = "PID", descriptionKey = "crashParentPid")
        Long parentPid;

        /** Ends the process like a kill right after the last commit: no close, no shutdown hooks. */
        @Option(names = "--halt", descriptionKey = "crashHalt")
        boolean halt;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            java.util.Optional<ProcessHandle> parent = parentPid == null ? java.util.Optional.empty()
                    : ProcessHandle.of(parentPid);
            if (parentPid != null && parent.isEmpty()) {
                return ExitCodes.OK; // the orchestrator is already gone
            }
            Database db = Database.open(ledger.dataDir());
            try {
                CrashTrials.write(db, spec.commandLine().getOut(), maxRecords, parent);
                if (halt) {
                    Runtime.getRuntime().halt(CrashTrials.HALTED);
                }
            } finally {
                db.close();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code crash-test run --trials N [--data-dir D]}: one line per trial, then the summary; exit 0 only if all passed. */
    @Command(name = "run", mixinStandardHelpOptions = true)
    static final class Run implements Callable<Integer> {
        /** Not {@link LedgerOptions}: here the folder holds the trials' ledgers, and the default is a temp folder. */
        @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "crashDataDir")
        Path dataDir;

        @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "lang")
        String lang;

        @Option(names = "--trials", required = true, paramLabel = "N", descriptionKey = "crashTrials")
        int trials;

        @Option(names = "--min-delay", paramLabel = "MS", defaultValue = "200", descriptionKey = "crashMinDelay")
        int minDelayMs;

        @Option(names = "--max-delay", paramLabel = "MS", defaultValue = "2500", descriptionKey = "crashMaxDelay")
        int maxDelayMs;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", descriptionKey = "crashParallel")
        int parallel;

        @Option(names = "--seed", paramLabel = "N", descriptionKey = "crashSeed")
        Long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (trials < 1 || parallel < 1 || minDelayMs < 0 || maxDelayMs < minDelayMs) {
                err.println(Messages.get("cli.crash.badOptions"));
                return ExitCodes.USAGE;
            }
            Path base;
            try {
                base = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("crash-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long s = seed != null ? seed : System.nanoTime();
            err.println(Messages.get("cli.crash.start", trials, base, Long.toString(s)));
            CrashTrials.Summary summary = CrashTrials.run(
                    new CrashTrials.Config(trials, base, minDelayMs, maxDelayMs, s, parallel), t -> {
                        out.println(t.line());
                        out.flush();
                    });
            out.println(summary.line());
            if (summary.passed() < trials) {
                err.println(Messages.get("cli.crash.kept", base));
                return ExitCodes.BAD_INPUT;
            }
            if (dataDir == null) {
                CrashTrials.deleteTree(base);
            }
            return ExitCodes.OK;
        }
    }
}
