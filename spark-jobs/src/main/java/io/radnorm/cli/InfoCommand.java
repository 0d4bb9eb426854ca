package io.radnorm.cli;

import io.radnorm.algorithms.OverlapFinder;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.RasterPaths;
import io.radnorm.spark.RasterHeaders;
import io.radnorm.spark.SparkSessions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code radnorm info}: what each raster is (size, bands, data type, CRS, nodata, block layout,
 * compression, overviews) and which rasters overlap — everything a job plans with, read from
 * the headers on Spark executors without decoding a pixel.
 */
@Command(name = "info", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Print each raster's size, bands, data type, CRS, nodata, tiling and the overlaps between them.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = {"-i", "--input"}, paramLabel = "INPUTS",
            description = "Folder, glob, comma list, or @list.txt of GeoTIFF paths/URIs.")
    String input;

    @Parameters(paramLabel = "RASTER", arity = "0..*", description = "Raster paths or URIs (same forms as --input).")
    List<String> rasters = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        List<String> specs = new ArrayList<>(rasters);
        if (input != null) {
            specs.add(input);
        }
        if (specs.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give rasters or --input");
        }
        SparkSession spark = SparkSessions.getOrCreate("radnorm info");
        List<String> paths = RasterPaths.resolve(String.join(",", specs), spark.sparkContext().hadoopConfiguration());
        List<RasterHeaders.Header> headers = RasterHeaders.read(spark, paths);

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RasterInfo> infos = new ArrayList<>();
        int failures = 0;
        String row = "%-24s %11s %5s %-8s %-9s %-20s %-8s %-14s %s%n";
        out.printf(row, "raster", "size", "bands", "type", "nodata", "layout", "compress", "overviews", "crs");
        for (RasterHeaders.Header h : headers) {
            if (!h.ok()) {
                err.println("radnorm: error: " + h.error());
                failures++;
                continue;
            }
            RasterInfo i = h.info();
            infos.add(i);
            out.printf(row, i.name(), i.width() + "x" + i.height(), i.bandCount(), i.dataType().gdalName(),
                    i.hasNodata() ? nodataText(i.nodata()) : "none",
                    i.layout().blockDescription() + (i.layout().bandInterleaved() ? " band" : ""),
                    i.layout().compression().name().toLowerCase(java.util.Locale.ROOT),
                    (i.layout().overviews().isEmpty() ? "none" : i.layout().overviews().size() + " levels")
                            + (i.layout().cog() ? " COG" : ""),
                    i.crs() == null ? "none" : i.crs().name());
        }
        printOverlaps(out, infos);
        out.flush();
        return failures == 0 ? RadnormCli.EXIT_OK : RadnormCli.EXIT_FAILED;
    }

    private static String nodataText(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Overlaps among rasters of the same CRS, with the overlap's share of each image's area. */
    private static void printOverlaps(PrintWriter out, List<RasterInfo> infos) {
        List<Envelope> footprints = infos.stream().map(RasterInfo::bounds).toList();
        List<OverlapFinder.Overlap> overlaps = OverlapFinder.find(footprints).stream()
                .filter(o -> sameCrs(infos.get(o.i()), infos.get(o.j()))).toList();
        out.println();
        out.println(overlaps.isEmpty() ? "overlaps: none" : "overlaps (" + overlaps.size() + " pairs):");
        for (OverlapFinder.Overlap o : overlaps) {
            RasterInfo a = infos.get(o.i()), b = infos.get(o.j());
            double area = o.intersection().getArea();
            // Size in pixels of the first image's grid: what a user compares with the image size.
            double px = Math.abs(a.geoTransform() == null ? 1 : a.geoTransform().pixelWidth());
            double py = Math.abs(a.geoTransform() == null ? 1 : a.geoTransform().pixelHeight());
            out.printf("  %s ∩ %s: %.0f x %.0f pixels, %.1f%% of %s, %.1f%% of %s%n", a.name(), b.name(),
                    o.intersection().getWidth() / px, o.intersection().getHeight() / py,
                    100 * area / a.bounds().getArea(), a.name(), 100 * area / b.bounds().getArea(), b.name());
        }
    }

    private static boolean sameCrs(RasterInfo a, RasterInfo b) {
        return a.crs() == null ? b.crs() == null : a.crs().sameAs(b.crs());
    }
}
