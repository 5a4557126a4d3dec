package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageImport;
import org.townshipledger.village.VillageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code villages list|import|export}. */
@Command(name = "villages", mixinStandardHelpOptions = true,
        subcommands = {VillagesCommand.ListVillages.class, VillagesCommand.ImportVillages.class,
                VillagesCommand.ExportVillages.class})
final class VillagesCommand extends GroupCommand {

    enum Format { table, csv }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListVillages implements Callable<Integer> {
        @Mixin
        LedgerOptions ledger;

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv", descriptionKey = "format")
        Format format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (Database db = Database.open(ledger.dataDir())) {
                VillageService service = new VillageService(db);
                int year = service.workingYear();
                List<String> headers = List.of(VillageImport.H_NAME, VillageImport.H_CODE, VillageImport.H_KIND,
                        VillageImport.H_POOR, VillageImport.H_EXIT, VillageImport.H_WEAK + "(" + year + ")",
                        VillageImport.H_HOUSEHOLDS, VillageImport.H_POPULATION, Messages.get("cli.villages.groupCount"));
                List<List<String>> rows = new ArrayList<>();
                for (Village v : service.villages()) {
                    rows.add(List.of(v.name(), s(v.statsCode()), v.kind().label(), yes(v.povertyVillage()),
                            s(v.exitYear()), yes(v.weakIn(year)), s(v.householdCount()), s(v.population()),
                            Integer.toString(v.groups().size())));
                }
                PrintWriter out = spec.commandLine().getOut();
                if (format == Format.csv) {
                    CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
                    csv.printRecord(headers);
                    csv.printRecords(rows);
                    csv.flush();
                } else {
                    TextTable.print(out, headers, rows);
                }
            }
            return ExitCodes.OK;
        }

        private static String yes(boolean b) {
            return Messages.get(b ? "common.yes" : "common.no");
        }

        private static String s(Object o) {
            return o == null ? "" : o.toString();
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class ImportVillages extends ImportFileCommand {
        @Override
        String importInto(Database db) {
            VillageImport.Result r = new VillageService(db).importVillages(file);
            return Messages.get("cli.villages.imported", r.added(), r.updated());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class ExportVillages extends LedgerCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "out")
        Path out;

        @Override
        void run(Database db) throws IOException {
            int n = new VillageService(db).exportVillages(out);
            spec.commandLine().getOut().println(Messages.get("cli.villages.exported", n, out.toAbsolutePath()));
        }
    }
}
