package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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
import picocli.CommandLine.Option;

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
    static final class ImportGrades extends ImportFileCommand {
        @Override
        String importInto(Database db) {
            ImportCount r = open(db).importGrades(file);
            return Messages.get("cli.grades.imported", r.added(), r.updated());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportGrades extends LedgerCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "gradesYear")
        Integer year;

        @Override
        void run(Database db) throws IOException {
            int n = open(db).exportGrades(out, year);
            spec.commandLine().getOut().println(Messages.get("cli.grades.exported", n, out.toAbsolutePath()));
        }
    }

    /**
     * One {@code <grade>\t<count>} line per grade (好, 较好, 一般, 较差), then {@code 升}, {@code 降}, {@code 持平}
     * against the year before; the labels are Chinese whatever the language, for scripts.
     */
    @Command(name = "tally", mixinStandardHelpOptions = true)
    static final class Tally extends YearCommand {
        @Override
        void run(Database db) {
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
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportReviews extends ImportFileCommand {
        @Override
        String importInto(Database db) {
            ImportCount r = open(db).importReviews(file);
            return Messages.get("cli.reviews.imported", r.added(), r.updated());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportReviews extends YearCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Override
        void run(Database db) throws IOException {
            GradingService grading = open(db);
            int n = grading.exportReviews(out, year != null ? year : grading.workingYear());
            spec.commandLine().getOut().println(Messages.get("cli.reviews.exported", n, out.toAbsolutePath()));
        }
    }
}
