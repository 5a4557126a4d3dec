package org.townshipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A commit the program has reported survives the process ending right after it (issue 10, point 1), on a ledger
 * whose freed space H2 may reuse at once. H2 2.5 with its default REUSE_SPACE wrote such a commit into that space
 * without pointing the file header at it, and reopened without it: every time in 13 tries by hand, and about one
 * trial in fifty of {@link CrashSafetyTrials}. The writer here is the crash test's, ended by {@code --halt}.
 */
class CrashSafetyTest {

    @TempDir
    Path dir;

    /** A ledger made by {@code init} in 2026 and never opened since: H2 may reuse its freed space at once. */
    static Path agedLedger() {
        try {
            return Path.of(CrashSafetyTest.class.getResource("aged-ledger.mv.db").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} record(s)")
    @ValueSource(ints = {1, 12})
    void everyReportedCommitIsThereAfterTheProcessEndsWithoutClosing(int records) throws Exception {
        Path ledger = dir.resolve("ledger");
        CrashTrials.copyLedger(agedLedger(), ledger);
        Path stdout = dir.resolve("stdout.txt");
        Process p = new ProcessBuilder(CrashTrials.writerCommand(ledger, "--max-records", Integer.toString(records),
                "--halt")).redirectOutput(stdout.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("writer finished").isTrue();
        assertThat(p.exitValue()).as("ended by --halt, not by an error").isEqualTo(CrashTrials.HALTED);

        List<String> committed = CrashTrials.committedNames(stdout);
        assertThat(committed).hasSizeGreaterThanOrEqualTo(records).first().isEqualTo("试验村000001");
        CrashTrials.Trial t = CrashTrials.check(1, ledger, committed, 0, p.exitValue());
        assertThat(t.problem()).isNull();
        assertThat(t.found()).isEqualTo(committed.size());
        assertThat(t.villages()).isEqualTo(committed.size());
        assertThat(t.tableRows().get("VILLAGE_GROUP")).isEqualTo(committed.size() * CrashTrials.GROUPS.size());
    }

    @Test
    void theAgedLedgerIsOneInitMade() {
        assertThat(agedLedger().toFile().length()).isPositive();
        Path ledger = dir.resolve("ledger");
        CrashTrials.copyLedger(agedLedger(), ledger);
        CrashTrials.Trial t = CrashTrials.check(1, ledger, List.of(), 0, 0);
        assertThat(t.problem()).isNull();
        assertThat(t.villages()).isZero();
        assertThat(t.tableRows()).containsEntry("SETTING", 5);
    }
}
