package io.radnorm.spark.report;

import io.radnorm.spark.Broadcasts;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.DecimatedReader;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.SerializableConfiguration;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Quick-looks of image collections: every image sampled ({@link DecimatedReader}, from its
 * overviews where it has them) onto one small {@link QuicklookGrid} and drawn in name order, a
 * later image over an earlier one where they overlap (as {@code gdalbuildvrt} mosaics), so seams
 * show where they are.
 *
 * <p>The sampling runs on the executors, one task per image and block of at most
 * {@value #BLOCK}² quick-look pixels; only those small patches reach the driver, which pastes them
 * into the canvas (at most the grid's size per band). Several collections (before, after) are
 * sampled in one job onto the same grid, so their pixels correspond.
 */
public final class Quicklook {

    /** Side of the quick-look blocks one task samples. */
    static final int BLOCK = 256;

    /** The quick-look of one collection: {@code bands.length} bands of the grid's size, NaN where no image is. */
    public record Canvas(QuicklookGrid grid, float[][] bands) {
        public float value(int band, int x, int y) {
            return bands[band][y * grid.width() + x];
        }
    }

    private record Task(int collection, int image, RasterInfo info, double nodata, Window window) implements Serializable {
    }

    private record Patch(int collection, int image, Window window, float[] values) implements Serializable {
    }

    private Quicklook() {
    }

    /**
     * One canvas per collection, in the order given, of the bands {@code bands} (0-based).
     * A pixel is drawn from an image only where all of these bands are valid there.
     */
    public static List<Canvas> sample(SparkSession spark, List<RasterCollection> collections, QuicklookGrid grid,
                                      int[] bands) {
        List<Task> tasks = new ArrayList<>();
        for (int c = 0; c < collections.size(); c++) {
            RasterCollection images = collections.get(c);
            for (int i = 0; i < images.size(); i++) {
                Window covered = grid.covering(images.info(i).bounds());
                for (Window w : Window.grid(covered.width(), covered.height(), BLOCK, BLOCK)) {
                    tasks.add(new Task(c, i, images.info(i), images.nodata()[i],
                            new Window(covered.x() + w.x(), covered.y() + w.y(), w.width(), w.height())));
                }
            }
        }
        List<Canvas> out = new ArrayList<>();
        for (int c = 0; c < collections.size(); c++) {
            float[][] canvas = new float[bands.length][grid.width() * grid.height()];
            for (float[] b : canvas) {
                Arrays.fill(b, Float.NaN);
            }
            out.add(new Canvas(grid, canvas));
        }
        if (tasks.isEmpty()) {
            return out;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = Broadcasts.hadoopConfiguration(jsc);
        int slices = Math.max(1, Math.min(tasks.size(), jsc.defaultParallelism() * 4));
        jsc.setJobDescription("radnorm: quick-look (" + tasks.size() + " blocks)");
        List<Patch> patches;
        try {
            patches = jsc.parallelize(tasks, slices).map(t -> {
                try (GeoTiffReader r = GeoTiffReader.open(t.info().location(), conf.value().get())) {
                    Raster s = DecimatedReader.sample(r, grid.transform(), t.window(), bands, t.nodata());
                    return new Patch(t.collection(), t.image(), t.window(), (float[]) s.data());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect();
        } finally {
            jsc.setJobDescription(null);
        }
        List<Patch> ordered = new ArrayList<>(patches);
        ordered.sort(Comparator.comparingInt(Patch::image));
        for (Patch p : ordered) {
            paste(p, out.get(p.collection()).bands(), grid.width(), bands.length);
        }
        return out;
    }

    /** Draws the patch's pixels that are valid in every band over the canvas. */
    private static void paste(Patch p, float[][] canvas, int canvasWidth, int bandCount) {
        Window w = p.window();
        int n = w.width() * w.height();
        for (int y = 0; y < w.height(); y++) {
            for (int x = 0; x < w.width(); x++) {
                int k = y * w.width() + x;
                boolean valid = true;
                for (int b = 0; b < bandCount && valid; b++) {
                    valid = !Float.isNaN(p.values()[b * n + k]);
                }
                if (valid) {
                    int at = (w.y() + y) * canvasWidth + w.x() + x;
                    for (int b = 0; b < bandCount; b++) {
                        canvas[b][at] = p.values()[b * n + k];
                    }
                }
            }
        }
    }
}
