package org.townshipledger.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.db.Database;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.village.VillageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stats}: one line per register, {@code <key>\t<count>}, stable English keys, nothing else: villages, groups,
 * households, members, units, cadres, assignments, pairings, grades, visits, problems, help (in use, not in the
 * recycle bin).
 */
@Command(name = "stats", mixinStandardHelpOptions = true)
final class StatsCommand implements Callable<Integer> {

    @Mixin
    LedgerOptions ledger;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Database db = Database.open(ledger.dataDir())) {
            VillageService villages = new VillageService(db);
            PrintWriter out = spec.commandLine().getOut();
            out.println("villages\t" + villages.villageCount());
            out.println("groups\t" + villages.groupCount());
            HouseholdService households = new HouseholdService(db);
            out.println("households\t" + households.householdCount());
            out.println("members\t" + households.memberCount());
            CadreService cadres = new CadreService(db);
            out.println("units\t" + cadres.unitCount());
            out.println("cadres\t" + cadres.cadreCount());
            out.println("assignments\t" + cadres.assignmentCount());
            out.println("pairings\t" + PairingsCommand.Services.open(db).pairings().count());
            out.println("grades\t" + GradesCommand.open(db).gradeCount());
            org.townshipledger.visit.VisitService visits = VisitsCommand.Services.open(db).visits();
            out.println("visits\t" + visits.count());
            out.println("problems\t" + visits.problemCount());
            out.println("help\t" + visits.helpCount());
        }
        return ExitCodes.OK;
    }
}
