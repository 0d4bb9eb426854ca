package io.radnorm.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A workflow file: radnorm commands run one after another ({@code radnorm workflow FILE.yaml}).
 *
 * <pre>
 * vars:                      # ${name} in any value below; --set name=value overrides
 *   out: out/mosaic
 * spark:                     # Spark settings for the one session every step shares
 *   spark.sql.shuffle.partitions: "8"
 * steps:
 *   - name: global           # unique; default: the command
 *     command: global        # any radnorm command ("stats compare": its words)
 *     options:               # exactly that command's options, as in a --config job file
 *       input: data/sample/mosaic
 *       output: ${out}/global/
 * </pre>
 *
 * <p>As in a job file ({@link ConfigFile}) every scalar is the text a user would type (no YAML type
 * guessing), a list is an option's several values, and a flag takes {@code true} or
 * {@code false}. A var's value may use the vars above it. {@code ${name}} with no such var, a
 * {@code --set} of an undeclared var, an unknown key, a missing {@code command} or a duplicate
 * step name is an {@link IllegalArgumentException} naming the file (and the step).
 */
record WorkflowFile(String location, Map<String, String> vars, Map<String, String> spark, List<Step> steps) {

    /** One step: its name, its command's words, and its options (key → String or List of String). */
    record Step(String name, List<String> command, Map<String, Object> options) {
    }

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
    private static final Set<String> TOP_KEYS = Set.of("vars", "spark", "steps");
    private static final Set<String> STEP_KEYS = Set.of("name", "command", "options");

    /** Reads the file (local path or any Hadoop URI), applies {@code overrides} to its vars and substitutes them. */
    static WorkflowFile read(String location, Map<String, String> overrides) {
        Object doc;
        Path path = new Path(location);
        try (InputStream in = path.getFileSystem(new Configuration()).open(path);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            doc = ConfigFile.yaml().load(r);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(location + ": no such workflow file");
        } catch (IOException e) {
            throw new IllegalArgumentException(location + ": cannot read the workflow file: " + e.getMessage());
        } catch (YAMLException e) {
            throw new IllegalArgumentException(location + ": not valid YAML: "
                    + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\n\\s*", " "));
        }
        return parse(location, doc, overrides);
    }

    static WorkflowFile parse(String location, Object doc, Map<String, String> overrides) {
        if (!(doc instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException(location + ": a workflow file is a mapping with 'steps' (and 'vars', 'spark')");
        }
        for (Object k : top.keySet()) {
            if (!TOP_KEYS.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(location + ": unknown key '" + k + "' (keys: vars, spark, steps)");
            }
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : mapping(location, "vars", top.get("vars")).entrySet()) {
            String name = String.valueOf(e.getKey());
            String value = overrides.containsKey(name) ? overrides.get(name) : scalar(location, "vars." + name, e.getValue());
            vars.put(name, substitute(location, "vars." + name, value, vars));
        }
        for (String name : overrides.keySet()) {
            if (!vars.containsKey(name)) {
                throw new IllegalArgumentException(location + ": --set " + name + ": no such var (its vars: "
                        + (vars.isEmpty() ? "none" : String.join(", ", vars.keySet())) + ")");
            }
        }
        Map<String, String> spark = new LinkedHashMap<>();
        mapping(location, "spark", top.get("spark")).forEach((k, v) -> spark.put(String.valueOf(k),
                substitute(location, "spark." + k, scalar(location, "spark." + k, v), vars)));

        if (!(top.get("steps") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(location + ": 'steps' must be a non-empty list of {name, command, options}");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int k = 0; k < list.size(); k++) {
            String where = location + ": step " + (k + 1);
            if (!(list.get(k) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + " must be a mapping {name, command, options}");
            }
            for (Object key : m.keySet()) {
                if (!STEP_KEYS.contains(String.valueOf(key))) {
                    throw new IllegalArgumentException(where + ": unknown key '" + key + "' (keys: name, command, options)");
                }
            }
            String command = substitute(location, "command", scalar(where, "command", m.get("command")), vars).strip();
            if (command.isEmpty()) {
                throw new IllegalArgumentException(where + ": no 'command'");
            }
            String name = m.get("name") == null ? command : substitute(location, "name", scalar(where, "name", m.get("name")), vars);
            where = location + ": step '" + name + "'";
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": another step has this name");
            }
            Map<String, Object> options = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : mapping(where, "options", m.get("options")).entrySet()) {
                String key = String.valueOf(e.getKey());
                if (e.getValue() instanceof List<?> values) {
                    List<String> out = new ArrayList<>();
                    for (Object v : values) {
                        out.add(substitute(where, key, scalar(where, key, v), vars));
                    }
                    options.put(key, out);
                } else {
                    options.put(key, substitute(where, key, scalar(where, key, e.getValue()), vars));
                }
            }
            steps.add(new Step(name, List.of(command.split("\\s+")), options));
        }
        return new WorkflowFile(location, vars, spark, List.copyOf(steps));
    }

    /** {@code value} with every {@code ${name}} replaced by its var. */
    static String substitute(String where, String key, String value, Map<String, String> vars) {
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException(where + ": '" + key + "' uses ${" + m.group(1) + "}, which is not in "
                        + "'vars' (" + (vars.isEmpty() ? "none" : String.join(", ", vars.keySet())) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<?, ?> mapping(String where, String key, Object v) {
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a mapping");
        }
        return m;
    }

    private static String scalar(String where, String key, Object v) {
        if (v instanceof Map || v instanceof List) {
            throw new IllegalArgumentException(where + ": '" + key + "' takes a value, not a "
                    + (v instanceof Map ? "mapping" : "list"));
        }
        return v == null ? "" : v.toString();
    }
}
