package io.radnorm.cli;

import io.radnorm.algorithms.expr.BandExpression;
import io.radnorm.algorithms.polygonize.SizeThreshold;
import io.radnorm.raster.vector.VectorLayer;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.geometry.Vectorization;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radnorm vectorize}: raster values or a band condition to polygons (GeoPackage / GeoJSON). */
@Command(name = "vectorize", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Turn raster values into polygons (PIF masks, cloud masks): the regions where an expression "
                + "on the bands holds, or the integer classes of a band; written as GeoPackage or GeoJSON, usable "
                + "as --mask of global and pipeline."})
final class VectorizeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "INPUTS",
            description = "Folder, glob, comma list or @list.txt of GeoTIFFs (one CRS).")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "VECTOR",
            description = "Output file: .gpkg (GeoPackage) or .geojson/.json (GeoJSON).")
    String output;

    @Option(names = {"-e", "--expression"}, paramLabel = "EXPR",
            description = "Condition on bands, e.g. 'b1 > 100 & b2 < 50' (< <= > >= == !=, & | ~, + - * /, "
                    + "parentheses; bands b1, b2, ...). Without it, the integer values of --band are vectorized.")
    String expression;

    @Option(names = "--band", defaultValue = "1", paramLabel = "N", description = "Band whose values are vectorized "
            + "when there is no --expression (1-based).")
    int band;

    @Option(names = "--value-map", split = ",", paramLabel = "VALUE=NAME",
            description = "Keep only these values and name them in the 'class' attribute, e.g. 1=pif or 1=cloud,2=shadow "
                    + "(default: the expression's true regions, or every value of the band).")
    Map<Long, String> valueMap = new LinkedHashMap<>();

    @Option(names = "--min-size", paramLabel = ">N|>P%",
            description = "Drop smaller polygons: >100 (more than 100 pixels), >=100, or >95% (above the 95th "
                    + "percentile of each image's polygon sizes).")
    String minSize;

    @Option(names = "--buffer", defaultValue = "0", paramLabel = "DISTANCE",
            description = "Buffer the polygons by DISTANCE map units (negative shrinks); overlapping results merge.")
    double buffer;

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "Nodata of every input (overrides the files' own; 'nan' allowed).")
    String nodata;

    @Option(names = "--window", defaultValue = "" + Vectorization.DEFAULT_WINDOW, paramLabel = "PIXELS",
            description = "Side of the windows each task polygonizes.")
    int window;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        Vectorization.Builder b = Vectorization.builder().input(input).band(band).valueMap(valueMap).buffer(buffer)
                .nodata(GlobalOptions.nodata(nodata)).window(window);
        if (expression != null) {
            b.expression(BandExpression.parse(expression));
        }
        if (minSize != null) {
            b.minSize(SizeThreshold.parse(minSize));
        }
        Vectorization job = b.build();
        SparkSession spark = SparkSessions.getOrCreate("radnorm vectorize");
        VectorLayer layer = job.run(spark, output);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + layer.features().size() + " polygons to " + output);
        out.flush();
        return RadnormCli.EXIT_OK;
    }
}
