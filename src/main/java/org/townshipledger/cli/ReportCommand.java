package org.townshipledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.db.Database;
import org.townshipledger.report.CjkFont;
import org.townshipledger.report.ReportFormat;
import org.townshipledger.report.ReportParams;
import org.townshipledger.report.ReportService;
import org.townshipledger.report.ReportSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report list} and {@code report KEY --format pdf|xlsx --out FILE [--year Y] [--village NAME] [--full-id]}. */
@Command(name = "report", mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {

    @Mixin
    LedgerOptions ledger;

    @Parameters(index = "0", paramLabel = "KEY|list", descriptionKey = "reportKey")
    String key;

    @Option(names = "--format", paramLabel = "pdf|xlsx", descriptionKey = "reportFormat")
    String format;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "reportOut")
    Path out;

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "reportYear")
    Integer year;

    @Option(names = "--village", paramLabel = "NAME", descriptionKey = "reportVillage")
    String village;

    @Option(names = "--full-id", descriptionKey = "fullId")
    boolean fullId;

    /** Only the first N data rows, for trying a layout and for benchmarks (bench/report-households.sh). */
    @Option(names = "--limit", paramLabel = "N", hidden = true)
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (ReportFormat.parse(format).orElse(null) == ReportFormat.PDF) {
            CjkFont.preload();
        }
        try (Database db = Database.open(ledger.dataDir())) {
            ReportService reports = ReportService.forLedger(db, Clock.systemDefaultZone());
            PrintWriter stdout = spec.commandLine().getOut();
            if ("list".equals(key)) {
                reports.sheets().forEach(s -> stdout.println(s.key() + "\t" + s.title()));
                return ExitCodes.OK;
            }
            ReportSheet sheet = reports.sheet(key);
            ReportFormat f = ReportFormat.parse(format).orElseThrow(() ->
                    new InvalidInputException(Messages.get("report.error.format", format == null ? "" : format)));
            if (out == null) {
                throw new InvalidInputException(Messages.get("cli.usage.missing", "--out"));
            }
            UUID villageId = village == null ? null : reports.village(village).id();
            ReportParams params = new ReportParams(year != null ? year : reports.workingYear(), villageId, fullId,
                    Math.max(0, limit));
            reports.write(sheet, params, f, out, Progress.NONE);
            stdout.println(out.toAbsolutePath());
        }
        return ExitCodes.OK;
    }
}
