package io.radnorm.spark.geometry;

import io.radnorm.raster.RasterInfo;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.RasterHeaders;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The inputs of the vector/geometry jobs: resolved and their headers read on the executors
 * ({@link RasterHeaders#readAll}), every unreadable file named in one error; each must be
 * georeferenced and north-up, and names must be distinct (outputs and features are keyed by them).
 * Unlike {@link RasterCollection}, CRSs and band counts may differ unless {@link #requireOneCrs}.
 */
final class GeoInputs {

    private GeoInputs() {
    }

    static List<RasterInfo> read(SparkSession spark, List<String> inputs) throws IOException {
        List<RasterInfo> infos = RasterHeaders.readAll(spark, String.join(",", inputs));
        Map<String, String> names = new HashMap<>();
        for (RasterInfo r : infos) {
            RasterCollection.requireNorthUpAndNamed(r, names, "features");
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
}
