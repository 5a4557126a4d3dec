package org.townshipledger.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.townshipledger.common.Progress;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;

/**
 * The {@link Exchange} of a register whose sheet is read, checked and written in one piece (villages, units,
 * cadres, postings): its service calls and words, with the checking before an import and the stops for a
 * cancelled dialog done once here. The import is checked again before it writes (the file may have changed since
 * the dry run) and writes nothing when that finds errors.
 *
 * @param name          the register as the dialog titles name it ("帮扶单位")
 * @param exportScope   what the export writes, in words
 * @param exportFileName the file name offered, without extension
 * @param hasIdNumbers  true when the export may write ID numbers in full
 * @param check         reads and checks a file, writes nothing
 * @param apply         imports a checked file and says what it wrote
 * @param errorReport   writes the bad rows with a 错误原因 column
 * @param describer     what a check found, in words
 * @param writer        writes the export, and says so for the status bar
 */
public record SheetExchange(String name, String exportScope, String exportFileName, boolean hasIdNumbers,
                            FileCheck check, FileCheck apply, ErrorReport errorReport,
                            Function<ImportCheck, String> describer, Writer writer) implements Exchange {

    /** Reads a file into what the dialog shows. */
    @FunctionalInterface
    public interface FileCheck {
        ImportCheck run(Path file) throws Exception;
    }

    /** Writes the bad rows of a file, with their reasons, to another file. */
    @FunctionalInterface
    public interface ErrorReport {
        void write(Path file, List<RowIssue> errors, Path out) throws Exception;
    }

    /** Writes the export and returns the status bar's words for it. */
    @FunctionalInterface
    public interface Writer {
        String write(Path file, boolean fullId) throws Exception;
    }

    @Override
    public ImportCheck dryRun(Path file, Progress progress) throws Exception {
        Exchange.stopIfCancelled(progress);
        return check.run(file);
    }

    @Override
    public ImportCheck importFile(Path file, Progress progress) throws Exception {
        ImportCheck checked = dryRun(file, progress);
        if (checked.hasErrors()) {
            return checked;
        }
        Exchange.stopIfCancelled(progress);
        return apply.run(file);
    }

    @Override
    public void writeErrorReport(Path file, List<RowIssue> errors, Path out) throws Exception {
        errorReport.write(file, errors, out);
    }

    @Override
    public String describe(ImportCheck c) {
        return describer.apply(c);
    }

    @Override
    public String export(Path file, boolean fullId, Progress progress) throws Exception {
        Exchange.stopIfCancelled(progress);
        return writer.write(file, fullId);
    }
}
