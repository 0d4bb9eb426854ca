package io.radnorm.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --resume}, shared by {@code pipeline}, {@code local} and {@code global}, and the
 * normalised map of a command's result-affecting options recorded in its run manifest.
 */
public final class ResumeOptions {

    /**
     * Options that do not change what is written: logging, where extra copies go, the manifest's own
     * switches, the input list (compared file by file instead), the output (it locates the manifest)
     * and the cell size (only the order of floating-point sums; a resumed run applies the saved model).
     */
    static final Set<String> NOT_RESULT_AFFECTING = Set.of("--help", "--version", "--verbose", "--quiet",
            "--log-file", "--config", "--resume", "--input", "--output", "--window", "--save-adjustments", "--save-block-maps");

    @Option(names = "--resume", description = "Finish an interrupted run: read OUTPUT's _radnorm/manifest.json, reuse "
            + "the saved model if no input changed, keep finished outputs and write the rest. Options that change "
            + "the results must be the same.")
    boolean resume;

    /** Every option of {@code spec} that affects the outputs, by longest name, with its value as text. */
    static SortedMap<String, String> resultOptions(CommandLine.Model.CommandSpec spec) {
        SortedMap<String, String> out = new TreeMap<>();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (!NOT_RESULT_AFFECTING.contains(o.longestName())) {
                out.put(o.longestName(), text(o.getValue()));
            }
        }
        return out;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(x -> parts.add(String.valueOf(x)));
            return String.join(" ", parts);
        }
        return String.valueOf(v);
    }

    /** The file of a {@code file.gpkg#layer} vector reference. */
    static String fileOf(String vector) {
        int hash = vector.indexOf('#');
        return hash < 0 ? vector : vector.substring(0, hash);
    }
}
