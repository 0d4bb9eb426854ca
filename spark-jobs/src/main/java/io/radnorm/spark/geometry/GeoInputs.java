package io.radnorm.spark.geometry;

import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.RasterPaths;
import io.radnorm.spark.RasterHeaders;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The inputs of the vector/geometry jobs: resolved ({@link RasterPaths}), headers read on the
 * executors ({@link RasterHeaders}), every unreadable file named in one error; each must be
 * georeferenced and north-up, and names must be distinct (outputs and features are keyed by them).
 * Unlike {@code RasterCollection}, CRSs and band counts may differ unless {@link #requireOneCrs}.
 */
final class GeoInputs {

    private GeoInputs() {
    }

    static List<RasterInfo> read(SparkSession spark, List<String> inputs) throws IOException {
        List<String> paths = RasterPaths.resolve(String.join(",", inputs), spark.sparkContext().hadoopConfiguration());
        List<RasterHeaders.Header> headers = RasterHeaders.read(spark, paths);
        List<String> errors = headers.stream().filter(h -> !h.ok()).map(RasterHeaders.Header::error).toList();
        if (!errors.isEmpty()) {
            throw new IOException(String.join("; ", errors));
        }
        List<RasterInfo> infos = headers.stream().map(RasterHeaders.Header::info).toList();
        Map<String, String> names = new HashMap<>();
        for (RasterInfo r : infos) {
            if (!r.isGeoreferenced()) {
                throw new IllegalArgumentException(r.location() + ": has no georeferencing (no geotransform)");
            }
            if (!r.geoTransform().isNorthUp()) {
                throw new IllegalArgumentException(r.location() + ": rotated rasters are not supported");
            }
            String clash = names.put(r.name(), r.location());
            if (clash != null) {
                throw new IllegalArgumentException("inputs collide on name '" + r.name() + "': " + clash + " and "
                        + r.location() + " (outputs and features are keyed by file name)");
            }
        }
        return infos;
    }

    /**
     * Fails, naming two files, unless all inputs share one CRS (one vector layer); with
     * {@code epsg}, also unless it has an EPSG code (vector files name their CRS by EPSG code).
     */
    static void requireOneCrs(List<RasterInfo> infos, boolean epsg) {
        RasterInfo first = infos.get(0);
        for (RasterInfo r : infos) {
            if (r.crs() == null || (epsg && !r.crs().hasEpsg())) {
                throw new IllegalArgumentException(r.location() + ": its CRS has no EPSG code ("
                        + (r.crs() == null ? "none" : r.crs().name()) + "); vector outputs need one");
            }
            if (!first.crs().sameAs(r.crs())) {
                throw new IllegalArgumentException("CRSs differ: " + first.location() + " is in " + first.crs()
                        + ", " + r.location() + " is in " + r.crs() + "; one vector layer needs one CRS");
            }
        }
    }

    /** The nodata of image {@code r}: the override, else the file's, else NaN (only NaN is invalid). */
    static double nodata(RasterInfo r, Double override) {
        Double nd = override != null ? override : r.nodata();
        return nd == null ? Double.NaN : nd;
    }
}
