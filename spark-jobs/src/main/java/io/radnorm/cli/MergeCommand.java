package io.radnorm.cli;

import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.spark.SparkSessions;
import io.radnorm.spark.mosaic.Merge;
import io.radnorm.spark.report.QuicklookGrid;
import io.radnorm.spark.report.RasterQuicklook;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radnorm merge}: one mosaic COG from images on one grid, optionally cut along seamlines. */
@Command(name = "merge", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Merge images that share one grid into one mosaic Cloud-Optimized GeoTIFF over their union; "
                + "earlier inputs win, later ones fill their nodata (or --order last). Written tile block by tile block "
                + "on the executors."})
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "INPUTS",
            description = "Folder (files by name), glob, comma list or @list.txt of GeoTIFFs; the order is the precedence.")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The mosaic COG.")
    String output;

    @Option(names = "--seamlines", paramLabel = "VECTOR",
            description = "GeoPackage or GeoJSON with a polygon per image: each image contributes only inside its polygon.")
    String seamlines;

    @Option(names = "--seamline-field", defaultValue = "image", paramLabel = "FIELD",
            description = "Attribute naming each polygon's image (file name without extension).")
    String seamlineField;

    @Option(names = "--order", defaultValue = "first", paramLabel = "first|last",
            description = "Which input wins where they overlap: first (later inputs fill nodata) or last (gdal_merge.py).")
    String order;

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "Nodata of every input and of the mosaic (default: each file's; the first's for the mosaic).")
    String nodata;

    @Option(names = "--block-tiles", defaultValue = "0", paramLabel = "N",
            description = "Tiles per side of the block one task writes (a power of two >= 2; 0: about 2048 pixels).")
    int blockTiles;

    @Mixin
    CogOutputOptions cog;

    @Option(names = "--quicklook", paramLabel = "PNG",
            description = "Also draw the mosaic as a PNG quick-look here (2-98 % stretch, nodata transparent).")
    String quicklook;

    @Option(names = "--quicklook-size", defaultValue = "1024", paramLabel = "PIXELS",
            description = "Long side of the quick-look.")
    int quicklookSize;

    @Option(names = "--rgb", paramLabel = "R,G,B", split = ",",
            description = "1-based bands of the quick-look as red, green, blue, or one band as grey. Default: bands "
                    + "1,2,3 (band 1 as grey with fewer than three bands).")
    int[] rgb;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        Merge merge = Merge.builder().input(input).output(output).seamlines(seamlines).seamlineField(seamlineField)
                .order(Merge.Order.parse(order)).nodata(GlobalOptions.nodata(nodata)).outputType(cog.dataType())
                .options(cog.cogOptions()).blockTiles(blockTiles).build();
        RasterQuicklook look = quicklook == null ? null
                : new RasterQuicklook(output, quicklook, quicklookSize, rgb, GlobalOptions.nodata(nodata));
        SparkSession spark = SparkSessions.getOrCreate("radnorm merge");
        CogSummary s = merge.run(spark);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + s.location() + " (" + s.levels().get(0) + ", " + s.overviewCount() + " overviews)");
        if (look != null) {
            QuicklookGrid g = look.write(spark);
            out.println("wrote " + quicklook + " (" + g.width() + "x" + g.height() + ")");
        }
        out.flush();
        return RadnormCli.EXIT_OK;
    }
}
