package io.radnorm.cli;

import io.radnorm.algorithms.stats.SeamStatistics;
import io.radnorm.spark.CanvasCellPass;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.VisitorAggregator;
import io.radnorm.spark.SparkSessions;
import io.radnorm.raster.RasterInfo;
import io.radnorm.spark.RasterHeaders;
import io.radnorm.spark.SeamReport;
import io.radnorm.spark.report.BeforeAfterPairing;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radnorm stats}: statistics of image collections. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Statistics of image collections.",
        subcommands = {StatsCommand.Compare.class})
final class StatsCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (compare)");
    }

    /** {@code radnorm stats compare}: the seam metric before and after a correction. */
    @Command(name = "compare", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
            description = {"Seam metric: for every overlapping pair, the mean absolute difference and RMSE of the two "
                    + "images over pixels valid in both, per band; before and (optionally) after a correction."})
    static final class Compare implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        LoggingOptions logging;

        @Option(names = "--before", required = true, paramLabel = "INPUTS", description = "The images before correction.")
        String before;

        @Option(names = "--after", paramLabel = "INPUTS",
                description = "The corrected images, paired with --before by name: each belongs to the --before image "
                        + "whose name is the longest prefix of its own (a.tif <-> a_Normalized.tif).")
        String after;

        @Option(names = "--nodata", paramLabel = "VALUE", description = "Nodata of the inputs (overrides the files').")
        String nodata;

        @Option(names = "--window", defaultValue = "" + CanvasCellPass.DEFAULT_CELL_PIXELS, paramLabel = "PIXELS", description = "Canvas cell size.")
        int window;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the metric as JSON.")
        String json;

        @Override
        public Integer call() throws Exception {
            logging.apply();
            SparkSession spark = SparkSessions.getOrCreate("radnorm stats compare");
            Double nd = GlobalOptions.nodata(nodata);
            List<RasterInfo> beforeImages = RasterHeaders.readAll(spark, before);
            SeamReport.Side b = measure(spark, beforeImages, nd);
            SeamReport.Side a = after == null ? null
                    : measure(spark, BeforeAfterPairing.pair(beforeImages, RasterHeaders.readAll(spark, after)), nd);
            SeamReport report = SeamReport.of(b, a);
            PrintWriter out = spec.commandLine().getOut();
            report.print(out);
            if (json != null) {
                report.writeJson(json, spark.sparkContext().hadoopConfiguration());
                out.println("wrote " + json);
            }
            out.flush();
            return RadnormCli.EXIT_OK;
        }

        /** The seam metric of {@code infos}, pair (i, j) meaning the i-th and j-th image of the list. */
        private SeamReport.Side measure(SparkSession spark, List<RasterInfo> infos, Double nd) throws Exception {
            RasterCollection images = RasterCollection.of(infos, nd);
            int bands = images.bandCount();
            SeamStatistics s = CanvasCellPass.aggregate(spark, images, window, "seam metric",
                    new VisitorAggregator<>(bands, true, () -> new SeamStatistics(bands), SeamStatistics::merge));
            return new SeamReport.Side(images.names(), s);
        }
    }
}
