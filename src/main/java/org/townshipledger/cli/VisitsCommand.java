package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Page;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.visit.HelpFilter;
import org.townshipledger.visit.HelpItem;
import org.townshipledger.visit.HelpTally;
import org.townshipledger.visit.ImportCounts;
import org.townshipledger.visit.Problem;
import org.townshipledger.visit.ProblemFilter;
import org.townshipledger.visit.ProblemTally;
import org.townshipledger.visit.Visit;
import org.townshipledger.visit.VisitFilter;
import org.townshipledger.visit.VisitService;
import org.townshipledger.village.VillageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code visits|problems|help list|import|export} and {@code tally problems|help}: the visit log on the terminal. */
final class VisitsCommand {

    private VisitsCommand() {
    }

    /** The services a visit command needs, on one open ledger. */
    record Services(VillageService villages, CadreService cadres, VisitService visits) {
        static Services open(Database db) {
            SettingsStore settings = new SettingsStore(db.dsl());
            Clock clock = Clock.systemDefaultZone();
            VillageService villages = new VillageService(db, settings, clock);
            CadreService cadres = new CadreService(db, villages, settings, clock);
            HouseholdService households = new HouseholdService(db, villages, settings, clock);
            return new Services(villages, cadres, new VisitService(db, cadres, households, villages, settings,
                    clock));
        }

        UUID village(String name) {
            return name == null ? null : HouseholdsCommand.villageId(villages.villages(), name);
        }

        UUID cadre(String name) {
            if (name == null) {
                return null;
            }
            List<Cadre> named = cadres.cadres(null, null, null).stream().filter(k -> k.name().equals(name.strip()))
                    .toList();
            if (named.size() != 1) {
                throw new InvalidInputException(named.isEmpty() ? Messages.get("import.error.noCadre", name)
                        : Messages.get("import.error.cadreAmbiguous", name, named.size()));
            }
            return named.get(0).id();
        }

        String kind(String text) {
            return text == null ? null : visits.kind(text).orElseThrow(() -> new InvalidInputException(
                    Messages.get("visit.error.kind", text))).code();
        }

        int year(Integer year) {
            return year != null ? year : visits.workingYear();
        }
    }

    static YearMonth month(String text) {
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Messages.get("cli.visits.badMonth", text));
        }
    }

    /**
     * "导入完成：新增 3 条走访记录，更新 1 条，未变 2 条", and the rows of the file counted once; on stderr first, one line
     * each, the updates that took a record back ("提示：第 5 行，状态：台账中为“已化解”…").
     */
    static String imported(LedgerCommand command, String key, ImportCounts n) {
        for (ImportCounts.Note note : n.notes()) {
            command.spec.commandLine().getErr().println(Messages.get("cli.import.note",
                    Messages.get("problem.row", note.line(), note.column(), note.reason())));
        }
        String line = Messages.get(key, n.added(), n.updated(), n.unchanged());
        return n.repeated() == 0 ? line : line + Messages.get("cli.import.repeated", n.repeated());
    }

    static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Filters shared by {@code visits list} and {@code visits export}. */
    static final class VisitOptions {
        @Option(names = "--cadre", paramLabel = "NAME", descriptionKey = "visitCadre")
        String cadre;

        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Option(names = "--month", paramLabel = "YYYY-MM", descriptionKey = "visitMonth")
        String month;

        @Option(names = "--kind", paramLabel = "KIND", descriptionKey = "visitKind")
        String kind;

        VisitFilter filter(Services s) {
            return new VisitFilter(s.cadre(cadre), s.village(village), month(month), s.kind(kind), null);
        }
    }

    @Command(name = "visits", mixinStandardHelpOptions = true,
            subcommands = {ListVisits.class, ImportVisits.class, ExportVisits.class})
    static final class Visits extends GroupCommand {
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListVisits extends LedgerCommand {
        @Mixin
        VisitOptions options;

        @Option(names = "--page", paramLabel = "N", descriptionKey = "visitPage", defaultValue = "1")
        int page;

        @Override
        void run(Database db) {
            Services s = Services.open(db);
            Page<Visit> p = s.visits().page(options.filter(s), page - 1);
            TextTable.print(spec.commandLine().getOut(),
                    List.of(Messages.get("visit.column.date"), Messages.get("visit.column.kind"),
                            Messages.get("visit.column.cadres"), Messages.get("visit.column.village"),
                            Messages.get("visit.column.target"), Messages.get("visit.column.seen"),
                            Messages.get("visit.column.done")),
                    p.rows().stream().map(v -> List.of(v.date().toString(), s.visits().kindLabel(v.kind()),
                            String.join("、", v.cadreNames()), s(v.villageName()),
                            v.target().label() + " " + s(v.targetName()), s(v.seen()), s(v.done()))).toList());
            int pages = Math.max(1, (p.total() + VisitService.PAGE_SIZE - 1) / VisitService.PAGE_SIZE);
            spec.commandLine().getErr().println(Messages.get("cli.visits.page", page, pages, p.total()));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportVisits extends ImportFileCommand {
        @Override
        String importInto(Database db) {
            return imported(this, "cli.visits.imported", Services.open(db).visits().importVisits(file));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportVisits extends LedgerCommand {
        @Mixin
        VisitOptions options;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Option(names = "--full-id", descriptionKey = "fullId")
        boolean fullId;

        @Override
        void run(Database db) throws IOException {
            Services s = Services.open(db);
            int n = s.visits().exportVisits(out, options.filter(s), fullId);
            spec.commandLine().getOut().println(Messages.get("cli.visits.exported", n, out.toAbsolutePath()));
        }
    }

    // ---- problems ----

    @Command(name = "problems", mixinStandardHelpOptions = true,
            subcommands = {ListProblems.class, ImportProblems.class, ExportProblems.class})
    static final class Problems extends GroupCommand {
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListProblems extends YearCommand {
        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Override
        void run(Database db) {
            Services s = Services.open(db);
            List<Problem> list = s.visits().problems(new ProblemFilter(s.village(village), s.year(year), null,
                    null));
            TextTable.print(spec.commandLine().getOut(),
                    List.of(Messages.get("visit.column.village"), Messages.get("problem.field.raisedOn"),
                            Messages.get("problem.field.kind"), Messages.get("problem.field.raisedBy"),
                            Messages.get("problem.field.description"), Messages.get("problem.column.status"),
                            Messages.get("problem.field.resolvedOn"), Messages.get("problem.field.level")),
                    list.stream().map(p -> List.of(s(p.villageName()), p.raisedOn().toString(),
                            p.kind().label() + (p.subKind() == null ? "" : "/" + p.subKind().label()),
                            p.householdName() != null ? p.householdName() : s(p.raisedBy()), s(p.description()),
                            p.status().label(), s(p.resolvedOn()), p.level() == null ? "" : p.level().label()))
                            .toList());
            spec.commandLine().getErr().println(Messages.get("check.count", list.size()));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportProblems extends ImportFileCommand {
        @Override
        String importInto(Database db) {
            return imported(this, "cli.problems.imported", Services.open(db).visits().importProblems(file));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportProblems extends LedgerCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "exportYear")
        Integer year;

        @Option(names = "--full-id", descriptionKey = "fullId")
        boolean fullId;

        @Override
        void run(Database db) throws IOException {
            Services s = Services.open(db);
            int n = s.visits().exportProblems(out, new ProblemFilter(s.village(village), year, null, null),
                    fullId);
            spec.commandLine().getOut().println(Messages.get("cli.problems.exported", n, out.toAbsolutePath()));
        }
    }

    // ---- help given ----

    @Command(name = "help", mixinStandardHelpOptions = true,
            subcommands = {ListHelp.class, ImportHelp.class, ExportHelp.class})
    static final class Help extends GroupCommand {
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListHelp extends YearCommand {
        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Override
        void run(Database db) {
            Services s = Services.open(db);
            List<HelpItem> list = s.visits().helpItems(new HelpFilter(s.village(village), s.year(year), null,
                    null));
            TextTable.print(spec.commandLine().getOut(),
                    List.of(Messages.get("visit.column.village"), Messages.get("help.field.target"),
                            Messages.get("help.field.kind"), Messages.get("help.field.description"),
                            Messages.get("help.field.money"), Messages.get("help.field.goods"),
                            Messages.get("help.field.helper"), Messages.get("help.field.date"),
                            Messages.get("help.field.status")),
                    list.stream().map(h -> List.of(s(h.villageName()),
                            h.householdName() != null ? h.householdName() : h.target().label(), h.kind().label(),
                            s(h.description()), h.money().toPlainString(), h.goodsValue().toPlainString(),
                            s(h.helperName()), h.date().toString(), h.status().label())).toList());
            spec.commandLine().getErr().println(Messages.get("check.count", list.size()));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportHelp extends ImportFileCommand {
        @Override
        String importInto(Database db) {
            return imported(this, "cli.help.imported", Services.open(db).visits().importHelp(file));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportHelp extends LedgerCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "exportYear")
        Integer year;

        @Option(names = "--full-id", descriptionKey = "fullId")
        boolean fullId;

        @Override
        void run(Database db) throws IOException {
            Services s = Services.open(db);
            int n = s.visits().exportHelp(out, new HelpFilter(s.village(village), year, null, null), fullId);
            spec.commandLine().getOut().println(Messages.get("cli.help.exported", n, out.toAbsolutePath()));
        }
    }

    // ---- tallies ----

    @Command(name = "tally", mixinStandardHelpOptions = true, subcommands = {TallyProblems.class, TallyHelp.class})
    static final class Tally extends GroupCommand {
    }

    /** {@code 发现\t35}, {@code 化解\t30}, {@code 化解率\t85.71%}, then the levels; one village with --village. */
    @Command(name = "problems", mixinStandardHelpOptions = true)
    static final class TallyProblems extends YearCommand {
        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Override
        void run(Database db) {
            Services s = Services.open(db);
            ProblemTally t = s.visits().problemTally(s.year(year), s.village(village));
            PrintWriter out = spec.commandLine().getOut();
            ProblemTally.Line total = t.total();
            out.println(Messages.get("tally.found") + "\t" + total.found());
            out.println(Messages.get("tally.resolved") + "\t" + total.resolved());
            out.println(Messages.get("tally.rate") + "\t" + (total.rate() == null ? "—"
                    : total.rate().toPlainString() + "%"));
            out.println(Messages.get("tally.inVillage") + "\t" + total.inVillage());
            out.println(Messages.get("tally.inTownship") + "\t" + total.inTownship());
            out.println(Messages.get("tally.inCounty") + "\t" + total.inCounty());
            out.println(Messages.get("tally.escalated") + "\t" + total.escalated());
        }
    }

    /** One line per kind with its money, then 物资 and 合计: {@code 产业\t101234.63}. */
    @Command(name = "help", mixinStandardHelpOptions = true)
    static final class TallyHelp extends YearCommand {
        @Override
        void run(Database db) {
            Services s = Services.open(db);
            HelpTally t = s.visits().helpTally(s.year(year));
            PrintWriter out = spec.commandLine().getOut();
            for (HelpTally.Sum k : t.byKind()) {
                out.println(k.kind().label() + "\t" + k.money().toPlainString());
            }
            out.println(Messages.get("tally.goods") + "\t" + t.total().goods().toPlainString());
            out.println(Messages.get("tally.total") + "\t" + t.total().money().toPlainString());
            out.println(Messages.get("tally.items") + "\t" + t.total().items());
        }
    }
}
