package io.radnorm.raster;

import io.radnorm.raster.crs.Crs;
import java.io.Serializable;
import org.locationtech.jts.geom.Envelope;

/**
 * What a raster file's header says: size, bands, data type, georeferencing, nodata and layout.
 * Read once per file and cached; everything a job plans with (footprints, overlaps, windows) comes
 * from here without touching pixels.
 *
 * @param location      the path or URI as given
 * @param geoTransform  pixel → map transform, or {@code null} if the file has none
 * @param crs           the CRS, or {@code null} if the file has no GeoKeys
 * @param nodata        the {@code GDAL_NODATA} value (may be NaN), or {@code null} if none is set
 */
public record RasterInfo(String location, int width, int height, int bandCount, DataType dataType,
                         GeoTransform geoTransform, Crs crs, Double nodata, RasterLayout layout)
        implements Serializable {

    public boolean hasNodata() {
        return nodata != null;
    }

    public boolean isGeoreferenced() {
        return geoTransform != null;
    }

    /** The map extent; a raster without georeferencing is placed at pixel coordinates (y up). */
    public Envelope bounds() {
        GeoTransform gt = geoTransform != null ? geoTransform : GeoTransform.northUp(0, height, 1, 1);
        return gt.bounds(width, height);
    }

    /** The file name without directories and extension: how jobs name their outputs. */
    public String name() {
        return baseName(location);
    }

    public static String baseName(String location) {
        String s = location;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        s = s.substring(s.lastIndexOf('/') + 1);
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    public long pixelCount() {
        return (long) width * height;
    }

    public GridSize size() {
        return new GridSize(width, height);
    }
}
