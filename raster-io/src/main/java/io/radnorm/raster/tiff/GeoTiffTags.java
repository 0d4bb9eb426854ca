package io.radnorm.raster.tiff;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import java.util.Locale;

/**
 * Interprets the GeoTIFF and GDAL tags of an IFD: the pixel → map transform, the CRS and the
 * nodata value, with GDAL's conventions so that radnorm and {@code gdalinfo} agree on every file.
 */
final class GeoTiffTags {

    private GeoTiffTags() {
    }

    /**
     * From ModelTransformation if present, else ModelTiepoint + ModelPixelScale; {@code null} when
     * the file has neither. PixelIsPoint rasters are shifted by half a pixel to the corner
     * convention, as GDAL does by default.
     */
    static GeoTransform geoTransform(TiffDirectory d, GeoKeyDirectory keys) {
        GeoTransform gt = null;
        double[] m = d.doubles(TiffTag.MODEL_TRANSFORMATION);
        double[] tie = d.doubles(TiffTag.MODEL_TIEPOINT);
        double[] scale = d.doubles(TiffTag.MODEL_PIXEL_SCALE);
        if (m != null && m.length >= 16) {
            gt = new GeoTransform(m[3], m[0], m[1], m[7], m[4], m[5]);
        } else if (tie != null && tie.length >= 6 && scale != null && scale.length >= 2) {
            double sx = scale[0], sy = scale[1];
            gt = new GeoTransform(tie[3] - tie[0] * sx, sx, 0, tie[4] + tie[1] * sy, 0, -sy);
        }
        if (gt != null && keys != null && keys.isPixelIsPoint()) {
            gt = gt.window(-0.5, -0.5);
        }
        return gt;
    }

    static GeoKeyDirectory geoKeys(TiffDirectory d) {
        long[] dir = d.longs(TiffTag.GEO_KEY_DIRECTORY);
        if (dir == null || dir.length < 4) {
            return null;
        }
        int[] ints = new int[dir.length];
        for (int i = 0; i < dir.length; i++) {
            ints[i] = (int) dir[i];
        }
        try {
            return new GeoKeyDirectory(ints, d.doubles(TiffTag.GEO_DOUBLE_PARAMS), d.string(TiffTag.GEO_ASCII_PARAMS));
        } catch (IllegalArgumentException e) {
            return null; // a damaged key directory is treated as no CRS rather than failing the read
        }
    }

    static Crs crs(GeoKeyDirectory keys) {
        return keys == null ? null : Crs.fromGeoKeys(keys);
    }

    /** The GDAL_NODATA value: "nan", "inf", "-inf" or a number; {@code null} if absent or unparsable. */
    static Double nodata(TiffDirectory d) {
        String s = d.string(TiffTag.GDAL_NODATA);
        if (s == null) {
            return null;
        }
        return parseNodata(s);
    }

    static Double parseNodata(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if (s.equals("nan") || s.equals("-nan")) {
            return Double.NaN;
        }
        if (s.equals("inf") || s.equals("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (s.equals("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text GDAL writes for a nodata value: integers without a decimal point, NaN as "nan". */
    static String formatNodata(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
