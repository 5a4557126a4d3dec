package org.townshipledger.cli;

import java.util.concurrent.Callable;
import org.townshipledger.db.Database;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the ledger: opens it from {@code --data-dir}, runs, closes it (also when the run throws:
 * the caller then prints the message and nothing saved is lost). Picocli reads the annotated fields of this class
 * for every subclass.
 */
abstract class LedgerCommand implements Callable<Integer> {

    @Mixin
    LedgerOptions ledger;

    @Spec
    CommandSpec spec;

    /** The command's work on the open ledger; results go to {@code spec.commandLine().getOut()}. */
    abstract void run(Database db) throws java.io.IOException;

    @Override
    public final Integer call() throws java.io.IOException {
        try (Database db = Database.open(ledger.dataDir())) {
            run(db);
        }
        return ExitCodes.OK;
    }
}
