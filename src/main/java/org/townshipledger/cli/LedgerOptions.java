package org.townshipledger.cli;

import java.nio.file.Path;
import org.townshipledger.db.DataDirs;
import picocli.CommandLine.Option;

/** Options every command takes: where the ledger is, and the language of messages. */
public final class LedgerOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "data-dir")
    String dataDir;

    /** Read before picocli runs (see {@link Args#optionValue}); declared here so picocli accepts it. */
    @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "lang")
    String lang;

    public Path dataDir() {
        return DataDirs.resolve(dataDir);
    }
}
