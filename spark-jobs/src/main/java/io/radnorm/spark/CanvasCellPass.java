package io.radnorm.spark;

import io.radnorm.algorithms.stats.BalancedSlices;
import io.radnorm.algorithms.stats.CanvasCells;
import io.radnorm.algorithms.stats.CellGrid;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read pass over the canvas: cells are Spark partitions' work items; a task reads, for each
 * cell, every image's window covering the cell (plus a one-pixel margin for interpolation), hands
 * them to a {@link CellAggregator}, and the per-partition statistics are tree-reduced to the
 * driver in partition order ({@link OrderedTreeReduce}: the same pixels give the same bits, run
 * after run). Pixels never leave the executor that decoded them.
 *
 * <p>The collection and Hadoop configuration are broadcast once per job, not shipped per task.
 */
public final class CanvasCellPass {

    private static final Logger LOG = LoggerFactory.getLogger(CanvasCellPass.class);

    /** Default cell side in pixels of the finest image. */
    public static final int DEFAULT_CELL_PIXELS = 2048;

    private CanvasCellPass() {
    }

    public static <S extends Serializable> S aggregate(SparkSession spark, RasterCollection collection, int cellPixels,
                                                       String stageName, CellAggregator<S> aggregator) {
        return aggregate(spark, collection, cellPixels, null, stageName, aggregator);
    }

    /**
     * @param required  when not {@code null}, only cells touching one of these images are read
     *                  (statistics of the others are already known)
     */
    public static <S extends Serializable> S aggregate(SparkSession spark, RasterCollection collection, int cellPixels,
                                                       Set<Integer> required, String stageName,
                                                       CellAggregator<S> aggregator) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        double cellSize = cellPixels * collection.finestPixelSize();
        List<CanvasCells.Cell> cells = new ArrayList<>(CanvasCells.cells(collection.footprints(), cellSize));
        if (required != null) {
            cells.removeIf(c -> Arrays.stream(c.images()).noneMatch(required::contains));
        }
        if (cells.isEmpty()) {
            return aggregator.zero();
        }
        LOG.info("{}: {} images, {} cells of {} px", stageName, collection.size(), cells.size(), cellPixels);
        Broadcast<RasterCollection> images = Broadcasts.broadcast(jsc, collection,
                "headers of " + collection.size() + " images (" + stageName + ")");
        Broadcast<SerializableConfiguration> conf = Broadcasts.hadoopConfiguration(jsc);
        // Cells differ in cost by the images over them: slices balanced by pixels read, not runs of cells.
        List<List<CanvasCells.Cell>> slices = BalancedSlices.of(cells, c -> pixelsRead(c, collection),
                jsc.defaultParallelism() * 4);
        org.apache.spark.util.LongAccumulator pixels = ProgressReporter.pixelCounter(jsc.sc());
        jsc.setJobDescription("radnorm: " + stageName + " (" + cells.size() + " cells, " + collection.size() + " images)");
        try {
            // one slice per partition (parallelize cuts n elements into n slices one each)
            return OrderedTreeReduce.reduce(jsc.parallelize(slices, slices.size()).mapPartitions((Iterator<List<CanvasCells.Cell>> it) -> {
                S acc = aggregator.zero();
                while (it.hasNext()) {
                    for (CanvasCells.Cell cell : it.next()) {
                        aggregator.add(cell.extent(),
                                ProgressReporter.counted(pixels, readWindows(cell, images.value(), conf.value().get())), acc);
                    }
                }
                return List.of(acc).iterator();
            }), aggregator::merge, aggregator.zero());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            jsc.setJobDescription(null);
        }
    }

    /**
     * The window with the pixels a statistics mask excludes set to NaN (invalid everywhere in
     * radnorm), in a floating-point copy wide enough to hold every value of the input type.
     */
    static Raster masked(Raster pixels, VectorMask.ImageMask mask, Window w) {
        if (mask == null || mask.keepsEverything()) {
            return pixels;
        }
        boolean[] keep = mask.keep(w);
        DataType wide = pixels.dataType().bytesPerSample() >= 4 && pixels.dataType() != DataType.FLOAT32
                ? DataType.FLOAT64 : DataType.FLOAT32;
        Raster out = Raster.allocate(wide, pixels.width(), pixels.height(), pixels.bandCount());
        int n = pixels.pixelsPerBand();
        for (int b = 0; b < pixels.bandCount(); b++) {
            for (int p = 0; p < n; p++) {
                out.setAt(b * n + p, keep[p] ? pixels.getAt(b * n + p) : Double.NaN);
            }
        }
        return out;
    }

    /** The samples a cell reads: its images' owned pixels × bands (the margin left out). */
    static long pixelsRead(CanvasCells.Cell cell, RasterCollection images) {
        long n = 0;
        for (int i : cell.images()) {
            RasterInfo info = images.info(i);
            Window owned = CellGrid.ownedPixels(info.geoTransform(), info.width(), info.height(), cell.extent());
            n += (long) owned.width() * owned.height() * info.bandCount();
        }
        return n;
    }

    /** Every image's pixels in the cell: its owned pixels plus a one-pixel margin, all bands. */
    static List<ImageWindow> readWindows(CanvasCells.Cell cell, RasterCollection images, Configuration conf) {
        List<ImageWindow> out = new ArrayList<>();
        for (int i : cell.images()) {
            RasterInfo info = images.info(i);
            Window owned = CellGrid.ownedPixels(info.geoTransform(), info.width(), info.height(), cell.extent());
            if (owned.isEmpty()) {
                continue;
            }
            Window w = CellGrid.expand(owned, 1, info.width(), info.height());
            try (GeoTiffReader r = GeoTiffReader.open(info.location(), conf)) {
                Raster pixels = masked(r.read(w), images.maskOf(i), w);
                out.add(new ImageWindow(i, pixels, w, info.geoTransform(), images.nodata()[i]));
                FaultInjection.maybeFail("cells");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
