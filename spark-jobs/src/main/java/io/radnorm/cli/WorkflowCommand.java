package io.radnorm.cli;

import io.radnorm.spark.Errors;
import io.radnorm.spark.SessionSettings;
import io.radnorm.spark.SparkSessions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code radnorm workflow FILE.yaml}: radnorm commands run one after another, in this JVM and on
 * one Spark session, from a {@link WorkflowFile}.
 *
 * <p>Each step's options become a command line ({@code --key=value}, a list as {@code --key v1 v2},
 * a flag as {@code --key} when {@code true}) that goes through the CLI's own parser and command
 * ({@link RadnormCli#commandLine()}), so an option in a workflow means exactly what it means when
 * typed. Every step is parsed before the first one runs: an unknown command or option, or a value
 * the command refuses, is a usage error (exit 2) naming the step, and nothing runs. Steps hand
 * their results to later steps by path: a later step's input is an earlier step's output folder or
 * file.
 *
 * <p>Running prints {@code step k/n: NAME} before each step; a failing step stops the workflow
 * with one line naming the step and the error (exit 1); the outputs of the steps before it stay.
 * {@code --resume} is handed to every step that has it ({@code global}, {@code local},
 * {@code pipeline}), so a rerun after a failure skips the work those steps finished;
 * {@code --quiet}/{@code --verbose} to every step that does not set its own.
 */
@Command(name = "workflow", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Run a workflow file: radnorm commands as named steps, one after another in one Spark "
                + "session (e.g. conf/mosaic-workflow.yaml: global, local, align, seamlines, mask, merge, report).",
            "The file has 'steps' (each {name, command, options}, options being the command's long option names "
                + "without dashes), 'vars' (used as $${name} in values) and 'spark' (Spark settings)."})
final class WorkflowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Parameters(index = "0", paramLabel = "FILE", description = "The workflow YAML file (local path or any Hadoop URI).")
    String file;

    @Option(names = "--set", paramLabel = "VAR=VALUE", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Override a var of the file (repeatable), e.g. --set out=/data/out/2024-06-01.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Print each step's command line; run nothing.")
    boolean dryRun;

    @Option(names = "--resume", description = "Pass --resume to the steps that support it (global, local, pipeline).")
    boolean resume;

    /** A step ready to run: its name and full command line (command words first). */
    record PlannedStep(String name, List<String> args) {
    }

    @Override
    public Integer call() {
        logging.apply();
        WorkflowFile wf;
        List<PlannedStep> plan;
        try {
            wf = WorkflowFile.read(file, set);
            plan = plan(wf);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        int n = plan.size();
        if (dryRun) {
            for (int k = 0; k < n; k++) {
                out.println("# step " + (k + 1) + "/" + n + ": " + plan.get(k).name());
                out.println("radnorm " + shellWords(plan.get(k).args()));
            }
            out.flush();
            return RadnormCli.EXIT_OK;
        }
        // The one session every step shares, with the file's Spark settings (the steps' own parse
        // would otherwise start from none).
        SessionSettings.sparkConf(wf.spark());
        SparkSessions.getOrCreate("radnorm workflow " + file);
        long start = System.nanoTime();
        for (int k = 0; k < n; k++) {
            PlannedStep step = plan.get(k);
            String label = "step " + (k + 1) + "/" + n + " '" + step.name() + "'";
            out.println("step " + (k + 1) + "/" + n + ": " + step.name());
            out.flush();
            CommandLine cl = RadnormCli.commandLine();
            cl.setOut(out);
            cl.setErr(spec.commandLine().getErr());
            Throwable[] failure = new Throwable[1];
            cl.setExecutionExceptionHandler((ex, c, parsed) -> {
                failure[0] = ex;
                org.slf4j.LoggerFactory.getLogger(WorkflowCommand.class).debug("{} failed", label, ex);
                return RadnormCli.EXIT_FAILED;
            });
            int code = RadnormCli.execute(cl, step.args().toArray(String[]::new));
            if (code != RadnormCli.EXIT_OK) {
                throw new StepFailedException(label + " (radnorm " + step.args().get(0) + ") failed: "
                        + (failure[0] != null ? Errors.oneLine(failure[0], null) : "exit code " + code));
            }
        }
        out.printf(Locale.ROOT, "workflow: %d steps done in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        out.flush();
        return RadnormCli.EXIT_OK;
    }

    /** Every step's command line, each checked by the command's own parser; a bad step is an {@link IllegalArgumentException}. */
    List<PlannedStep> plan(WorkflowFile wf) {
        List<PlannedStep> plan = new ArrayList<>();
        for (WorkflowFile.Step step : wf.steps()) {
            List<String> args = commandLine(wf.location(), step, RadnormCli.commandLine());
            try {
                RadnormCli.parse(args.toArray(String[]::new));
            } catch (ParameterException e) {
                throw new IllegalArgumentException(wf.location() + ": step '" + step.name() + "' (radnorm "
                        + String.join(" ", step.command()) + "): " + e.getMessage(), e);
            }
            plan.add(new PlannedStep(step.name(), args));
        }
        return plan;
    }

    /** The step's command line: its command's words, then its options as the command spells them. */
    private List<String> commandLine(String location, WorkflowFile.Step step, CommandLine root) {
        String where = location + ": step '" + step.name() + "'";
        CommandLine c = root;
        for (String word : step.command()) {
            CommandLine sub = c.getSubcommands().get(word);
            if (sub == null || sub.getCommandSpec().userObject() instanceof WorkflowCommand
                    || sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                TreeSet<String> names = new TreeSet<>(c.getSubcommands().keySet());
                names.remove("workflow");
                names.remove("help");
                throw new IllegalArgumentException(where + ": unknown command '" + String.join(" ", step.command())
                        + "' (commands: " + String.join(", ", names) + ")");
            }
            c = sub;
        }
        CommandSpec command = c.getCommandSpec();
        Map<String, OptionSpec> byKey = new LinkedHashMap<>();
        for (OptionSpec o : command.options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                byKey.put(ConfigFile.key(o), o);
            }
        }
        String name = String.join(" ", step.command());
        List<String> args = new ArrayList<>(step.command());
        for (Map.Entry<String, Object> e : step.options().entrySet()) {
            OptionSpec o = byKey.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException(where + ": unknown option '" + e.getKey() + "' for 'radnorm " + name
                        + "' (its options: " + String.join(", ", new TreeSet<>(byKey.keySet())) + ")");
            }
            String option = o.longestName();
            Object v = e.getValue();
            if (o.arity().max() == 0) { // a flag
                String s = v instanceof String str ? str.strip().toLowerCase(Locale.ROOT) : "";
                if (!s.equals("true") && !s.equals("false")) {
                    throw new IllegalArgumentException(where + ": '" + e.getKey() + "' is a flag: true or false, not "
                            + v);
                }
                if (s.equals("true")) {
                    args.add(option);
                }
            } else if (o.isMultiValue()) {
                List<String> values = v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                        : List.of(((String) v).strip().split("\\s+"));
                args.add(option);
                args.addAll(values);
            } else if (v instanceof List<?> l) {
                if (l.size() != 1) {
                    throw new IllegalArgumentException(where + ": '" + e.getKey() + "' takes one value, not a list");
                }
                args.add(option + "=" + l.get(0));
            } else if (!((String) v).isEmpty()) { // "key:" with nothing after it: not set
                args.add(option + "=" + v);
            }
        }
        passThrough(args, command, step, "--resume", resume);
        passThrough(args, command, step, "--quiet", logging.quiet && !step.options().containsKey("verbose"));
        passThrough(args, command, step, "--verbose", logging.verbose && !step.options().containsKey("quiet"));
        return args;
    }

    /** Adds the workflow's flag to a step whose command has it and whose options do not set it. */
    private static void passThrough(List<String> args, CommandSpec command, WorkflowFile.Step step, String flag,
                                    boolean given) {
        OptionSpec o = command.findOption(flag);
        if (given && o != null && !step.options().containsKey(ConfigFile.key(o))) {
            args.add(flag);
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    /** The words as a shell would need them typed: quoted where they hold anything but plain characters. */
    static String shellWords(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", out);
    }

    /** A step failed: the message is the whole one-line report. */
    static final class StepFailedException extends RuntimeException {
        StepFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
