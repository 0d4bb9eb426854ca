package io.radnorm.cli;

import io.radnorm.algorithms.warp.ResamplingMethod;
import io.radnorm.algorithms.warp.Resolution;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.warp.Align;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radnorm align}: resample / reproject images onto one grid (CRS, resolution, pixel lattice). */
@Command(name = "align", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Resample and reproject images onto one pixel grid (one CRS, one resolution, one lattice), "
                + "one Cloud-Optimized GeoTIFF per input, with GDAL's grid rules and resampling kernels."})
final class AlignCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "INPUTS",
            description = "Folder, glob, comma list or @list.txt of GeoTIFFs (local, s3a://, hdfs://).")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "Output folder, or a template where $ is the input name (default file name: "
                    + Align.DEFAULT_OUTPUT_TEMPLATE + ").")
    String output;

    @Option(names = "--crs", paramLabel = "CRS", description = "Target CRS: EPSG:nnnn or WKT (default: the first input's).")
    String crs;

    @Option(names = "--resolution", defaultValue = "highest", paramLabel = "RES",
            description = "highest, average, lowest (of the inputs' pixel sizes in the target CRS) or a pixel size in CRS units.")
    String resolution;

    @Option(names = "--tap", description = "Target-aligned pixels: bounds snapped to multiples of the resolution (gdalwarp -tap).")
    boolean tap;

    @Option(names = "--resampling", defaultValue = "nearest", paramLabel = "METHOD",
            description = "nearest, bilinear or cubic (GDAL's kernels, over valid pixels only).")
    String resampling;

    @Option(names = "--error-threshold", defaultValue = "0.125", paramLabel = "PIXELS",
            description = "Coordinate approximation error allowed, in source pixels (gdalwarp -et); 0 transforms every pixel exactly.")
    double errorThreshold;

    @Option(names = "--nodata", paramLabel = "VALUE", description = "Nodata of every input and output (default: each file's; 'nan' allowed).")
    String nodata;

    @Option(names = "--block-tiles", defaultValue = "0", paramLabel = "N",
            description = "Tiles per side of the block one task writes (a power of two >= 2; 0: about 2048 pixels).")
    int blockTiles;

    @Mixin
    CogOutputOptions cog;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        Align align = Align.builder().input(input).output(output).crs(crs).resolution(Resolution.parse(resolution))
                .tap(tap).resampling(ResamplingMethod.parse(resampling)).errorThreshold(errorThreshold)
                .nodata(GlobalOptions.nodata(nodata)).outputType(cog.dataType()).options(cog.cogOptions())
                .blockTiles(blockTiles).build();
        SparkSession spark = SparkSessions.getOrCreate("radnorm align");
        List<CogSummary> written = align.run(spark);
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(s -> out.println("wrote " + s.location() + " (" + s.levels().get(0) + ")"));
        out.flush();
        return RadnormCli.EXIT_OK;
    }
}
