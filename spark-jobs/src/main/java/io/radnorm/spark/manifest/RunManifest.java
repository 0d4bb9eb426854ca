package io.radnorm.spark.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The record of one run of {@code pipeline}, {@code local} or {@code global}, kept at
 * {@code <output folder>/_radnorm/manifest.json} ({@link #location}) so that {@code --resume} can
 * finish an interrupted run without redoing what is done.
 *
 * @param radnormVersion the version that wrote it
 * @param command {@code pipeline}, {@code local} or {@code global}
 * @param options the options that affect the outputs, normalised (name → value, {@code null}: not given)
 * @param inputs the input rasters, in run order
 * @param auxiliaryInputs other files the results depend on (mask vector, loaded adjustments or block maps)
 * @param model the saved model, {@code null} until the statistics are measured and solved
 * @param outputs the finished outputs, in commit order (one per URI)
 */
public record RunManifest(String radnormVersion, String command, SortedMap<String, String> options,
                          List<FileFingerprint> inputs, List<FileFingerprint> auxiliaryInputs, ModelRecord model,
                          List<OutputRecord> outputs) {

    /** Folder of the saved model and the manifest, inside the output folder. */
    public static final String FOLDER = "_radnorm/";
    public static final String FILE = "manifest.json";

    public RunManifest {
        options = new TreeMap<>(options);
        inputs = List.copyOf(inputs);
        auxiliaryInputs = List.copyOf(auxiliaryInputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * The {@code _radnorm/} folder of a run writing to {@code output}: inside {@code output} when it
     * is a folder; for a {@code $} template, inside the folder of the template's fixed part — the
     * text before the first {@code $} up to its last {@code /} ({@code out/$_N.tif} and
     * {@code out/$/n.tif} → {@code out/_radnorm/}; {@code $_N.tif} → {@code ./_radnorm/}). It never
     * depends on which images there are, so adding an input does not move the manifest.
     */
    public static String folder(String output) {
        String base;
        if (output.contains("$")) {
            String fixed = output.substring(0, output.indexOf('$'));
            int slash = fixed.lastIndexOf('/');
            base = slash < 0 ? "./" : fixed.substring(0, slash + 1);
        } else {
            base = output.endsWith("/") ? output : output + "/";
        }
        return base + FOLDER;
    }

    /** The manifest's URI for {@code output}. */
    public static String location(String output) {
        return folder(output) + FILE;
    }

    public RunManifest withModel(ModelRecord m) {
        return new RunManifest(radnormVersion, command, options, inputs, auxiliaryInputs, m, outputs);
    }

    public RunManifest withInputs(List<FileFingerprint> in, List<FileFingerprint> aux) {
        return new RunManifest(radnormVersion, command, options, in, aux, model, outputs);
    }

    /** This manifest with {@code o} recorded, replacing an earlier record of the same URI. */
    public RunManifest withOutput(OutputRecord o) {
        List<OutputRecord> out = new ArrayList<>(withoutOutput(o.file().uri()).outputs);
        out.add(o);
        return new RunManifest(radnormVersion, command, options, inputs, auxiliaryInputs, model, out);
    }

    public RunManifest withoutOutput(String uri) {
        List<OutputRecord> out = new ArrayList<>(outputs);
        out.removeIf(r -> r.file().uri().equals(uri));
        return new RunManifest(radnormVersion, command, options, inputs, auxiliaryInputs, model, out);
    }

    /** The recorded output at {@code uri}, or {@code null}. */
    public OutputRecord output(String uri) {
        return outputs.stream().filter(r -> r.file().uri().equals(uri)).findFirst().orElse(null);
    }
}
