package io.radnorm.spark;

import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.RasterPaths;
import io.radnorm.raster.tiff.GeoTiffReader;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the headers of many rasters in parallel on the executors and brings only the headers to
 * the driver: the first stage of every radnorm job, and what {@code radnorm info} prints.
 *
 * <p>A file that cannot be read does not fail the stage: its error travels back as a
 * {@link Header} with a message, so the driver can name every bad input at once.
 */
public final class RasterHeaders {

    /** The header of one input, or the one-line reason it could not be read. */
    public record Header(String location, RasterInfo info, String error) implements Serializable {
        public boolean ok() {
            return error == null;
        }
    }

    private RasterHeaders() {
    }

    public static List<Header> read(SparkSession spark, List<String> locations) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf =
                Broadcasts.hadoopConfiguration(jsc);
        int slices = Math.max(1, Math.min(locations.size(), jsc.defaultParallelism() * 4));
        jsc.setJobDescription("radnorm: read headers of " + locations.size() + " rasters");
        List<Header> out = jsc.parallelize(new ArrayList<>(locations), slices).map(loc -> {
            try {
                return new Header(loc, GeoTiffReader.info(loc, conf.value().get()), null);
            } catch (Exception e) {
                return new Header(loc, null, Errors.oneLine(e, loc));
            }
        }).collect();
        jsc.setJobDescription(null);
        return out;
    }

    /**
     * The headers of the rasters {@code spec} names (folder, glob, comma list or @list;
     * {@link RasterPaths#resolve}), in that order; fails with one error naming every file that
     * cannot be read.
     */
    public static List<RasterInfo> readAll(SparkSession spark, String spec) throws IOException {
        List<String> paths = RasterPaths.resolve(spec, spark.sparkContext().hadoopConfiguration());
        List<Header> headers = read(spark, paths);
        List<String> errors = headers.stream().filter(h -> !h.ok()).map(Header::error).toList();
        if (!errors.isEmpty()) {
            throw new IOException(String.join("; ", errors));
        }
        if (headers.isEmpty()) {
            throw new IllegalArgumentException(spec + ": no input rasters");
        }
        return headers.stream().map(Header::info).toList();
    }
}
