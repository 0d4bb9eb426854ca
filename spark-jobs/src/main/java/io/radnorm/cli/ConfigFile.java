package io.radnorm.cli;

import io.radnorm.spark.SessionSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * A job file: {@code radnorm [COMMAND] --config job.yaml [options]}.
 *
 * <p>A YAML mapping whose keys are the command's long option names without the dashes
 * ({@code input}, {@code blocks}, {@code block-valid-threshold}, {@code verbose}...), plus two
 * optional keys: {@code command} (e.g. {@code pipeline} or {@code stats compare}; lets
 * {@code radnorm --config job.yaml} run without naming the command, and refuses a file written for
 * another command) and {@code spark}, a mapping of Spark configuration entries
 * ({@code spark.hadoop.fs.s3a.endpoint: ...}) applied when the Spark session is created, unless
 * {@code spark-submit --conf}, {@code spark-defaults.conf} or {@code -D} already set them.
 *
 * <p>Values are taken as the text a user would type: every scalar stays a string (no YAML 1.1
 * guessing of dates, octals or booleans) and goes through the option's own converter, so a file
 * can hold exactly what the command line accepts. Options taking several values (
 * {@code model-images}, {@code save-block-maps}, {@code load-block-maps}, {@code mask}) take a YAML
 * list, or a scalar split on white space. Flags ({@code verbose}, {@code keep-global}) take
 * {@code true}/{@code false}.
 *
 * <p>The file only supplies defaults: an option given on the command line wins. Single-valued
 * options come through picocli's {@link IDefaultValueProvider} (so {@code required} options are
 * satisfied by the file and {@code --help} shows the file's values as defaults); multi-valued
 * ones, which a default-value provider can only give one token, are set after parsing by
 * {@link #complete}. A key that is not an option of the command is a usage error naming the key.
 */
final class ConfigFile {

    static final String OPTION = "--config";
    static final String COMMAND_KEY = "command";
    static final String SPARK_KEY = "spark";

    final String location;
    /** Option key → String or List of String. */
    final Map<String, Object> options;
    final Map<String, String> spark;
    /** The command's words ({@code [stats, compare]}), or {@code null} when the file names none. */
    final List<String> command;

    private ConfigFile(String location, Map<String, Object> options, Map<String, String> spark, List<String> command) {
        this.location = location;
        this.options = options;
        this.spark = spark;
        this.command = command;
    }

    /** Reads a job file from a local path or any Hadoop URI; a bad file is an {@link IllegalArgumentException}. */
    static ConfigFile read(String location) {
        Object doc;
        Path path = new Path(location);
        try (InputStream in = path.getFileSystem(new Configuration()).open(path);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            doc = yaml().load(r);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(location + ": no such config file");
        } catch (IOException e) {
            throw new IllegalArgumentException(location + ": cannot read the config file: " + e.getMessage());
        } catch (YAMLException e) {
            throw new IllegalArgumentException(location + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (doc == null) {
            doc = Map.of();
        }
        if (!(doc instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException(location + ": a config file is a mapping of option names to values");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, String> spark = new LinkedHashMap<>();
        List<String> command = null;
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (key.equals(SPARK_KEY)) {
                if (!(value instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException(location + ": 'spark' must be a mapping of Spark settings");
                }
                m.forEach((k, v) -> spark.put(String.valueOf(k), scalar(location, "spark." + k, v)));
            } else if (key.equals(COMMAND_KEY)) {
                command = List.of(scalar(location, key, value).trim().split("\\s+"));
            } else if (value instanceof List<?> list) {
                List<String> values = new ArrayList<>();
                for (Object v : list) {
                    values.add(scalar(location, key, v));
                }
                options.put(key, values);
            } else {
                String s = scalar(location, key, value);
                if (!s.isEmpty()) { // "key:" with nothing after it: not set
                    options.put(key, s);
                }
            }
        }
        return new ConfigFile(location, options, spark, command);
    }

    private static String scalar(String location, String key, Object v) {
        if (v instanceof Map || v instanceof List) {
            throw new IllegalArgumentException(location + ": '" + key + "' takes a value, not a "
                    + (v instanceof Map ? "mapping" : "list"));
        }
        return v == null ? "" : v.toString();
    }

    /** SnakeYAML with no implicit types: every scalar is read as the string it is written as. */
    static Yaml yaml() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Resolver stringsOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: "1e-3", "yes", "2024-01-01" and "010" stay text, converted by the option itself
            }
        };
        return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader, stringsOnly);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** The key of an option in a job file: its longest name without the leading dashes. */
    static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }

    /** The {@code --config} value seen from {@code command} (the option is inherited by every command). */
    static String location(CommandSpec command) {
        for (CommandSpec c = command; c != null; c = c.parent()) {
            OptionSpec o = c.findOption(OPTION);
            if (o != null && o.getValue() != null) {
                return o.getValue();
            }
        }
        return null;
    }

    /** Supplies single-valued options from the job file named by {@code --config}. */
    static final class Defaults implements IDefaultValueProvider {
        private final Map<String, ConfigFile> cache = new HashMap<>();

        ConfigFile file(CommandSpec command) {
            String location = location(command);
            if (location == null) {
                return null;
            }
            try {
                return cache.computeIfAbsent(location, ConfigFile::read);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), e.getMessage(), e);
            }
        }

        @Override
        public String defaultValue(ArgSpec arg) {
            if (!(arg instanceof OptionSpec o) || o.isMultiValue() || o.longestName().equals(OPTION)) {
                return null;
            }
            ConfigFile f = file(arg.command());
            Object v = f == null ? null : f.options.get(key(o));
            if (v instanceof List<?> list) {
                if (list.size() != 1) {
                    throw new ParameterException(arg.command().commandLine(),
                            f.location + ": '" + key(o) + "' takes one value, not a list");
                }
                return (String) list.get(0);
            }
            return (String) v;
        }
    }

    /**
     * Finishes a parse once the job file is known: runs the file's {@code command} when the command
     * line named none, checks that every key is an option of the command, sets the multi-valued
     * options the command line did not give, and hands the {@code spark} entries to the session.
     */
    static ParseResult complete(CommandLine root, ParseResult parsed) {
        SessionSettings.sparkConf(Map.of());
        String location = location(parsed.commandSpec());
        if (location == null) {
            return parsed;
        }
        ParseResult leaf = leaf(parsed);
        ConfigFile f;
        try {
            f = read(location);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(leaf.commandSpec().commandLine(), e.getMessage(), e);
        }
        CommandSpec spec = leaf.commandSpec();
        if (spec.parent() == null || leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
            return parsed; // no command to check the file against ("missing command"), or only help
        }
        String name = commandName(spec);
        if (f.command != null && !String.join(" ", f.command).equals(name)) {
            throw new ParameterException(spec.commandLine(), location + " is a job file for 'radnorm "
                    + String.join(" ", f.command) + "', not 'radnorm " + name + "'");
        }
        Map<String, OptionSpec> byKey = new HashMap<>();
        for (OptionSpec o : spec.options()) {
            if (!o.usageHelp() && !o.versionHelp() && !o.longestName().equals(OPTION)) {
                byKey.put(key(o), o);
            }
        }
        for (Map.Entry<String, Object> e : f.options.entrySet()) {
            OptionSpec o = byKey.get(e.getKey());
            if (o == null) {
                throw new ParameterException(spec.commandLine(), location + ": unknown key '" + e.getKey()
                        + "' for 'radnorm " + name + "' (its keys: " + String.join(", ", new TreeSet<>(byKey.keySet()))
                        + ", command, spark)");
            }
            if (o.isMultiValue() && !leaf.hasMatchedOption(o)) {
                setList(spec, f, o, e.getValue());
            }
        }
        SessionSettings.sparkConf(f.spark);
        return parsed;
    }

    private static void setList(CommandSpec spec, ConfigFile f, OptionSpec o, Object value) {
        List<String> values = value instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(((String) value).trim().split("\\s+"));
        CommandLine.Range arity = o.arity();
        if (values.size() < arity.min() || values.size() > arity.max()) {
            throw new ParameterException(spec.commandLine(), f.location + ": '" + key(o) + "' takes "
                    + arity + " values (" + o.paramLabel() + "), not " + values.size());
        }
        o.setValue(new ArrayList<>(values));
    }

    /**
     * The arguments with the job file's {@code command} put first when the command line names no
     * command ({@code radnorm --config job.yaml --output x/}); otherwise the arguments as given.
     */
    static String[] withCommand(CommandLine root, String[] args) {
        String location = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals(OPTION) && i + 1 < args.length) {
                location = args[++i];
            } else if (a.startsWith(OPTION + "=")) {
                location = a.substring(OPTION.length() + 1);
            } else if (!a.startsWith("-")) {
                if (root.getSubcommands().containsKey(a)) {
                    return args; // the command line names its command
                }
                break;
            }
        }
        if (location == null) {
            return args;
        }
        for (int i = 0; i < args.length; i++) { // the file may come later: radnorm --output x --config f
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                location = args[i + 1];
            }
        }
        ConfigFile f;
        try {
            f = read(location);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(root, e.getMessage(), e);
        }
        if (f.command == null) {
            return args;
        }
        List<String> out = new ArrayList<>(f.command);
        out.addAll(List.of(args));
        return out.toArray(String[]::new);
    }

    static ParseResult leaf(ParseResult r) {
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r;
    }

    /** {@code pipeline}, {@code stats compare}: the command's words after {@code radnorm}. */
    static String commandName(CommandSpec spec) {
        List<String> words = new ArrayList<>();
        for (CommandSpec c = spec; c != null && c.parent() != null; c = c.parent()) {
            words.add(0, c.name());
        }
        return String.join(" ", words);
    }
}
