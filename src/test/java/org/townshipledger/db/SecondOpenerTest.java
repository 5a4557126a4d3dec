package org.townshipledger.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second program opening a ledger that is already open gets a clear message, not a stack trace. */
class SecondOpenerTest {

    @TempDir
    Path dir;

    @Test
    void secondProcessIsToldTheLedgerIsBusy() throws Exception {
        Path ledgerDir = dir.resolve("ledger");
        Database.create(ledgerDir, LedgerSettings.of("青石镇", "示范县", 2025)).close();
        Path stdout = dir.resolve("out.txt");
        Path stderr = dir.resolve("err.txt");

        try (Database held = Database.open(ledgerDir)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Dfile.encoding=UTF-8",
                    "-Dledger.logDir=" + dir.resolve("logs"),
                    "-cp", System.getProperty("java.class.path"),
                    "org.townshipledger.app.Launcher", "stats", "--data-dir", ledgerDir.toString(), "--lang", "zh"))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
            Process p = pb.start();
            boolean finished = p.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            assertThat(finished).as("second process finished within 60 s").isTrue();

            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("exit code; stderr: %s", err).isEqualTo(3);
            assertThat(err).contains("台账已在另一个窗口中打开");
            assertThat(out + err).doesNotContain("Exception").doesNotContain("at org.");
            assertThat(out).isEmpty();

            // The holder is unharmed.
            assertThat(new SettingsStore(held.dsl()).ledgerSettings().township()).isEqualTo("青石镇");
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null";
    }
}
