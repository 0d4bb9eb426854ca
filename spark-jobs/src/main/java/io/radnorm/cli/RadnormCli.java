package io.radnorm.cli;

import io.radnorm.spark.Errors;
import io.radnorm.spark.ProgressReporter;
import io.radnorm.spark.SessionSettings;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code radnorm} command line: one entry point for the local launcher ({@code ./radnorm}) and
 * for {@code spark-submit --class io.radnorm.cli.RadnormCli}.
 *
 * <p>Exit codes: 0 success, 1 the job failed (the reason on one line on stderr, naming the file),
 * 2 bad usage (the error and the command's usage).
 */
@Command(name = "radnorm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Relative radiometric normalization of overlapping satellite and aerial images on Apache Spark.",
        subcommands = {InfoCommand.class, PipelineCommand.class, GlobalCommand.class, PipelineCommand.LocalCommand.class,
            StatsCommand.class, ReportCommand.class, AlignCommand.class, MergeCommand.class,
            MaskCommand.class, VectorizeCommand.class, SeamlinesCommand.class,
            BandMathCommand.class, NdviCommand.class, ThresholdCommand.class, WorkflowCommand.class,
            CommandLine.HelpCommand.class},
        showDefaultValues = true, sortOptions = false)
public final class RadnormCli implements Runnable {

    public static final int EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = ConfigFile.OPTION, scope = CommandLine.ScopeType.INHERIT, paramLabel = "FILE",
            description = "A YAML job file holding any of the command's options (keys: their long names without "
                    + "dashes), 'command' and a 'spark' map of Spark settings; options on the command line win.")
    String config;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Builds the command line with radnorm's exit codes and one-line error reporting. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RadnormCli());
        cl.setDefaultValueProvider(new ConfigFile.Defaults());
        // "--input @list.txt" is radnorm's list of URIs (RasterPaths), not picocli's argument file.
        cl.setExpandAtFiles(false);
        withVersion(cl);
        cl.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult full = ConfigFile.complete(cl, parsed);
            startProgress(cl, ConfigFile.leaf(full));
            try {
                return new CommandLine.RunLast().execute(full);
            } finally {
                SessionSettings.finish();
                LoggingOptions.reset();
            }
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("radnorm: error: " + Errors.oneLine(ex, null));
            org.slf4j.LoggerFactory.getLogger(RadnormCli.class).debug("failure", ex);
            err.flush();
            return EXIT_FAILED;
        });
        return cl;
    }

    /**
     * Parses a command line as {@link #run} would, job file included, without running it: the
     * innermost command's parse result (tests, tools that check generated command lines).
     */
    public static CommandLine.ParseResult parse(String... args) {
        CommandLine cl = commandLine();
        try {
            return ConfigFile.leaf(ConfigFile.complete(cl, cl.parseArgs(ConfigFile.withCommand(cl, args))));
        } finally {
            SessionSettings.finish(); // nothing runs: forget the job file's Spark settings
        }
    }

    /**
     * The console progress line on stderr, unless the command is {@code --quiet} (or has no
     * logging options: help, {@code stats} alone). Seconds between lines when stderr is not a
     * terminal, and how long a stage runs before it is shown at all: system property
     * {@code radnorm.progress.interval} (default 10).
     */
    private static void startProgress(CommandLine cl, CommandLine.ParseResult leaf) {
        CommandLine.Model.OptionSpec quiet = leaf.commandSpec().findOption("--quiet");
        if (quiet != null && !Boolean.TRUE.equals(quiet.getValue())) {
            double interval = Double.parseDouble(System.getProperty("radnorm.progress.interval", "10"));
            boolean terminal = System.console() != null;
            // Only stages that run a while are shown: 1 s on a terminal, one interval in a log.
            SessionSettings.progress(new ProgressReporter(cl.getErr(), terminal, interval,
                    terminal ? Math.min(1, interval) : interval));
        }
    }

    /** Every command answers --version with radnorm's version, not only the top one. */
    private static void withVersion(CommandLine cl) {
        if (cl.getCommandSpec().versionProvider() == null) {
            cl.getCommandSpec().versionProvider(new VersionProvider());
        }
        cl.getSubcommands().values().forEach(RadnormCli::withVersion);
    }

    /** Runs a command line in this JVM and returns its exit code (tests, notebooks). */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /** Runs {@code args} on a command line from {@link #commandLine()}; a job file may name the command. */
    public static int execute(CommandLine cl, String... args) {
        String[] full;
        try {
            full = ConfigFile.withCommand(cl, args);
        } catch (CommandLine.ParameterException e) {
            try {
                return cl.getParameterExceptionHandler().handleParseException(e, args);
            } catch (Exception unexpected) {
                return EXIT_USAGE;
            }
        }
        return cl.execute(full);
    }

    public static void main(String[] args) {
        // Apache SIS's EPSG database (Derby) would otherwise leave derby.log in the working directory.
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file",
                    java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "radnorm-derby.log").toString());
        }
        int code = run(args);
        System.exit(code);
    }
}
