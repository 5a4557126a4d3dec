package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.ImportCount;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingFilter;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.pairing.PairingService.Proposal;
import org.townshipledger.village.VillageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pairings list|import|export|suggest}: the 结对帮扶 register on the terminal. */
@Command(name = "pairings", mixinStandardHelpOptions = true,
        subcommands = {PairingsCommand.ListPairings.class, PairingsCommand.ImportPairings.class,
            PairingsCommand.ExportPairings.class, PairingsCommand.Suggest.class})
final class PairingsCommand extends GroupCommand {

    /** The services a pairing command needs, on one open ledger. */
    record Services(VillageService villages, PairingService pairings) {
        static Services open(Database db) {
            SettingsStore settings = new SettingsStore(db.dsl());
            Clock clock = Clock.systemDefaultZone();
            VillageService villages = new VillageService(db, settings, clock);
            CadreService cadres = new CadreService(db, villages, settings, clock);
            return new Services(villages, new PairingService(db, cadres, villages, settings, clock));
        }

        /** The village of that name in use (null when no name is given), or bad input naming it. */
        UUID village(String name) {
            return name == null ? null : HouseholdsCommand.villageId(villages.villages(), name);
        }
    }

    static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListPairings extends LedgerCommand {
        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Option(names = "--all", descriptionKey = "pairingsAll")
        boolean all;

        @Override
        void run(Database db) {
            Services s = Services.open(db);
            PairingFilter f = new PairingFilter(s.village(village), null, null, null,
                    all ? null : s.pairings().today());
            List<Pairing> list = s.pairings().pairings(f);
            TextTable.print(spec.commandLine().getOut(),
                    List.of(Messages.get("pairing.column.village"), Messages.get("pairing.column.target"),
                            Messages.get("pairing.column.helper"), Messages.get("pairing.column.unit"),
                            Messages.get("pairing.column.phone"), Messages.get("pairing.column.kind"),
                            Messages.get("pairing.column.from"), Messages.get("pairing.column.to")),
                    list.stream().map(p -> List.of(s(p.villageName()),
                            p.target().label() + " " + s(p.targetName()), s(p.helperName()), s(p.helperUnit()),
                            s(p.helperPhone()), p.kind().label(), p.startDate().toString(),
                            s(p.endDate()))).toList());
            spec.commandLine().getErr().println(Messages.get("check.count", list.size()));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportPairings extends ImportFileCommand {
        @Override
        String importInto(Database db) {
            ImportCount r = Services.open(db).pairings().importFile(file);
            return Messages.get("cli.pairings.imported", r.added(), r.updated());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportPairings extends LedgerCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Option(names = "--full-id", descriptionKey = "fullId")
        boolean fullId;

        @Override
        void run(Database db) throws IOException {
            Services s = Services.open(db);
            int n = s.pairings().export(out, s.village(village), fullId);
            spec.commandLine().getOut().println(Messages.get("cli.pairings.exported", n, out.toAbsolutePath()));
        }
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true)
    static final class Suggest extends LedgerCommand {
        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Option(names = "--apply", descriptionKey = "pairingsApply")
        boolean apply;

        @Override
        void run(Database db) {
            Services s = Services.open(db);
            List<Proposal> proposal = s.pairings().suggest(s.village(village));
            PrintWriter out = spec.commandLine().getOut();
            TextTable.print(out, List.of(Messages.get("pairing.column.village"),
                            Messages.get("pairing.column.household"), Messages.get("pairing.column.helper"),
                            Messages.get("pairing.column.unit"), Messages.get("pairing.column.load")),
                    proposal.stream().map(p -> List.of(p.household().villageName(), p.household().headName(),
                            p.hasHelper() ? p.cadreName() : Messages.get("pairing.suggest.nobody"),
                            s(p.unitName()), p.hasHelper() ? p.householdsAfter() + "/" + p.maxHouseholds() : ""))
                            .toList());
            long proposed = proposal.stream().filter(Proposal::hasHelper).count();
            PrintWriter err = spec.commandLine().getErr();
            err.println(Messages.get("cli.pairings.proposed", proposal.size(), proposed,
                    proposal.size() - proposed));
            if (apply) {
                err.println(Messages.get("cli.pairings.applied", s.pairings().apply(proposal)));
            } else if (proposed > 0) {
                err.println(Messages.get("cli.pairings.notApplied"));
            }
        }
    }
}
