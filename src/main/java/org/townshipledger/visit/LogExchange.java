package org.townshipledger.visit;

import java.nio.file.Path;
import java.util.List;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;
import org.townshipledger.ui.Exchange;

/**
 * The import and export dialogs of the visits, problems and help screens ({@link Exchange}): the service's dry run
 * and import of the register, its error report, and an export of what the screen's filters show. An import says
 * what it added, updated and left unchanged ("新增 3 条走访记录，更新 1 条，未变 120 条"), since a file may repeat
 * what the ledger holds.
 */
final class LogExchange implements Exchange {

    /** The register, with the keys of its words. */
    enum Register {
        VISITS("visit.exchange.name", "visit.exchange.describe", "visit.exchange.fileName",
                "visit.exchange.exported"),
        PROBLEMS("problem.exchange.name", "problem.exchange.describe", "problem.exchange.fileName",
                "problem.exchange.exported"),
        HELP("help.exchange.name", "help.exchange.describe", "help.exchange.fileName", "help.exchange.exported");

        final String title;
        final String describe;
        final String fileName;
        final String exported;

        Register(String title, String describe, String fileName, String exported) {
            this.title = title;
            this.describe = describe;
            this.fileName = fileName;
            this.exported = exported;
        }
    }

    /** What the export writes: the filters' words, and the export itself (returns how many it wrote). */
    interface Export {
        String scope();

        int write(Path file, boolean fullId) throws java.io.IOException;
    }

    private final Register register;
    private final VisitService service;
    private final Export export;
    /** The counts behind the last check or import (describe() words them; ImportCheck has no unchanged count). */
    private volatile ImportCounts last;

    /** Writes the records the screen's filters show to a file; returns how many. */
    interface Writer {
        int write(Path file, boolean fullId) throws java.io.IOException;
    }

    /**
     * The exchange of a screen whose export covers what its filters show: {@code filters} are the labels of the
     * filters set (nulls for those not set), worded by the register's {@code scopeKey} ("{0}") or {@code allKey}.
     */
    static LogExchange filtered(Register register, VisitService service, String allKey, String scopeKey,
                                List<String> filters, Writer writer) {
        List<String> set = filters.stream().filter(java.util.Objects::nonNull).toList();
        String scope = set.isEmpty() ? Messages.get(allKey) : Messages.get(scopeKey, String.join("、", set));
        return new LogExchange(register, service, new Export() {
            @Override
            public String scope() {
                return scope;
            }

            @Override
            public int write(Path file, boolean fullId) throws java.io.IOException {
                return writer.write(file, fullId);
            }
        });
    }

    LogExchange(Register register, VisitService service, Export export) {
        this.register = register;
        this.service = service;
        this.export = export;
    }

    @Override
    public String name() {
        return Messages.get(register.title);
    }

    @Override
    public ImportCheck dryRun(Path file, Progress progress) {
        Exchange.stopIfCancelled(progress);
        ImportPreview p = switch (register) {
            case VISITS -> service.previewVisitsImport(file);
            case PROBLEMS -> service.previewProblemsImport(file);
            case HELP -> service.previewHelpImport(file);
        };
        last = p.counts();
        return p.check();
    }

    @Override
    public ImportCheck importFile(Path file, Progress progress) {
        ImportCheck check = dryRun(file, progress);
        if (check.hasErrors()) {
            return check;
        }
        Exchange.stopIfCancelled(progress);
        ImportCounts n = switch (register) {
            case VISITS -> service.importVisits(file);
            case PROBLEMS -> service.importProblems(file);
            case HELP -> service.importHelp(file);
        };
        last = n;
        return new ImportCheck(n.added(), n.updated(), n.rows(), List.of(), VisitService.warnings(n));
    }

    @Override
    public void writeErrorReport(Path file, List<RowIssue> errors, Path out) throws Exception {
        switch (register) {
            case VISITS -> service.writeVisitsErrorReport(file, errors, out);
            case PROBLEMS -> service.writeProblemsErrorReport(file, errors, out);
            case HELP -> service.writeHelpErrorReport(file, errors, out);
        }
    }

    /** "新增 3 条走访记录，更新 1 条，未变 120 条", and the rows of the file counted once. */
    @Override
    public String describe(ImportCheck c) {
        ImportCounts n = last;
        if (n == null || n.added() != c.added() || n.updated() != c.updated()) {
            n = new ImportCounts(c.added(), c.updated(), Math.max(0, c.rows() - c.added() - c.updated()));
        }
        String text = Messages.get(register.describe, n.added(), n.updated(), n.unchanged());
        return n.repeated() == 0 ? text : text + Messages.get("exchange.describe.repeated", n.repeated());
    }

    @Override
    public String exportScope() {
        return export.scope();
    }

    @Override
    public boolean hasIdNumbers() {
        return true;
    }

    /** Masked numbers still tell apart people of one name, so a masked file imports back. */
    @Override
    public String fullIdHint() {
        return Messages.get("exchange.fullIdHint.masked");
    }

    @Override
    public String exportFileName() {
        return Messages.get(register.fileName);
    }

    @Override
    public String export(Path file, boolean fullId, Progress progress) throws Exception {
        Exchange.stopIfCancelled(progress);
        return Messages.get(register.exported, export.write(file, fullId), file);
    }
}
