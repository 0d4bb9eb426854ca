package io.radnorm.cli;

import io.radnorm.spark.CanvasCellPass;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.global.GlobalRegression;
import io.radnorm.spark.pipeline.Pipeline;
import io.radnorm.spark.pipeline.PipelineModel;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.spark.manifest.ModelDigest;
import io.radnorm.spark.manifest.RunRecorder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radnorm pipeline} (global then local, the main job) and {@code radnorm local} (the local
 * block adjustment alone): two read passes over the pixels, one write.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Global-to-local normalization in one job: global regression, then local block adjustment, "
                + "applied in one pass and written once as Cloud-Optimized GeoTIFFs."})
class PipelineCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "INPUTS",
            description = "Folder, glob, comma list or @list.txt of GeoTIFFs (local, s3a://, hdfs://).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTPUT",
            description = "Output folder, or a template where $ is the input name. Omit to only measure and solve.")
    String output;

    @Option(names = "--nodata", paramLabel = "VALUE", description = "Nodata of every input (overrides the files').")
    String nodata;

    @Option(names = "--window", defaultValue = "" + CanvasCellPass.DEFAULT_CELL_PIXELS, paramLabel = "PIXELS",
            description = "Side of the canvas cells each task reads, in pixels of the finest input.")
    int window;

    @Mixin
    GlobalOptions global;

    @Option(names = "--keep-global", description = "Also write the global-only result ($_Global.tif).")
    boolean keepGlobal;

    @Mixin
    LocalOptions local;

    @Mixin
    MaskOptions mask;

    @Mixin
    CogOutputOptions cog;

    @Mixin
    ResumeOptions resume;

    /** Whether this command runs the global step first. */
    boolean withGlobal() {
        return true;
    }

    String template() {
        return Pipeline.DEFAULT_OUTPUT_TEMPLATE;
    }

    @Override
    public Integer call() throws Exception {
        logging.apply();
        Pipeline.Builder b = Pipeline.builder().input(input).nodata(GlobalOptions.nodata(nodata)).cellPixels(window)
                .global(withGlobal()).globalSettings(global.settings(spec));
        local.configure(b);
        if (resume.resume && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume needs --output");
        }
        SparkSession spark = SparkSessions.getOrCreate("radnorm " + spec.name());
        VectorMask vectorMask = mask.read(spark.sparkContext().hadoopConfiguration());
        b.mask(vectorMask);
        PrintWriter out = spec.commandLine().getOut();
        RunRecorder rec = null;
        PipelineModel model = null;
        if (output != null) {
            RasterCollection images = GlobalRegression.readCollection(spark, List.of(input),
                    GlobalOptions.nodata(nodata)).withMask(vectorMask);
            rec = recorder(spark, images, out);
            model = rec.savedPipelineModel(images, withGlobal(), local.settings());
        }
        if (model == null) {
            model = b.build().run(spark);
            if (rec != null) {
                rec.solved(model);
            }
        }
        final PipelineModel solved = model;
        if (withGlobal()) {
            GlobalCommand.printModel(out, model.global());
        }
        out.printf(Locale.ROOT, "block grid: %d rows x %d columns of %.1f x %.1f map units%n", model.grid().rows(),
                model.grid().cols(), model.grid().blockWidth(), model.grid().blockHeight());
        if (local.saveBlockMaps != null) {
            Pipeline.saveBlockMaps(model, local.saveBlockMaps.get(0),
                    local.saveBlockMaps.size() > 1 ? local.saveBlockMaps.get(1) : null,
                    spark.sparkContext().hadoopConfiguration());
            out.println("saved block maps to " + String.join(", ", local.saveBlockMaps));
        }
        if (output != null) {
            List<CogSummary> written = Pipeline.apply(spark, model, output, template(), cog.dataType(),
                    cog.cogOptions(), rec.ledger(model.images(), i -> ModelDigest.of(solved, i)));
            written.forEach(s -> out.println("wrote " + s.location()));
            for (var image : model.images().infos()) { // Pipeline.apply skips them, with a warning
                if (model.global().statistics().hasNoValidPixel(image.name())) {
                    out.println("skipped " + image.location() + ": no valid pixel (all nodata)");
                }
            }
            if (keepGlobal && withGlobal()) {
                GlobalRegression.apply(spark, model.global(), output, cog.dataType(), cog.cogOptions(),
                        rec.ledger(model.images(), i -> ModelDigest.of(solved.global(), i)))
                        .forEach(s -> out.println("wrote " + s.location()));
            }
        }
        out.flush();
        return RadnormCli.EXIT_OK;
    }

    /** The run manifest of this run (resumed with {@code --resume}), its inputs fingerprinted. */
    private RunRecorder recorder(SparkSession spark, RasterCollection images, PrintWriter out) throws Exception {
        var conf = spark.sparkContext().hadoopConfiguration();
        RunRecorder rec = RunRecorder.open(output, spec.name(), ResumeOptions.resultOptions(spec), resume.resume,
                conf, out::println);
        List<String> auxiliary = new ArrayList<>();
        if (mask.mask != null) {
            auxiliary.add(ResumeOptions.fileOf(mask.mask.get(1)));
        }
        if (local.loadBlockMaps != null) {
            auxiliary.addAll(local.loadBlockMaps);
        }
        rec.inputs(images, auxiliary);
        return rec;
    }

    /** {@code radnorm local}: the local block adjustment alone. */
    @Command(name = "local", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
            description = {"Local block adjustment: each pixel is brought to the reference block map (mean of the "
                    + "images' block maps) by a gamma (or linear) correction from bilinearly interpolated block means."})
    static final class LocalCommand extends PipelineCommand {
        @Override
        boolean withGlobal() {
            return false;
        }

        @Override
        String template() {
            return Pipeline.LOCAL_OUTPUT_TEMPLATE;
        }
    }
}
