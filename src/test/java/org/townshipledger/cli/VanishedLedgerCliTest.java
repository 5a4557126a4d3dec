package org.townshipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;

/** The command line on a folder whose ledger file is gone: it says so and exits 3; init makes none unless told. */
class VanishedLedgerCliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    @AfterEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--lang", "zh")).toArray(String[]::new);
        int code = Cli.run(all, new PrintWriter(out), new PrintWriter(err), (d, l) -> { });
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void commandsRefuseAndInitCreatesANewLedgerOnlyWithStartNew() throws Exception {
        String data = dir.resolve("data").toString();
        assertThat(run("init", "--data-dir", data, "--township", "青石镇", "--county", "示范县", "--year", "2025")
                .code()).isZero();
        Files.move(Database.ledgerFile(Path.of(data)), dir.resolve("moved.mv.db"));

        Result stats = run("stats", "--data-dir", data);
        assertThat(stats.code()).isEqualTo(ExitCodes.LEDGER_UNAVAILABLE);
        assertThat(stats.out()).isEmpty();
        assertThat(stats.err()).contains("台账文件不见了").contains("init --start-new");

        Result init = run("init", "--data-dir", data, "--township", "青石镇", "--county", "示范县", "--year", "2026");
        assertThat(init.code()).isEqualTo(ExitCodes.LEDGER_UNAVAILABLE);
        assertThat(init.err()).contains("台账文件不见了");
        assertThat(Database.exists(Path.of(data))).isFalse();

        Result fresh = run("init", "--data-dir", data, "--township", "青石镇", "--county", "示范县", "--year", "2026",
                "--start-new");
        assertThat(fresh.code()).isZero();
        assertThat(Database.exists(Path.of(data))).isTrue();
    }
}
