package org.townshipledger.app;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.townshipledger.cli.Cli;

/**
 * Entry point. Does not extend Application: with a command the JVM never loads JavaFX, and the plain
 * classpath jar starts without the "JavaFX runtime components are missing" check.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        // With no command the window opens and run() returns when it closes.
        System.exit(Cli.run(args, out, err, LedgerApp::start));
    }
}
