package org.townshipledger.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Finding;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.village.VillageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

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
    static final class Assignments extends YearCommand {
        @Override
        void run(Database db) {
            SettingsStore settings = new SettingsStore(db.dsl());
            Clock clock = Clock.systemDefaultZone();
            CadreService cadres = new CadreService(db, new VillageService(db, settings, clock), settings, clock);
            print(spec, cadres.checkAssignments(year != null ? year : cadres.workingYear()));
        }
    }

    @Command(name = "pairings", mixinStandardHelpOptions = true)
    static final class Pairings extends YearCommand {
        @Override
        void run(Database db) {
            PairingService pairings = PairingsCommand.Services.open(db).pairings();
            print(spec, pairings.checkPairings(year != null ? year : pairings.workingYear()));
        }
    }

    @Command(name = "grading", mixinStandardHelpOptions = true)
    static final class Grading extends YearCommand {
        @Override
        void run(Database db) {
            org.townshipledger.grading.GradingService grading = GradesCommand.open(db);
            print(spec, grading.checkGrading(year != null ? year : grading.workingYear()));
        }
    }

    @Command(name = "visits", mixinStandardHelpOptions = true)
    static final class Visits extends YearCommand {
        @Override
        void run(Database db) {
            org.townshipledger.visit.VisitService visits = VisitsCommand.Services.open(db).visits();
            print(spec, visits.checkVisits(year != null ? year : visits.workingYear()));
        }
    }
}
