package io.radnorm.spark.sql;

import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.RasterPaths;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.Errors;
import io.radnorm.spark.SerializableConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * Plans a read of the {@code radnorm-raster} source: the column pruning Spark pushes down, the
 * header of every file (read on the driver, a few files at a time in parallel), and the partitions.
 *
 * <p><b>Partitions.</b> A partition holds consecutive windows of <em>one</em> file (so a task opens
 * one file once) whose decoded pixels of the selected bands, in the file's own data type, add up to
 * at most a target size; a window larger than the target is a partition of its own. The target is
 * the {@code partitionBytes} option, or, like Spark's file sources,
 * {@code min(spark.sql.files.maxPartitionBytes, max(4 MiB, all files' decoded bytes / defaultParallelism))}:
 * large collections get 128 MiB partitions, small ones are still spread over every core. Rows are
 * produced one window at a time, so a partition never holds more than one window's pixels.
 */
final class RasterScan extends PrunedBatchScan {

    /** Spark's default {@code spark.sql.files.maxPartitionBytes}. */
    private static final String DEFAULT_MAX_PARTITION_BYTES = "128m";
    private static final long MIN_PARTITION_BYTES = 4L << 20;
    private static final int HEADER_THREADS = 16;

    private final RasterSourceOptions options;
    private InputPartition[] partitions;

    RasterScan(RasterSourceOptions options) {
        super(RasterColumns.windows(options.binary()));
        this.options = options;
    }

    @Override
    public String description() {
        return RasterDataSource.SHORT_NAME + " [" + options.pathSpec() + "]"
                + (options.bands() == null ? "" : " bands " + RasterSourceOptions.oneBased(options.bands()));
    }

    @Override
    public synchronized InputPartition[] planInputPartitions() {
        if (partitions == null) {
            SparkSession spark = SparkSession.active();
            List<RasterInfo> infos = readHeaders(options, options.hadoopConfiguration(spark));
            partitions = plan(infos, options, targetBytes(spark, infos));
        }
        return partitions.clone();
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        SparkSession spark = SparkSession.active();
        return new RasterWindowReaderFactory(new SerializableConfiguration(options.hadoopConfiguration(spark)),
                readSchema().fieldNames(), options.binary());
    }

    private long targetBytes(SparkSession spark, List<RasterInfo> infos) {
        if (options.partitionBytes() > 0) {
            return options.partitionBytes();
        }
        long max = RasterSourceOptions.bytes("spark.sql.files.maxPartitionBytes",
                spark.conf().get("spark.sql.files.maxPartitionBytes", DEFAULT_MAX_PARTITION_BYTES));
        long total = 0;
        for (RasterInfo info : infos) {
            total += info.pixelCount() * bandCount(info) * info.dataType().bytesPerSample();
        }
        return Math.min(max, Math.max(MIN_PARTITION_BYTES, total / Math.max(1, spark.sparkContext().defaultParallelism())));
    }

    private int bandCount(RasterInfo info) {
        return options.bands() == null ? info.bandCount() : options.bands().length;
    }

    /** Consecutive windows of each file, grouped up to {@code target} decoded bytes (at least one window each). */
    static InputPartition[] plan(List<RasterInfo> infos, RasterSourceOptions options, long target) {
        List<InputPartition> out = new ArrayList<>();
        for (RasterInfo info : infos) {
            int[] bands = bandsOf(info, options.bands());
            WindowGrid grid = WindowGrid.of(info, options.tileWidth(), options.tileHeight());
            long bytesPerPixel = (long) bands.length * info.dataType().bytesPerSample();
            String crs = RasterColumns.crs(info);
            int n = grid.windowCount();
            int k = 0;
            while (k < n) {
                int first = k;
                long bytes = grid.window(k++).pixelCount() * bytesPerPixel;
                while (k < n && bytes + grid.window(k).pixelCount() * bytesPerPixel <= target) {
                    bytes += grid.window(k++).pixelCount() * bytesPerPixel;
                }
                out.add(new RasterWindowPartition(info, crs, grid, first, k - first, bands));
            }
        }
        return out.toArray(InputPartition[]::new);
    }

    /** The 0-based bands to read from {@code info}: all, or the option's, checked against the file. */
    static int[] bandsOf(RasterInfo info, int[] requested) {
        if (requested == null) {
            int[] all = new int[info.bandCount()];
            for (int b = 0; b < all.length; b++) {
                all[b] = b;
            }
            return all;
        }
        for (int b : requested) {
            if (b >= info.bandCount()) {
                throw new IllegalArgumentException(info.location() + ": has " + info.bandCount()
                        + " bands; option bands asks for band " + (b + 1));
            }
        }
        return requested.clone();
    }

    /** Every input's header, in input order; the first unreadable file fails the query, named. */
    static List<RasterInfo> readHeaders(RasterSourceOptions options, Configuration conf) {
        List<String> paths;
        try {
            paths = RasterPaths.resolve(options.pathSpec(), conf);
        } catch (IOException e) {
            throw new IllegalArgumentException(Errors.oneLine(e, null), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(HEADER_THREADS, paths.size()), r -> {
            Thread t = new Thread(r, "radnorm-raster headers");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RasterInfo>> futures = new ArrayList<>();
            for (String p : paths) {
                futures.add(pool.submit(() -> GeoTiffReader.info(p, conf)));
            }
            List<RasterInfo> out = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalArgumentException(Errors.oneLine(e.getCause(), paths.get(i)), e.getCause());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted reading headers"));
        } finally {
            pool.shutdownNow();
        }
    }
}
