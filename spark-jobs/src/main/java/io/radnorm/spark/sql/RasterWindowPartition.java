package io.radnorm.spark.sql;

import io.radnorm.raster.RasterInfo;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One Spark partition of the {@code radnorm-raster} source: consecutive windows
 * {@code first … first + count − 1} (row-major) of one file, with the header the driver read, so
 * the executor does not parse it again to plan.
 *
 * @param crs   the {@code crs} column's value, computed once on the driver
 * @param bands 0-based bands to read, in output order
 */
record RasterWindowPartition(RasterInfo info, String crs, WindowGrid grid, int first, int count, int[] bands)
        implements InputPartition {
}
