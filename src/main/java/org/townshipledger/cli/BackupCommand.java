package org.townshipledger.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.townshipledger.backup.BackupInfo;
import org.townshipledger.backup.BackupManifest;
import org.townshipledger.backup.BackupService;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backup create|list|verify|restore}. A password ({@code --password}, or an encrypted file to verify or
 * restore) is taken from the environment variable {@value #PASSWORD_ENV} when it is set (for scripts), otherwise
 * read from the console without echo; it is never an option value (it would stay in the shell's history).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        subcommands = {BackupCommand.Create.class, BackupCommand.ListBackups.class, BackupCommand.Verify.class,
            BackupCommand.Restore.class})
final class BackupCommand extends GroupCommand {

    static final String PASSWORD_ENV = "TOWNSHIP_LEDGER_PASSWORD";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Where passwords come from; tests replace it. */
    interface Passwords {
        /** The password, asked twice when {@code confirm}; bad input when there is no way to ask. */
        char[] read(String prompt, boolean confirm);
    }

    static volatile Passwords passwords = BackupCommand::environmentOrConsole;

    private static char[] environmentOrConsole(String prompt, boolean confirm) {
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new InvalidInputException(Messages.get("cli.backup.noConsole", PASSWORD_ENV));
        }
        char[] first = console.readPassword("%s", prompt);
        if (first == null || first.length == 0) {
            throw new InvalidInputException(Messages.get("backup.passwordEmpty"));
        }
        if (confirm) {
            char[] again = console.readPassword("%s", Messages.get("cli.backup.passwordAgain"));
            if (again == null || !Arrays.equals(first, again)) {
                throw new InvalidInputException(Messages.get("backup.passwordMismatch"));
            }
        }
        return first;
    }

    private static Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** For {@link Cli}: what to say under "the ledger is damaged": the newest good backup and how to restore it. */
    static String damagedAdvice(Path dataDir) {
        Optional<BackupInfo> good;
        try {
            good = BackupService.forDataDir(dataDir, clock()).newestGood();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(BackupCommand.class).warn("Looking for a good backup failed", e);
            good = Optional.empty();
        }
        if (good.isEmpty()) {
            return Messages.get("cli.backup.noGoodBackup", dataDir.resolve(BackupService.FOLDER));
        }
        BackupInfo b = good.get();
        return Messages.get("cli.backup.newestGood", b.file(), TIME.format(b.created()), b.manifest().counts(),
                dataDir);
    }

    @Command(name = "create", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--out", paramLabel = "FILE", descriptionKey = "backupOut")
        Path out;

        @Option(names = "--password", descriptionKey = "backupPassword")
        boolean password;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            char[] pw = password ? passwords.read(Messages.get("cli.backup.passwordPrompt"), true) : null;
            try (Database db = Database.open(ledger.dataDir())) {
                BackupInfo made = BackupService.forLedger(db, clock()).create(out, pw, Progress.NONE);
                spec.commandLine().getOut().println(Messages.get(pw != null ? "cli.backup.createdEncrypted"
                        : "cli.backup.created", made.file(), made.size()));
            } finally {
                clear(pw);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListBackups implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            BackupService backups = BackupService.forDataDir(ledger.dataDir(), clock());
            List<BackupInfo> all = backups.list();
            PrintWriter out = spec.commandLine().getOut();
            TextTable.print(out, List.of(Messages.get("backup.column.created"), Messages.get("backup.column.kind"),
                            Messages.get("backup.column.size"), Messages.get("backup.column.state"),
                            Messages.get("backup.column.file")),
                    all.stream().map(b -> List.of(TIME.format(b.created()), b.kind().label(),
                            String.format(java.util.Locale.ROOT, "%.1f MB", b.size() / 1024.0 / 1024.0), b.state(),
                            b.file().getFileName().toString())).toList());
            spec.commandLine().getErr().println(Messages.get("cli.backup.listed", all.size(), backups.folder()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "backupFile")
        Path file;

        @Option(names = "--password", descriptionKey = "backupPasswordRead")
        boolean password;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            char[] pw = passwordFor(file, password);
            try {
                BackupManifest m = BackupService.forDataDir(ledger.dataDir(), clock()).verify(file, pw, Progress.NONE);
                spec.commandLine().getOut().println(Messages.get("cli.backup.verified", file.toAbsolutePath(),
                        TIME.format(m.created().toLocalDateTime()), m.kind().label(), m.schemaVersion(), m.counts()));
            } finally {
                clear(pw);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true)
    static final class Restore implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "backupFile")
        Path file;

        @Option(names = "--password", descriptionKey = "backupPasswordRead")
        boolean password;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            char[] pw = passwordFor(file, password);
            try {
                BackupService.Restored r = BackupService.forDataDir(ledger.dataDir(), clock())
                        .restore(file, pw, Progress.NONE);
                PrintWriter out = spec.commandLine().getOut();
                out.println(Messages.get("cli.backup.restored", file.toAbsolutePath(),
                        TIME.format(r.restored().created().toLocalDateTime()), r.restored().counts()));
                if (r.keptAs() != null) {
                    out.println(Messages.get("cli.backup.keptAs", r.keptAs()));
                }
            } finally {
                clear(pw);
            }
            return ExitCodes.OK;
        }
    }

    /** The password for an encrypted file (asked even without {@code --password}); null for a plain one. */
    private static char[] passwordFor(Path file, boolean asked) {
        if (!asked && !BackupService.isEncrypted(file)) {
            return null;
        }
        return passwords.read(Messages.get("cli.backup.passwordPromptRead", file.getFileName()), false);
    }

    private static void clear(char[] pw) {
        if (pw != null) {
            Arrays.fill(pw, '\0');
        }
    }
}
