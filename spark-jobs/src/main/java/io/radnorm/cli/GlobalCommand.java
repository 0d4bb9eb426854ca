package io.radnorm.cli;

import io.radnorm.spark.CanvasCellPass;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.global.AdjustmentsJson;
import io.radnorm.spark.global.GlobalModel;
import io.radnorm.spark.global.GlobalRegression;
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

/** {@code radnorm global}: global regression (gain and offset per image and band) and its COG outputs. */
@Command(name = "global", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Global regression: one least-squares gain and offset per image and band from whole-image "
                + "and pairwise-overlap statistics, applied to every input and written as Cloud-Optimized GeoTIFFs."})
final class GlobalCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "INPUTS",
            description = "Folder, glob, comma list or @list.txt of GeoTIFFs (local, s3a://, hdfs://).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTPUT",
            description = "Output folder, or a template where $ is the input name (default file name: "
                    + GlobalRegression.DEFAULT_OUTPUT_TEMPLATE + "). Omit to only measure and solve.")
    String output;

    @Mixin
    GlobalOptions global;

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "Nodata value of every input (overrides the files' own; 'nan' allowed).")
    String nodata;

    @Option(names = "--window", defaultValue = "" + CanvasCellPass.DEFAULT_CELL_PIXELS, paramLabel = "PIXELS",
            description = "Side of the canvas cells each task reads, in pixels of the finest input.")
    int window;

    @Option(names = "--save-adjustments", paramLabel = "JSON", description = "Write statistics and adjustments here.")
    String saveAdjustments;

    @Option(names = "--load-adjustments", paramLabel = "JSON",
            description = "Reuse the statistics of images measured by an earlier run; measure only new ones.")
    String loadAdjustments;

    @Mixin
    MaskOptions mask;

    @Mixin
    CogOutputOptions cog;

    @Mixin
    ResumeOptions resume;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        GlobalRegression.Builder b = GlobalRegression.builder().input(input).settings(global.settings(spec))
                .cellPixels(window).loadStatistics(loadAdjustments).nodata(GlobalOptions.nodata(nodata));
        if (resume.resume && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume needs --output");
        }
        SparkSession spark = SparkSessions.getOrCreate("radnorm global");
        VectorMask vectorMask = mask.read(spark.sparkContext().hadoopConfiguration());
        b.mask(vectorMask);
        PrintWriter out = spec.commandLine().getOut();
        RunRecorder rec = output == null ? null : recorder(spark, vectorMask, out);
        GlobalModel model = rec == null ? null : rec.savedGlobalModel(rec.images());
        if (model == null) {
            model = b.build().run(spark);
            if (rec != null) {
                rec.solved(model);
            }
        }
        final GlobalModel solved = model;
        printModel(out, model);
        if (saveAdjustments != null) {
            AdjustmentsJson.write(model, saveAdjustments, spark.sparkContext().hadoopConfiguration());
            out.println("saved statistics and adjustments to " + saveAdjustments);
        }
        if (output != null) {
            List<CogSummary> written = GlobalRegression.apply(spark, model, output, cog.dataType(), cog.cogOptions(),
                    rec.ledger(model.images(), i -> ModelDigest.of(solved, i)));
            written.forEach(s -> out.println("wrote " + s.location()));
        }
        out.flush();
        return RadnormCli.EXIT_OK;
    }

    /** The run manifest of this run (resumed with {@code --resume}), its inputs fingerprinted. */
    private RunRecorder recorder(SparkSession spark, VectorMask vectorMask, PrintWriter out) throws Exception {
        RunRecorder rec = RunRecorder.open(output, spec.name(), ResumeOptions.resultOptions(spec), resume.resume,
                spark.sparkContext().hadoopConfiguration(), out::println);
        List<String> auxiliary = new ArrayList<>();
        if (mask.mask != null) {
            auxiliary.add(ResumeOptions.fileOf(mask.mask.get(1)));
        }
        if (loadAdjustments != null) {
            auxiliary.add(loadAdjustments);
        }
        rec.inputs(GlobalRegression.readCollection(spark, List.of(input), GlobalOptions.nodata(nodata))
                .withMask(vectorMask), auxiliary);
        return rec;
    }

    static void printModel(PrintWriter out, GlobalModel model) {
        out.printf("%-28s %5s %12s %12s%n", "image", "band", "gain", "offset");
        for (String name : model.names()) {
            for (int b = 0; b < model.bands().size(); b++) {
                var g = model.gainOffset(name, b);
                out.printf(Locale.ROOT, "%-28s %5d %12.6f %12.4f%n", name, b + 1, g.gain(), g.offset());
            }
        }
    }
}
