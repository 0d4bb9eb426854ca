package io.radnorm.raster.tiff;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.crs.Crs;
import java.io.Serializable;

/**
 * What a GeoTIFF writer needs besides pixels: where the grid lies and which value means "no data".
 * Any part may be {@code null} (not written).
 *
 * @param geoTransform pixel → map transform (GDAL's corner convention); written as ModelPixelScale +
 *                     ModelTiepoint when north-up, else as ModelTransformation
 * @param crs          its GeoKeys are written verbatim, so user-defined CRSs survive bit for bit
 * @param nodata       written as {@code GDAL_NODATA}; may be NaN; excluded from overview averages
 */
public record GeoMetadata(GeoTransform geoTransform, Crs crs, Double nodata) implements Serializable {

    /** No georeferencing and no nodata. */
    public static GeoMetadata none() {
        return new GeoMetadata(null, null, null);
    }

    /** The georeferencing and nodata of an existing raster, to write a derived image of the same grid. */
    public static GeoMetadata of(RasterInfo info) {
        return new GeoMetadata(info.geoTransform(), info.crs(), info.nodata());
    }

    public GeoMetadata withNodata(Double value) {
        return new GeoMetadata(geoTransform, crs, value);
    }
}
