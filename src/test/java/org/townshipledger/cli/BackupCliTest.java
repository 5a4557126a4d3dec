package org.townshipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;

class BackupCliTest {

    @TempDir
    Path dir;

    private static final BackupCommand.Passwords DEFAULT_PASSWORDS = BackupCommand.passwords;

    private final List<String> prompts = new ArrayList<>();

    record Result(int code, String out, String err) {
    }

    @AfterEach
    void reset() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        BackupCommand.passwords = DEFAULT_PASSWORDS;
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--lang");
        all.add("zh");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), (d, l) -> { });
        return new Result(code, out.toString(), err.toString());
    }

    private void password(String pw) {
        BackupCommand.passwords = (prompt, confirm) -> {
            prompts.add(prompt + (confirm ? " (twice)" : ""));
            return pw.toCharArray();
        };
    }

    private String ledger(String township) {
        String d = dir.resolve("data").toString();
        assertThat(run("init", "--data-dir", d, "--township", township, "--county", "示范县", "--year", "2026")
                .code()).isZero();
        return d;
    }

    private static String township(String dataDir) {
        try (Database db = Database.open(Path.of(dataDir))) {
            return new SettingsStore(db.dsl()).ledgerSettings().township();
        }
    }

    private static void rename(String dataDir, String township) {
        try (Database db = Database.open(Path.of(dataDir))) {
            new SettingsStore(db.dsl()).put(SettingsStore.TOWNSHIP, township);
        }
    }

    @Test
    void createListVerifyRestore() {
        String d = ledger("青石镇");
        Result created = run("backup", "create", "--data-dir", d);
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("已备份到 ").contains("backups");
        rename(d, "改过的镇");

        Result list = run("backup", "list", "--data-dir", d);
        assertThat(list.code()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out()).contains("备份时间").contains("手动").contains("已校验").contains("-manual.zip");
        assertThat(list.err()).contains("共 1 个备份");
        String file = Path.of(d, "backups").resolve(list.out().lines().toList().get(1).replaceAll(".*  ", ""))
                .toString();

        Result verified = run("backup", "verify", file, "--data-dir", d);
        assertThat(verified.code()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("备份完好").contains("村 0 个、农户 0 户");

        Result restored = run("backup", "restore", file, "--data-dir", d);
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("已从备份恢复台账").contains("恢复前的台账已另存为");
        assertThat(township(d)).isEqualTo("青石镇");
        assertThat(run("backup", "list", "--data-dir", d).out()).contains("恢复前");
    }

    @Test
    void aDamagedBackupIsRefusedWithExitCodeOneAndTheLedgerUnchanged() throws IOException {
        String d = ledger("青石镇");
        Path out = dir.resolve("b.zip");
        assertThat(run("backup", "create", "--out", out.toString(), "--data-dir", d).code()).isZero();
        rename(d, "改过的镇");
        byte[] bytes = Files.readAllBytes(out);
        Files.write(out, Arrays.copyOf(bytes, bytes.length - 200));

        Result verify = run("backup", "verify", out.toString(), "--data-dir", d);
        assertThat(verify.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(verify.err()).contains("备份文件已损坏或不完整").contains("台账未被改动");
        Result restore = run("backup", "restore", out.toString(), "--data-dir", d);
        assertThat(restore.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(township(d)).isEqualTo("改过的镇");
    }

    @Test
    void passwordBackupFromTheConsoleRestoresElsewhere() {
        String d = ledger("青石镇");
        Path out = dir.resolve("usb/county.tlbak");
        password("s3cret-县");
        Result created = run("backup", "create", "--out", out.toString(), "--password", "--data-dir", d);
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("已做加密备份").contains("密码丢失后无法恢复");
        assertThat(prompts).containsExactly("备份密码： (twice)");

        String other = dir.resolve("other").toString();
        password("wrong");
        Result wrong = run("backup", "restore", out.toString(), "--data-dir", other);
        assertThat(wrong.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.err()).contains("密码不对");
        assertThat(Database.exists(Path.of(other))).isFalse();

        password("s3cret-县");
        Result restored = run("backup", "restore", out.toString(), "--data-dir", other);
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(township(other)).isEqualTo("青石镇");
    }

    @Test
    void aDamagedLedgerNamesTheNewestGoodBackupAndTheRestoreCommand() throws IOException {
        String d = ledger("青石镇");
        assertThat(run("backup", "create", "--data-dir", d).code()).isZero();
        try (RandomAccessFile f = new RandomAccessFile(Database.ledgerFile(Path.of(d)).toFile(), "rw")) {
            f.write(new byte[8192]);
        }
        Result stats = run("stats", "--data-dir", d);
        assertThat(stats.code()).isEqualTo(ExitCodes.LEDGER_UNAVAILABLE);
        assertThat(stats.err()).contains("台账文件已损坏").contains("最新的完好备份：")
                .contains("township-ledger backup restore").contains("-manual.zip");

        String file = stats.err().replaceAll("(?s).*backup restore \"([^\"]+)\".*", "$1");
        Result restored = run("backup", "restore", file, "--data-dir", d);
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("damaged.mv.db");
        assertThat(township(d)).isEqualTo("青石镇");
        assertThat(run("stats", "--data-dir", d).code()).isZero();
    }
}
