package org.townshipledger.cli;

import java.util.concurrent.Callable;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code init}: creates an empty ledger for a township; never overwrites one. */
@Command(name = "init", mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {

    @Mixin
    LedgerOptions ledger;

    @Option(names = "--township", required = true, paramLabel = "NAME", descriptionKey = "township")
    String township;

    @Option(names = "--county", required = true, paramLabel = "NAME", descriptionKey = "county")
    String county;

    @Option(names = "--year", required = true, paramLabel = "YYYY", descriptionKey = "year")
    int year;

    @Option(names = "--start-new", descriptionKey = "start-new")
    boolean startNew;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (startNew && Database.state(ledger.dataDir()) == Database.FolderState.VANISHED) {
            Database.forgetVanished(ledger.dataDir());
        }
        try (Database db = Database.create(ledger.dataDir(), LedgerSettings.of(township, county, year))) {
            spec.commandLine().getErr().println(Messages.get("cli.init.done", db.file()));
            spec.commandLine().getOut().println(db.file());
        }
        return ExitCodes.OK;
    }
}
