package io.radnorm.spark.sql;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The Spark SQL source {@code radnorm-raster}: GeoTIFF / COG windows as rows, for notebooks and SQL.
 *
 * <pre>{@code
 * spark.read().format("radnorm-raster").option("bands", "1,3,4").load("s3a://bucket/scenes/")
 * }</pre>
 *
 * <p>One row per window of each file ({@link WindowGrid}: the file's tiles by default, or
 * {@code tileWidth}/{@code tileHeight}): {@code path}, {@code name} (file name without extension),
 * {@code x}, {@code y} (the window's column and row in the window grid), {@code bounds} (struct
 * minx, miny, maxx, maxy in CRS units), {@code crs} ({@link RasterColumns#crs}), {@code width},
 * {@code height} (of this window: edge windows are clipped), {@code bands} and {@code nodata} (the
 * file's {@code GDAL_NODATA}, null when unset). {@code bands} holds one array per band, row-major,
 * as doubles ({@code array<array<double>>}); with {@code bandsAs=binary} it holds each band's
 * little-endian samples in the file's own data type ({@code array<binary>}) and a {@code dataType}
 * column names that type as GDAL does ({@code Int16}, {@code Float32}). Nodata pixels are returned
 * as stored: filter them with the {@code nodata} column.
 *
 * <p>Options: {@link RasterSourceOptions}. Only the headers are read on the driver, to plan the
 * partitions ({@link RasterScan}); pixels are decoded on the executors, one window at a time, and
 * only when the query uses the {@code bands} column: {@code count(*)} or a query on bounds reads
 * no pixel.
 */
public final class RasterDataSource implements TableProvider, DataSourceRegister {

    public static final String SHORT_NAME = "radnorm-raster";

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return RasterColumns.windows(binary(options));
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
        RasterSourceOptions parsed = RasterSourceOptions.parse(options);
        return new BatchTable(SHORT_NAME + " " + parsed.pathSpec(), RasterColumns.windows(parsed.binary()),
                () -> new RasterScan(parsed));
    }

    private static boolean binary(CaseInsensitiveStringMap options) {
        return "binary".equalsIgnoreCase(options.getOrDefault("bandsAs", "double").trim());
    }
}
