package io.radnorm.cli;

import io.radnorm.spark.CanvasCellPass;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.report.NormalizationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radnorm report}: pictures of a normalization (charts, quick-looks, block maps) and an index.html. */
@Command(name = "report", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Pictures of a normalization, before and after: mean spectral profiles, seam RMSE per "
                + "overlapping pair, RGB quick-looks of the mosaic and the block maps, as PNGs tied together by "
                + "index.html.",
            "After images are paired with before images by name: a.tif <-> a_Normalized.tif (the before name "
                + "that is the longest prefix of the after name)."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--before", required = true, paramLabel = "INPUTS",
            description = "The images before correction: folder, glob, comma list or @list.txt.")
    String before;

    @Option(names = "--after", required = true, paramLabel = "INPUTS",
            description = "The corrected images (e.g. 'out/*_Normalized.tif'), paired with --before by name.")
    String after;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FOLDER",
            description = "Folder for the PNGs and index.html (local, s3a://, hdfs://).")
    String output;

    @Option(names = "--block-maps", arity = "1..*", paramLabel = "MAP",
            description = "Block maps to draw, as written by pipeline --save-block-maps: the reference, then images' maps.")
    List<String> blockMaps;

    @Option(names = "--rgb", paramLabel = "R,G,B", split = ",",
            description = "1-based bands shown as red, green, blue, or one band as grey. Default: bands 1,2,3 "
                    + "(band 1 as grey with fewer than three bands).")
    int[] rgb;

    @Option(names = "--quicklook-size", defaultValue = "1024", paramLabel = "PIXELS",
            description = "Long side of the quick-looks.")
    int quicklookSize;

    @Option(names = "--nodata", paramLabel = "VALUE", description = "Nodata of the inputs (overrides the files').")
    String nodata;

    @Option(names = "--window", defaultValue = "" + CanvasCellPass.DEFAULT_CELL_PIXELS, paramLabel = "PIXELS",
            description = "Canvas cell size of the statistics pass.")
    int window;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        NormalizationReport report = NormalizationReport.builder().before(before).after(after).output(output)
                .blockMaps(blockMaps).rgb(rgb).quicklookSize(quicklookSize).nodata(GlobalOptions.nodata(nodata))
                .cellPixels(window).build();
        SparkSession spark = SparkSessions.getOrCreate("radnorm report");
        NormalizationReport.Result r = report.run(spark);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "seam RMSE: %.3f before, %.3f after%n", r.seams().overallBefore().rmse(),
                r.seams().overallAfter().rmse());
        r.files().forEach(f -> out.println("wrote " + f));
        out.flush();
        return RadnormCli.EXIT_OK;
    }
}
