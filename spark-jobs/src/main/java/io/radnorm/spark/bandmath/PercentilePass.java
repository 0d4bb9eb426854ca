package io.radnorm.spark.bandmath;

import io.radnorm.spark.Broadcasts;
import io.radnorm.algorithms.bandmath.DigitHistograms;
import io.radnorm.algorithms.bandmath.DigitPass;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.SerializableConfiguration;
import io.radnorm.spark.sql.WindowGrid;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * One histogram pass of the percentile searches of many images at once: every image's windows
 * (its own tiles, or bands of whole strips: {@link WindowGrid#defaultFor}) are Spark's work items,
 * spread over the partitions; a task counts its windows into one {@link DigitHistograms} per
 * image, and the partitions' counts are tree-reduced to the driver. Pixels never leave the
 * executor that decoded them; each window reads only the bands the pass looks at.
 */
final class PercentilePass {

    /** One window of one image. */
    private record Item(int image, int window) implements Serializable {
    }

    private PercentilePass() {
    }

    /**
     * @param passes  per image the pass to run, or {@code null} to skip the image
     * @param nodata  per image its nodata (NaN: only NaN is invalid)
     * @return per image the merged counts ({@code null} where skipped)
     */
    static DigitHistograms[] run(SparkSession spark, List<RasterInfo> infos, double[] nodata, DigitPass[] passes,
                                 String stageName) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Item> items = new ArrayList<>();
        WindowGrid[] grids = new WindowGrid[infos.size()];
        for (int i = 0; i < infos.size(); i++) {
            if (passes[i] != null) {
                grids[i] = WindowGrid.defaultFor(infos.get(i));
                for (int k = 0; k < grids[i].windowCount(); k++) {
                    items.add(new Item(i, k));
                }
            }
        }
        DigitHistograms[] zero = new DigitHistograms[infos.size()];
        if (items.isEmpty()) {
            return zero;
        }
        Broadcast<List<RasterInfo>> images = jsc.broadcast(new ArrayList<>(infos));
        Broadcast<DigitPass[]> work = jsc.broadcast(passes);
        Broadcast<WindowGrid[]> windows = jsc.broadcast(grids);
        Broadcast<double[]> invalid = jsc.broadcast(nodata);
        Broadcast<SerializableConfiguration> conf = Broadcasts.hadoopConfiguration(jsc);
        int slices = Math.max(1, Math.min(items.size(), jsc.defaultParallelism() * 4));
        jsc.setJobDescription("radnorm: " + stageName + " (" + items.size() + " windows)");
        try {
            return jsc.parallelize(items, slices).mapPartitions((Iterator<Item> it) -> {
                DigitHistograms[] acc = new DigitHistograms[images.value().size()];
                Map<Integer, GeoTiffReader> readers = new HashMap<>();
                try {
                    while (it.hasNext()) {
                        Item item = it.next();
                        DigitPass pass = work.value()[item.image()];
                        GeoTiffReader reader = readers.get(item.image());
                        if (reader == null) {
                            reader = GeoTiffReader.open(images.value().get(item.image()).location(), conf.value().get());
                            readers.put(item.image(), reader);
                        }
                        if (acc[item.image()] == null) {
                            acc[item.image()] = pass.newHistograms();
                        }
                        acc[item.image()].add(reader.read(windows.value()[item.image()].window(item.window()),
                                pass.bandsToRead()), invalid.value()[item.image()]);
                    }
                } finally {
                    for (GeoTiffReader r : readers.values()) {
                        close(r);
                    }
                }
                return List.<DigitHistograms[]>of(acc).iterator();
            }).treeReduce(PercentilePass::merge);
        } finally {
            jsc.setJobDescription(null);
        }
    }

    private static DigitHistograms[] merge(DigitHistograms[] a, DigitHistograms[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] == null ? b[i] : b[i] == null ? a[i] : a[i].merge(b[i]);
        }
        return a;
    }

    private static void close(GeoTiffReader r) {
        try {
            r.close();
        } catch (IOException e) {
            // reading succeeded; a failed close of a read-only stream loses nothing
        }
    }
}
