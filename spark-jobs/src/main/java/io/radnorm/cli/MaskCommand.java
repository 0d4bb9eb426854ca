package io.radnorm.cli;

import io.radnorm.algorithms.mask.MaskMode;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.vector.VectorLayers;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.geometry.VectorMasking;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radnorm mask}: nodata outside (or inside) the polygons of a vector file, written as COGs. */
@Command(name = "mask", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Apply a vector mask to rasters: pixels outside the polygons (include) or inside them "
                + "(exclude) become nodata; written as Cloud-Optimized GeoTIFFs."})
final class MaskCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "INPUTS",
            description = "Folder, glob, comma list or @list.txt of GeoTIFFs (local, s3a://, hdfs://).")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "Output folder, or a template where $ is the input name (default file name: "
                    + VectorMasking.DEFAULT_OUTPUT_TEMPLATE + ").")
    String output;

    @Option(names = "--vector", required = true, paramLabel = "VECTOR",
            description = "Polygons: a GeoPackage (file.gpkg or file.gpkg#layer) or GeoJSON file, in any EPSG CRS.")
    String vector;

    @Option(names = "--mode", defaultValue = "include", paramLabel = "include|exclude",
            description = "Keep the pixels inside the polygons (include) or outside them (exclude).")
    String mode;

    @Option(names = "--field", paramLabel = "NAME",
            description = "Each image uses only the features whose NAME attribute contains the image's name.")
    String field;

    @Option(names = "--all-touched", description = "Every pixel the polygons touch counts as inside, not only "
            + "those whose centre is inside (gdal_rasterize -at).")
    boolean allTouched;

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "Nodata of every input and the value written where masked (default: each file's; NaN for "
                    + "floating-point files without one).")
    String nodata;

    @Mixin
    CogOutputOptions cog;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        MaskMode m = MaskMode.parse(mode);
        SparkSession spark = SparkSessions.getOrCreate("radnorm mask");
        VectorMask mask = VectorMask.of(m, VectorLayers.read(vector, spark.sparkContext().hadoopConfiguration()), field);
        List<CogSummary> written = VectorMasking.builder().input(input).mask(mask).allTouched(allTouched)
                .nodata(GlobalOptions.nodata(nodata)).build().run(spark, output, cog.dataType(), cog.cogOptions());
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(s -> out.println("wrote " + s.location()));
        out.flush();
        return RadnormCli.EXIT_OK;
    }
}
