package org.townshipledger.cli;

import java.util.concurrent.Callable;
import org.townshipledger.common.Messages;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: a new ledger filled with generated data; the same seed gives the same data. */
@Command(name = "demo", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

    @Mixin
    LedgerOptions ledger;

    @Option(names = "--scale", required = true, paramLabel = "township|county", descriptionKey = "scale",
            converter = DemoScaleConverter.class)
    DemoScale scale;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", descriptionKey = "seed")
    long seed;

    /** For tests of the other registers: the county's million visits take minutes to write. */
    @Option(names = "--without-visits", hidden = true)
    boolean withoutVisits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        DemoData.Summary summary = DemoData.create(ledger.dataDir(), scale, seed, !withoutVisits);
        spec.commandLine().getErr().println(Messages.get("cli.demo.done", summary.file(), summary.villages(),
                summary.groups(), summary.households(), summary.members(), (System.nanoTime() - start) / 1_000_000_000.0));
        spec.commandLine().getOut().println(summary.file());
        return ExitCodes.OK;
    }

    static final class DemoScaleConverter implements picocli.CommandLine.ITypeConverter<DemoScale> {
        @Override
        public DemoScale convert(String value) {
            return DemoScale.parse(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    Messages.get("cli.demo.badScale", value)));
        }
    }
}
