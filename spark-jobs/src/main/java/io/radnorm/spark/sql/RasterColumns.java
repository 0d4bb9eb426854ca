package io.radnorm.spark.sql;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.geom.Envelope;

/**
 * The columns of the {@code radnorm-raster} (one row per window) and
 * {@code radnorm-raster.metadata} (one row per file) sources, and the values they share.
 */
public final class RasterColumns {

    /** {@code struct<minx, miny, maxx, maxy>} in CRS units. */
    public static final StructType BOUNDS = new StructType(new StructField[] {
            field("minx", DataTypes.DoubleType, false), field("miny", DataTypes.DoubleType, false),
            field("maxx", DataTypes.DoubleType, false), field("maxy", DataTypes.DoubleType, false)});

    /** One row per file: what {@code gdalinfo} says about it, without reading a pixel. */
    public static final StructType METADATA = new StructType(new StructField[] {
            field("path", DataTypes.StringType, false),
            field("name", DataTypes.StringType, false),
            field("width", DataTypes.IntegerType, false),
            field("height", DataTypes.IntegerType, false),
            field("bands", DataTypes.IntegerType, false),
            field("dataType", DataTypes.StringType, false),
            field("crs", DataTypes.StringType, true),
            field("bounds", BOUNDS, false),
            field("pixelWidth", DataTypes.DoubleType, true),
            field("pixelHeight", DataTypes.DoubleType, true),
            field("nodata", DataTypes.DoubleType, true),
            field("tileWidth", DataTypes.IntegerType, false),
            field("tileHeight", DataTypes.IntegerType, false),
            field("compression", DataTypes.StringType, false),
            field("overviews", DataTypes.IntegerType, false),
            field("sizeBytes", DataTypes.LongType, false)});

    private RasterColumns() {
    }

    /** One row per window; {@code bands} as doubles or, with {@code binary}, raw bytes plus {@code dataType}. */
    public static StructType windows(boolean binary) {
        StructType s = new StructType(new StructField[] {
                field("path", DataTypes.StringType, false),
                field("name", DataTypes.StringType, false),
                field("x", DataTypes.IntegerType, false),
                field("y", DataTypes.IntegerType, false),
                field("bounds", BOUNDS, false),
                field("crs", DataTypes.StringType, true),
                field("width", DataTypes.IntegerType, false),
                field("height", DataTypes.IntegerType, false)});
        if (binary) {
            s = s.add(field("bands", DataTypes.createArrayType(DataTypes.BinaryType, false), false))
                    .add(field("dataType", DataTypes.StringType, false));
        } else {
            s = s.add(field("bands", DataTypes.createArrayType(
                    DataTypes.createArrayType(DataTypes.DoubleType, false), false), false));
        }
        return s.add(field("nodata", DataTypes.DoubleType, true));
    }

    /**
     * The CRS as a column value: {@code EPSG:32633} when the file names a code; otherwise the
     * GeoKeys' citation (radnorm keeps user-defined GeoKeys verbatim and has no WKT for them), or
     * {@code null} when the file has no CRS.
     */
    public static String crs(RasterInfo info) {
        return info.crs() == null ? null : info.crs().name();
    }

    /** The map extent of window {@code w} (pixel coordinates, y up, for a raster without georeferencing). */
    public static Envelope bounds(RasterInfo info, Window w) {
        GeoTransform gt = info.geoTransform() != null ? info.geoTransform()
                : GeoTransform.northUp(0, info.height(), 1, 1);
        return gt.bounds(w);
    }

    static InternalRow boundsRow(Envelope e) {
        return new GenericInternalRow(new Object[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }
}
