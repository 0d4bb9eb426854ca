package io.radnorm.spark.manifest;

import io.radnorm.algorithms.local.LocalAdjustmentSettings;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.spark.OutputLedger;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.global.GlobalModel;
import io.radnorm.spark.pipeline.PipelineModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a run's manifest ({@link RunManifest}) on the driver and, with {@code --resume}, decides
 * what of the recorded run to reuse ({@link ResumePlan}). A command uses it in run order:
 *
 * <pre>{@code
 * RunRecorder rec = RunRecorder.open(output, "pipeline", options, resume, conf, out::println);
 * rec.inputs(images, auxiliaryFiles);                 // fingerprints; a fresh run writes its manifest now
 * PipelineModel m = rec.savedPipelineModel(images, true, settings);  // null: measure and solve
 * if (m == null) { m = pipeline.run(spark); rec.solved(m); }         // saves the model into _radnorm/
 * Pipeline.apply(spark, m, output, template, type, cog, rec.ledger(images, i -> ModelDigest.of(m, i)));
 * }</pre>
 *
 * Only this object, on the driver's main thread, writes the manifest: once when the inputs are
 * known, once when the model is saved, and once after each output is committed (the write job
 * hands each finished output to the driver as its task ends, {@link io.radnorm.spark.TaskResults}).
 */
public final class RunRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    /**
     * Test hook: after recording this many outputs the driver stops recording and waits, so a test
     * can kill it at a known point ({@code -Dradnorm.testing.pauseAfterRecordedOutputs=1}).
     */
    public static final String PAUSE_PROPERTY = "radnorm.testing.pauseAfterRecordedOutputs";

    private final String folder;
    private final String manifestUri;
    private final Configuration conf;
    private final Consumer<String> report;
    private final RunManifest recorded; // null: nothing to resume
    private RunManifest manifest;
    private ResumePlan plan;
    private final Map<String, FileFingerprint> inputsByUri = new HashMap<>();
    private boolean modelLoaded;
    private RasterCollection images;
    private int recordedOutputs;

    private RunRecorder(String folder, Configuration conf, Consumer<String> report, RunManifest recorded,
                        RunManifest manifest) {
        this.folder = folder;
        this.manifestUri = folder + RunManifest.FILE;
        this.conf = conf;
        this.report = report;
        this.recorded = recorded;
        this.manifest = manifest;
    }

    /**
     * Starts recording a run writing to {@code output}; with {@code resume}, reads the manifest there
     * and refuses one this command line does not match.
     *
     * @param options the options that affect the outputs, normalised
     * @param report where to tell the user what is reused (the command's output)
     * @throws IllegalArgumentException when {@code resume} and the recorded run differs in version,
     *     command or a result-affecting option
     */
    public static RunRecorder open(String output, String command, SortedMap<String, String> options, boolean resume,
                                   Configuration conf, Consumer<String> report) throws IOException {
        String folder = RunManifest.folder(output);
        RunManifest fresh = new RunManifest(version(), command, options, List.of(), List.of(), null, List.of());
        RunManifest recorded = null;
        if (resume) {
            recorded = ManifestJson.read(folder + RunManifest.FILE, conf);
            if (recorded == null) {
                say(report, "resume: no run manifest at " + folder + RunManifest.FILE + "; running in full");
            } else {
                ResumePlan.checkCompatible(recorded, version(), command, options, folder + RunManifest.FILE);
            }
        }
        return new RunRecorder(folder, conf, report, recorded, recorded != null ? recorded : fresh);
    }

    /** The manifest's URI. */
    public String manifestUri() {
        return manifestUri;
    }

    /**
     * Fingerprints the inputs (the collection's rasters and {@code auxiliary} files) and decides
     * whether the saved model can be reused; a fresh run writes its first manifest when the model is
     * solved ({@link #solved}).
     */
    public void inputs(RasterCollection images, List<String> auxiliary) throws IOException {
        this.images = images;
        List<FileFingerprint> in = FileFingerprint.of(images.infos().stream().map(i -> i.location()).toList(), conf);
        List<FileFingerprint> aux = FileFingerprint.of(auxiliary, conf);
        in.forEach(f -> inputsByUri.put(f.uri(), f));
        if (recorded == null) {
            // Written first once the model is solved: a run that fails on bad input before that
            // leaves nothing in the output folder (and there would be nothing to resume).
            manifest = manifest.withInputs(in, aux);
            return;
        }
        plan = ResumePlan.of(recorded, in, aux);
        if (!plan.reuseModel()) {
            plan.modelInvalidations().forEach(r -> say(report, "resume: " + r));
            say(report, "resume: the model depends on the statistics of every input: measuring all "
                    + in.size() + " inputs again and solving again; outputs whose correction comes out the same "
                    + "are kept");
            manifest = manifest.withInputs(in, aux).withModel(null);
            ManifestJson.write(manifest, manifestUri, conf);
        }
    }

    /** The input rasters given to {@link #inputs}. */
    public RasterCollection images() {
        return images;
    }

    /** The saved global model when it can be reused, else {@code null} (measure and solve, then {@link #solved}). */
    public GlobalModel savedGlobalModel(RasterCollection images) throws IOException {
        if (!canLoad()) {
            return null;
        }
        GlobalModel m = SavedModels.loadGlobal(manifest.model(), images, false, folder, conf);
        loaded();
        return m;
    }

    /** The saved pipeline model when it can be reused, else {@code null} (measure and solve, then {@link #solved}). */
    public PipelineModel savedPipelineModel(RasterCollection images, boolean withGlobal,
                                            LocalAdjustmentSettings settings) throws IOException {
        if (!canLoad()) {
            return null;
        }
        PipelineModel m = SavedModels.loadPipeline(manifest.model(), images, withGlobal, settings, folder, conf);
        loaded();
        return m;
    }

    private boolean canLoad() throws IOException {
        if (recorded == null || plan == null || !plan.reuseModel()) {
            return false;
        }
        List<String> damaged = SavedModels.damaged(manifest.model(), folder, conf);
        if (!damaged.isEmpty()) {
            say(report, "resume: saved model file " + damaged.get(0) + " is missing or changed; measuring again");
            manifest = manifest.withModel(null);
            return false;
        }
        return true;
    }

    private void loaded() {
        modelLoaded = true;
        say(report, "resume: inputs unchanged; applying the model saved in " + folder + " (no statistics pass)");
    }

    /** Saves a freshly solved global model into {@code _radnorm/} and records it (nothing to do for a loaded one). */
    public void solved(GlobalModel model) throws IOException {
        if (!modelLoaded) {
            record(SavedModels.save(model, folder, conf));
        }
    }

    /** Saves a freshly solved pipeline model into {@code _radnorm/} and records it (nothing to do for a loaded one). */
    public void solved(PipelineModel model) throws IOException {
        if (!modelLoaded) {
            record(SavedModels.save(model, folder, conf));
        }
    }

    private void record(ModelRecord m) throws IOException {
        manifest = manifest.withModel(m);
        ManifestJson.write(manifest, manifestUri, conf);
    }

    /**
     * The ledger of one write pass: keeps finished outputs (only when resuming) and records each
     * output committed.
     *
     * @param digest image index → {@link ModelDigest} of the correction this pass applies to it
     */
    public OutputLedger ledger(RasterCollection images, IntFunction<String> digest) {
        Map<String, Integer> imageOf = new HashMap<>();
        return new OutputLedger() {
            @Override
            public boolean isFinished(int image, String uri) {
                imageOf.put(uri, image);
                try {
                    return recorded != null && isKept(images.info(image).location(), uri, digest.apply(image));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void committed(CogSummary s) {
                int i = imageOf.get(s.location());
                try {
                    OutputRecord r = new OutputRecord(images.info(i).name(), FileFingerprint.of(s.location(), conf),
                            s.overviewCount(), s.bigTiff(), inputsByUri.get(images.info(i).location()),
                            digest.apply(i));
                    manifest = manifest.withOutput(r);
                    ManifestJson.write(manifest, manifestUri, conf);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                pauseIfTesting(++recordedOutputs);
            }
        };
    }

    private boolean isKept(String input, String uri, String digest) throws IOException {
        OutputRecord r = manifest.output(uri);
        if (r == null) {
            return false;
        }
        FileFingerprint in = inputsByUri.get(input);
        String why = null;
        if (r.input() == null || !r.input().uri().equals(input) || in.changeSince(r.input()) != null) {
            why = "its input changed";
        } else if (!digest.equals(r.correction())) {
            why = "its correction changed";
        } else {
            FileFingerprint now = FileFingerprint.ofExisting(uri, conf);
            if (now == null) {
                why = "it was deleted";
            } else if (now.changeSince(r.file()) != null) {
                why = "the file changed since it was recorded (" + now.changeSince(r.file()) + ")";
            }
        }
        if (why != null) {
            say(report, "resume: writing " + uri + " again: " + why);
            manifest = manifest.withoutOutput(uri);
            return false;
        }
        say(report, "resume: kept finished output " + uri);
        return true;
    }

    private static void pauseIfTesting(int outputs) {
        Integer pause = Integer.getInteger(PAUSE_PROPERTY);
        if (pause != null && outputs >= pause) {
            LOG.warn("{}={}: pausing the driver after {} recorded outputs", PAUSE_PROPERTY, pause, outputs);
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void say(Consumer<String> report, String line) {
        if (report != null) {
            report.accept(line);
            LOG.debug(line);
        } else {
            LOG.info(line);
        }
    }

    /** radnorm's version, as the build wrote it into {@code radnorm/version.properties}. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = RunRecorder.class.getResourceAsStream("/radnorm/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
