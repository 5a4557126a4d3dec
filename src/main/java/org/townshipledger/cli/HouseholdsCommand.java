package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Page;
import org.townshipledger.db.Database;
import org.townshipledger.household.ExportOptions;
import org.townshipledger.household.ExportResult;
import org.townshipledger.household.HouseholdQuery;
import org.townshipledger.household.HouseholdRow;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.ImportOptions;
import org.townshipledger.household.ImportResult;
import org.townshipledger.household.RowProblem;
import org.townshipledger.village.Village;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code households import|export|list}. */
@Command(name = "households", mixinStandardHelpOptions = true,
        subcommands = {HouseholdsCommand.ImportHouseholds.class, HouseholdsCommand.ExportHouseholds.class,
                HouseholdsCommand.ListHouseholds.class})
final class HouseholdsCommand extends GroupCommand {

    /** The village of that name in use, or bad input naming it. */
    static UUID villageId(HouseholdService service, String name) {
        return name == null ? null : villageId(service.villages(), name);
    }

    /** The village of that name among {@code villages}, or bad input naming it. */
    static UUID villageId(java.util.List<Village> villages, String name) {
        return villages.stream().filter(v -> v.name().equals(name.strip())).map(Village::id).findFirst()
                .orElseThrow(() -> new InvalidInputException(Messages.get("cli.households.unknownVillage", name)));
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportHouseholds extends LedgerCommand {
        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "householdsFile")
        Path file;

        @Option(names = "--dry-run", descriptionKey = "dry-run")
        boolean dryRun;

        @Option(names = "--errors", paramLabel = "OUT.xlsx", descriptionKey = "errors")
        Path errors;

        @Override
        void run(Database db) throws IOException {
            ImportResult r = new HouseholdService(db).importHouseholds(file,
                    ImportOptions.defaults().withDryRun(dryRun).withErrorReport(errors));
            PrintWriter err = spec.commandLine().getErr();
            for (RowProblem w : r.warnings()) {
                err.println(Messages.get("cli.households.warning", w.describe()));
            }
            if (r.hasErrors()) {
                if (r.errorReport() != null) {
                    err.println(Messages.get("cli.households.errorReport", r.errorReport().toAbsolutePath()));
                }
                throw new InvalidInputException(r.problems());
            }
            String key = r.written() ? "cli.households.imported" : "cli.households.checked";
            spec.commandLine().getOut().println(Messages.get(key, r.added(), r.updated(), r.members()));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportHouseholds extends LedgerCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Option(names = "--full-id", descriptionKey = "full-id")
        boolean fullId;

        @Override
        void run(Database db) throws IOException {
            HouseholdService service = new HouseholdService(db);
            ExportResult r = service.exportHouseholds(out, new ExportOptions(villageId(service, village), fullId));
            spec.commandLine().getOut().println(Messages.get("cli.households.exported", r.households(), r.members(),
                    out.toAbsolutePath()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListHouseholds implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--village", paramLabel = "NAME", descriptionKey = "village")
        String village;

        @Option(names = "--search", paramLabel = "TEXT", descriptionKey = "search")
        String search;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", descriptionKey = "limit")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Database.open(ledger.dataDir())) {
                HouseholdService service = new HouseholdService(db);
                HouseholdQuery query = HouseholdQuery.all().withVillage(villageId(service, village)).withText(search);
                Page<HouseholdRow> page = service.search(query, 0, Math.max(0, limit));
                List<String> headers = List.of(Messages.get("cli.households.col.village"),
                        Messages.get("cli.households.col.group"), Messages.get("cli.households.col.head"),
                        Messages.get("cli.households.col.idNumber"), Messages.get("cli.households.col.members"),
                        Messages.get("cli.households.col.category"), Messages.get("cli.households.col.status"),
                        Messages.get("cli.households.col.monitoring"), Messages.get("cli.households.col.phone"));
                List<List<String>> rows = new ArrayList<>();
                for (HouseholdRow h : page.rows()) {
                    String status = h.status() == null ? "" : h.exitYear() == null ? h.status().label()
                            : Messages.get("cli.households.statusYear", h.status().label(), h.exitYear());
                    rows.add(List.of(h.villageName(), s(h.groupName()), h.headName(), Masking.idNumber(h.headIdNumber()),
                            Integer.toString(h.memberCount()), h.category() == null ? "" : h.category().label(), status,
                            h.monitoringType() == null ? "" : h.monitoringType().label(), s(h.phone())));
                }
                TextTable.print(spec.commandLine().getOut(), headers, rows);
                spec.commandLine().getErr().println(Messages.get("cli.households.shown", page.rows().size(), page.total()));
            }
            return ExitCodes.OK;
        }

        private static String s(String v) {
            return v == null ? "" : v;
        }
    }
}
