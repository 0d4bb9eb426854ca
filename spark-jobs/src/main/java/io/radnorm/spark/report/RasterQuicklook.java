package io.radnorm.spark.report;

import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.global.GlobalRegression;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Envelope;

/**
 * A quick-look PNG of one raster (a mosaic) or of several drawn together: the pictures of
 * {@link NormalizationReport}, for one side only.
 *
 * <p>The raster is sampled onto a {@link QuicklookGrid} of {@code longSide} pixels on the long side
 * of its extent, from its overviews where it has them ({@link Quicklook}, on the executors: only
 * the small quick-look reaches the driver), stretched per displayed band between its 2 and 98 %
 * percentiles and drawn as RGB from three bands or grey from one; no data is transparent.
 *
 * @param inputs    the raster(s): a file, folder, glob, comma list or {@code @list.txt}
 * @param png       where the PNG goes (any Hadoop file system), written all or nothing
 * @param longSide  pixels on the long side, 16 to 2048
 * @param rgb       1-based bands as red, green, blue (three) or grey (one); {@code null}: 1,2,3, or
 *                  band 1 as grey with fewer than three bands
 * @param nodata    nodata of the inputs, or {@code null} for each file's
 */
public record RasterQuicklook(String inputs, String png, int longSide, int[] rgb, Double nodata) {

    public RasterQuicklook {
        if (longSide < 16 || longSide > 2048) {
            throw new IllegalArgumentException("quick-look size must be between 16 and 2048 pixels, got " + longSide);
        }
        rgb = rgb == null ? null : rgb.clone();
    }

    /** Samples and writes the quick-look; returns its grid. */
    public QuicklookGrid write(SparkSession spark) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // before AWT loads: no display is needed or used
        }
        RasterCollection images = GlobalRegression.readCollection(spark, List.of(inputs), nodata);
        int[] display = NormalizationReport.displayBands(rgb, images.bandCount());
        Envelope extent = new Envelope();
        images.footprints().forEach(extent::expandToInclude);
        QuicklookGrid grid = QuicklookGrid.of(extent, longSide);
        List<Quicklook.Canvas> canvas = Quicklook.sample(spark, List.of(images), grid, display);
        QuicklookImage.Stretch stretch = QuicklookImage.percentileStretch(canvas, NormalizationReport.STRETCH_LOW,
                NormalizationReport.STRETCH_HIGH);
        NormalizationReport.writePng(QuicklookImage.render(canvas.get(0), stretch), png,
                spark.sparkContext().hadoopConfiguration());
        return grid;
    }
}
