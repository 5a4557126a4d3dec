package org.townshipledger.cli;

import java.nio.file.Path;
import org.townshipledger.db.Database;
import picocli.CommandLine.Parameters;

/** {@code <register> import FILE}: all or nothing, then one line saying what was added and updated. */
abstract class ImportFileCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "importFile")
    Path file;

    /** Imports {@link #file} and returns the line to print. */
    abstract String importInto(Database db) throws java.io.IOException;

    @Override
    final void run(Database db) throws java.io.IOException {
        spec.commandLine().getOut().println(importInto(db));
    }
}
