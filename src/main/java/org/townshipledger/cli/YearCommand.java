package org.townshipledger.cli;

import picocli.CommandLine.Option;

/** A command about one year ({@code --year}; without it the ledger's working year). */
abstract class YearCommand extends LedgerCommand {

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "reportYear")
    Integer year;
}
