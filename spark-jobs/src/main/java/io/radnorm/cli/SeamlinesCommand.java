package io.radnorm.cli;

import io.radnorm.raster.vector.VectorLayer;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.geometry.Footprints;
import io.radnorm.spark.geometry.Seamlines;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radnorm seamlines}: Voronoi centre-line seamlines, one polygon per image. */
@Command(name = "seamlines", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Voronoi centre-line seamlines: each image's valid-data footprint, with every overlap split "
                + "along its centre line, as one polygon per image (field 'image') covering the union without gaps "
                + "or overlaps; written as GeoPackage or GeoJSON."})
final class SeamlinesCommand implements Callable<Integer> {

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

    @Option(names = "--min-point-spacing", paramLabel = "DISTANCE",
            description = "Largest spacing of the overlap-boundary points the Voronoi diagram is built from, in map "
                    + "units (default: one footprint pixel).")
    Double minPointSpacing;

    @Option(names = "--footprint-size", defaultValue = "" + Footprints.DEFAULT_MAX_SIZE, paramLabel = "PIXELS",
            description = "Longest side of the reduced-resolution grid the footprints are traced on (overviews or "
                    + "decimated reads).")
    int footprintSize;

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "Nodata of every input (overrides the files' own; 'nan' allowed).")
    String nodata;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        Seamlines job = Seamlines.builder().input(input).nodata(GlobalOptions.nodata(nodata))
                .minPointSpacing(minPointSpacing).footprintSize(footprintSize).build();
        SparkSession spark = SparkSessions.getOrCreate("radnorm seamlines");
        VectorLayer layer = job.run(spark, output);
        PrintWriter out = spec.commandLine().getOut();
        for (VectorLayer.Feature f : layer.features()) {
            out.printf(Locale.ROOT, "%-28s %14.1f%n", f.properties().get(Seamlines.IMAGE_FIELD), f.geometry().getArea());
        }
        out.println("wrote " + layer.features().size() + " seamline polygons to " + output);
        out.flush();
        return RadnormCli.EXIT_OK;
    }
}
