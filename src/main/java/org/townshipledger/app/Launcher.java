package org.townshipledger.app;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.townshipledger.cli.Args;
import org.townshipledger.cli.Cli;
import org.townshipledger.common.Messages;
import org.townshipledger.db.DataDirs;

/**
 * Entry point. Does not extend Application: with a command the JVM never loads JavaFX, and the plain
 * classpath jar starts without the "JavaFX runtime components are missing" check.
 */
public final class Launcher {

    private Launcher() {
    }

    /** True when the arguments only choose the ledger or the language: the window will open. */
    private static boolean isWindowOnly(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir") || a.equals("--lang")) {
                i++;
            } else if (!a.startsWith("--data-dir=") && !a.startsWith("--lang=")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Logs go to {@code logs/} in the data folder, set before the first logger is made. A folder that does not
     * exist yet is not created for them (a mistyped --data-dir must not leave folders behind): the temp folder
     * takes the log then.
     */
    private static Path logDir(String[] args) {
        Path dataDir = DataDirs.resolve(Args.optionValue(args, "--data-dir"));
        return Files.isDirectory(dataDir) ? dataDir.resolve("logs")
                : Path.of(System.getProperty("java.io.tmpdir"), "township-ledger-logs");
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        System.setProperty("ledger.logDir", logDir(args).toString());
        Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        if (isWindowOnly(args)) {
            // Straight to the window: building the command line costs a quarter of a second of start-up.
            Messages.use(Messages.choose(Args.optionValue(args, "--lang")));
            LedgerApp.start(Args.optionValue(args, "--data-dir"), Args.optionValue(args, "--lang"));
            System.exit(0);
        }
        // A lambda, not LedgerApp::start: linking a method reference loads LedgerApp and with it JavaFX's
        // Application, Node and Parent (the big javafx-graphics jar opened) at every command.
        System.exit(Cli.run(args, out, err, (dataDir, lang) -> LedgerApp.start(dataDir, lang)));
    }
}
