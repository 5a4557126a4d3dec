package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.ImportCount;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.grading.Grade;
import org.townshipledger.grading.GradeTally;
import org.townshipledger.grading.GradingService;
import org.townshipledger.village.VillageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grades import|export|tally} and {@code grades reviews import|export}: grading of village party organisations. */
@Command(name = "grades", mixinStandardHelpOptions = true,
        subcommands = {GradesCommand.ImportGrades.class, GradesCommand.ExportGrades.class, GradesCommand.Tally.class,
            GradesCommand.Reviews.class})
final class GradesCommand extends GroupCommand {

    /** {@code grades reviews import|export}: the 述职 scores of branch and first secretaries. */
    @Command(name = "reviews", mixinStandardHelpOptions = true,
            subcommands = {GradesCommand.ImportReviews.class, GradesCommand.ExportReviews.class})
    static final class Reviews extends GroupCommand {
    }

    static GradingService open(Database db) {
        SettingsStore settings = new SettingsStore(db.dsl());
        Clock clock = Clock.systemDefaultZone();
        CadreService cadres = new CadreService(db, new VillageService(db, settings, clock), settings, clock);
        return new GradingService(db, cadres, settings, clock);
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportGrades implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "importFile")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(ledger.dataDir())) {
                ImportCount r = open(db).importGrades(file);
                spec.commandLine().getOut().println(Messages.get("cli.grades.imported", r.added(), r.updated()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportGrades implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "gradesYear")
        Integer year;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (Database db = Database.open(ledger.dataDir())) {
                int n = open(db).exportGrades(out, year);
                spec.commandLine().getOut().println(Messages.get("cli.grades.exported", n, out.toAbsolutePath()));
            }
            return ExitCodes.OK;
        }
    }

    /**
     * One {@code <grade>\t<count>} line per grade (好, 较好, 一般, 较差), then {@code 升}, {@code 降}, {@code 持平}
     * against the year before; the labels are Chinese whatever the language, for scripts.
     */
    @Command(name = "tally", mixinStandardHelpOptions = true)
    static final class Tally implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "reportYear")
        Integer year;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(ledger.dataDir())) {
                GradingService grading = open(db);
                GradeTally t = grading.tally(year != null ? year : grading.workingYear());
                PrintWriter out = spec.commandLine().getOut();
                for (Grade g : Grade.values()) {
                    out.println(g.fileLabel() + "\t" + t.count(g));
                }
                out.println("升\t" + t.up());
                out.println("降\t" + t.down());
                out.println("持平\t" + t.same());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportReviews implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "importFile")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(ledger.dataDir())) {
                ImportCount r = open(db).importReviews(file);
                spec.commandLine().getOut().println(Messages.get("cli.reviews.imported", r.added(), r.updated()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportReviews implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "reportYear")
        Integer year;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (Database db = Database.open(ledger.dataDir())) {
                GradingService grading = open(db);
                int n = grading.exportReviews(out, year != null ? year : grading.workingYear());
                spec.commandLine().getOut().println(Messages.get("cli.reviews.exported", n, out.toAbsolutePath()));
            }
            return ExitCodes.OK;
        }
    }
}
