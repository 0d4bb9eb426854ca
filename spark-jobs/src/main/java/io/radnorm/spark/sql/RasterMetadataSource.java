package io.radnorm.spark.sql;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The Spark SQL source {@code radnorm-raster.metadata}: one row per GeoTIFF with what its header
 * says ({@link RasterColumns#METADATA}): path, name, width, height, bands (the count), dataType
 * (GDAL's name), crs, bounds, pixelWidth and pixelHeight (the geotransform's, so pixelHeight is
 * negative for north-up images, as {@code gdalinfo} prints it; null without georeferencing),
 * nodata, tileWidth and tileHeight (the internal block: for strips the image width and the rows per
 * strip), compression ({@code NONE}, {@code DEFLATE}, {@code LZW}, {@code PACKBITS}, {@code ZSTD}),
 * overviews (the number of internal overview levels) and sizeBytes (the file's length).
 *
 * <p>The path is listed on the driver; the headers are read on the executors in parallel
 * ({@link MetadataScan}), so a folder of thousands of scenes on S3 is listed quickly. No pixel is
 * decoded.
 */
public final class RasterMetadataSource implements TableProvider, DataSourceRegister {

    public static final String SHORT_NAME = "radnorm-raster.metadata";

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return RasterColumns.METADATA;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        RasterSourceOptions parsed = RasterSourceOptions.parse(new CaseInsensitiveStringMap(properties));
        return new BatchTable(SHORT_NAME + " " + parsed.pathSpec(), RasterColumns.METADATA,
                () -> new MetadataScan(parsed));
    }
}
