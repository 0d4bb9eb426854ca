package io.radnorm.cli;

import io.radnorm.spark.Errors;
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
            BandMathCommand.class, NdviCommand.class, ThresholdCommand.class,
            CommandLine.HelpCommand.class},
        showDefaultValues = true, sortOptions = false)
public final class RadnormCli implements Runnable {

    public static final int EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Builds the command line with radnorm's exit codes and one-line error reporting. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RadnormCli());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("radnorm: error: " + Errors.oneLine(ex, null));
            org.slf4j.LoggerFactory.getLogger(RadnormCli.class).debug("failure", ex);
            err.flush();
            return EXIT_FAILED;
        });
        return cl;
    }

    /** Runs a command line in this JVM and returns its exit code (tests, notebooks). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        int code = run(args);
        System.exit(code);
    }
}
