package org.townshipledger.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Finding;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.village.VillageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check assignments [--year Y]}: what the office must fix, one finding a line, naming whom to call. */
@Command(name = "check", mixinStandardHelpOptions = true, subcommands = {CheckCommand.Assignments.class, CheckCommand.Pairings.class,
        CheckCommand.Grading.class, CheckCommand.Visits.class})
final class CheckCommand extends GroupCommand {

    static void print(CommandSpec spec, List<Finding> findings) {
        PrintWriter out = spec.commandLine().getOut();
        TextTable.print(out, List.of(Messages.get("check.column.village"), Messages.get("check.column.rule"),
                        Messages.get("check.column.detail"), Messages.get("check.column.inCharge")),
                findings.stream().map(f -> List.of(f.village(), f.rule(), f.detail(), f.inCharge())).toList());
        spec.commandLine().getErr().println(Messages.get("check.count", findings.size()));
    }

    @Command(name = "assignments", mixinStandardHelpOptions = true)
    static final class Assignments implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "reportYear")
        Integer year;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(ledger.dataDir())) {
                SettingsStore settings = new SettingsStore(db.dsl());
                Clock clock = Clock.systemDefaultZone();
                CadreService cadres = new CadreService(db, new VillageService(db, settings, clock), settings, clock);
                print(spec, cadres.checkAssignments(year != null ? year : cadres.workingYear()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "pairings", mixinStandardHelpOptions = true)
    static final class Pairings implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "reportYear")
        Integer year;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(ledger.dataDir())) {
                PairingService pairings = PairingsCommand.Services.open(db).pairings();
                print(spec, pairings.checkPairings(year != null ? year : pairings.workingYear()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "grading", mixinStandardHelpOptions = true)
    static final class Grading implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "reportYear")
        Integer year;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(ledger.dataDir())) {
                org.townshipledger.grading.GradingService grading = GradesCommand.open(db);
                print(spec, grading.checkGrading(year != null ? year : grading.workingYear()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "visits", mixinStandardHelpOptions = true)
    static final class Visits implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "reportYear")
        Integer year;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(ledger.dataDir())) {
                org.townshipledger.visit.VisitService visits = VisitsCommand.Services.open(db).visits();
                print(spec, visits.checkVisits(year != null ? year : visits.workingYear()));
            }
            return ExitCodes.OK;
        }
    }
}
