package org.townshipledger.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.DataDirs;
import org.townshipledger.db.LedgerUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command line: {@code java -jar township-ledger.jar [command]}. With no command it opens the window.
 * stdout carries results only (scripts parse it); messages go to stderr.
 */
@Command(name = "township-ledger", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class)
public final class Cli implements Callable<Integer> {

    /**
     * The commands, in the order help lists them. Not in the annotation: picocli builds the model of every
     * command it is given (reflection over all their options, a tenth of a second or more at every start), so
     * {@link #run} gives it only the command named on the line, or all of them when none is (help, a typo).
     */
    static final List<Class<?>> COMMANDS = List.of(InitCommand.class, DemoCommand.class, StatsCommand.class,
            VillagesCommand.class, HouseholdsCommand.class, ReportCommand.class, CheckCommand.class,
            CadresCommand.Cadres.class, CadresCommand.Units.class, CadresCommand.Assignments.class,
            PairingsCommand.class, GradesCommand.class, VisitsCommand.Visits.class, VisitsCommand.Problems.class,
            VisitsCommand.Help.class, VisitsCommand.Tally.class, BackupCommand.class, CrashTestCommand.class,
            WarmUpCommand.class);

    @Mixin
    LedgerOptions ledger;

    private final GuiStarter gui;

    Cli(GuiStarter gui) {
        this.gui = gui;
    }

    @Override
    public Integer call() {
        gui.start(ledger.dataDir, ledger.lang);
        return ExitCodes.OK;
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, GuiStarter gui) {
        Messages.use(Messages.choose(Args.optionValue(args, "--lang")));
        CommandLine cl = new CommandLine(new Cli(gui));
        Class<?> named = commandNamed(args);
        for (Class<?> command : named != null ? List.of(named) : COMMANDS) {
            cl.addSubcommand(command);
        }
        cl.setResourceBundle(ResourceBundle.getBundle("org.townshipledger.cli.CliMessages", Messages.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(Messages.get("cli.usageError", usageProblem(ex)));
            ex.getCommandLine().usage(err);
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err, args));
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command the line names: its first word that is neither an option nor the value of {@code --data-dir}
     * or {@code --lang}, matched against the names in the commands' annotations (no picocli model built). Null
     * when there is none or it is no command's name.
     */
    static Class<?> commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir") || a.equals("--lang")) {
                i++;
            } else if (!a.startsWith("-")) {
                for (Class<?> command : COMMANDS) {
                    if (command.getAnnotation(Command.class).name().equals(a)) {
                        return command;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** picocli words its errors in English; the common ones are said again in the user's language. */
    static String usageProblem(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return Messages.get("cli.usage.unmatched", String.join(" ", u.getUnmatched()));
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return Messages.get("cli.usage.missing", m.getMissing().stream()
                    .map(arg -> arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel())
                    .collect(java.util.stream.Collectors.joining("、")));
        }
        return ex.getMessage();
    }

    static int handle(Exception ex, PrintWriter err, String[] args) {
        if (ex instanceof LedgerUnavailableException lu) {
            err.println(lu.getMessage());
            if (lu.reason() == LedgerUnavailableException.Reason.CORRUPT) {
                // The newest backup that passes verify, and the command that restores it.
                err.println(BackupCommand.damagedAdvice(DataDirs.resolve(Args.optionValue(args, "--data-dir"))));
            }
            return lu.reason() == LedgerUnavailableException.Reason.EXISTS ? ExitCodes.BAD_INPUT
                    : ExitCodes.LEDGER_UNAVAILABLE;
        }
        if (ex instanceof InvalidInputException ii) {
            List<Problem> problems = ii.problems();
            if (problems.size() > 1 || problems.get(0).line() > 0) {
                err.println(Messages.get("cli.problems", problems.size()));
            }
            problems.forEach(p -> err.println(p.describe()));
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof StaleRecordException) {
            err.println(ex.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        // Looked up here, not in a static field: setting up logging costs a few hundred ms that the
        // window's start must not wait for.
        LoggerFactory.getLogger(Cli.class).error("Command failed", ex);
        err.println(Messages.get("cli.failed", ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
        return ExitCodes.BAD_INPUT;
    }
}
