package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.townshipledger.common.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code warm-up} (hidden): runs the everyday commands once on a small demo ledger in a temp folder and deletes it.
 * The launcher ({@code bin/township-ledger}) runs it once with {@code -XX:ArchiveClassesAtExit}, so that the JVM
 * archives the classes these commands load (AppCDS); every later command maps them instead of loading and
 * verifying them from the jars, which halves the start-up of a short command. It never touches the user's ledger.
 */
@Command(name = "warm-up", hidden = true, mixinStandardHelpOptions = true)
final class WarmUpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The command lines run, without {@code --data-dir}; {@code OUT} stands for a file in the temp folder. */
    static final List<List<String>> COMMAND_LINES = List.of(
            List.of("demo", "--scale", "township", "--without-visits"),
            List.of("stats"),
            List.of("villages", "list"),
            List.of("households", "list", "--search", "zs"),
            List.of("report", "households", "--format", "pdf", "--out", "OUT.pdf"),
            List.of("report", "households", "--format", "xlsx", "--out", "OUT.xlsx"),
            List.of("report", "villages", "--format", "pdf", "--out", "OUT-villages.pdf"),
            List.of("households", "export", "--out", "OUT-households.xlsx", "--full-id"),
            List.of("households", "import", "OUT-households.xlsx", "--dry-run"),
            List.of("check", "pairings"),
            List.of("check", "visits"),
            List.of("visits", "list"),
            List.of("grades", "tally"));

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println(Messages.get("cli.warmUp.start"));
        Path dir;
        try {
            dir = Files.createTempDirectory("township-ledger-warm-up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        int failed = 0;
        try {
            for (List<String> line : COMMAND_LINES) {
                List<String> args = new ArrayList<>();
                for (String word : line) {
                    args.add(word.startsWith("OUT") ? dir.resolve(word.replace("OUT", "sheet")).toString() : word);
                }
                args.add("--data-dir");
                args.add(dir.resolve("ledger").toString());
                // Output of the commands is of no use; a failure is said, and the others still run.
                int code = Cli.run(args.toArray(String[]::new), quiet, quiet, (d, lang) -> { });
                if (code != ExitCodes.OK) {
                    failed++;
                    err.println(Messages.get("cli.warmUp.failed", String.join(" ", line), code));
                }
            }
        } finally {
            deleteTree(dir);
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temp folder left behind is harmless; the system clears it.
        }
    }
}
