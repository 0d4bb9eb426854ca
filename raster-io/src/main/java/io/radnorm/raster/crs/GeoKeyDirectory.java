package io.radnorm.raster.crs;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The GeoTIFF GeoKey directory as stored in a file: the {@code GeoKeyDirectoryTag} (34735) SHORTs,
 * the {@code GeoDoubleParamsTag} (34736) and the {@code GeoAsciiParamsTag} (34737).
 *
 * <p>Kept verbatim so that a corrected image carries its input's georeferencing bit for bit, even
 * for user-defined CRSs that no EPSG code names. Keys are looked up by id; a key's value lives
 * either in the directory itself (location 0), in the double params, or in the ASCII params.
 */
public final class GeoKeyDirectory implements Serializable {

    public static final int GT_MODEL_TYPE = 1024;
    public static final int GT_RASTER_TYPE = 1025;
    public static final int GT_CITATION = 1026;
    public static final int GEOGRAPHIC_TYPE = 2048;
    public static final int GEOG_CITATION = 2049;
    public static final int PROJECTED_CS_TYPE = 3072;
    public static final int PCS_CITATION = 3073;

    public static final int MODEL_TYPE_PROJECTED = 1;
    public static final int MODEL_TYPE_GEOGRAPHIC = 2;
    public static final int RASTER_PIXEL_IS_AREA = 1;
    public static final int RASTER_PIXEL_IS_POINT = 2;
    /** GeoTIFF's "user-defined" code. */
    public static final int USER_DEFINED = 32767;

    private static final int TAG_DOUBLE_PARAMS = 34736;
    private static final int TAG_ASCII_PARAMS = 34737;

    private final int[] directory;
    private final double[] doubleParams;
    private final String asciiParams;

    /**
     * @param directory     the GeoKeyDirectoryTag values (header of 4 then 4 per key), as unsigned ints
     * @param doubleParams  GeoDoubleParamsTag values, or an empty array
     * @param asciiParams   GeoAsciiParamsTag text, or ""
     */
    public GeoKeyDirectory(int[] directory, double[] doubleParams, String asciiParams) {
        if (directory.length < 4 || directory.length < 4 + 4 * directory[3]) {
            throw new IllegalArgumentException("GeoKeyDirectory of " + directory.length
                    + " values is shorter than its header says");
        }
        this.directory = directory.clone();
        this.doubleParams = doubleParams == null ? new double[0] : doubleParams.clone();
        this.asciiParams = asciiParams == null ? "" : asciiParams;
    }

    /** A directory for an EPSG-coded CRS: model type, PixelIsArea, and the CRS key. */
    public static GeoKeyDirectory forEpsg(int epsg, boolean projected) {
        int crsKey = projected ? PROJECTED_CS_TYPE : GEOGRAPHIC_TYPE;
        return new GeoKeyDirectory(new int[] {
            1, 1, 0, 3,
            GT_MODEL_TYPE, 0, 1, projected ? MODEL_TYPE_PROJECTED : MODEL_TYPE_GEOGRAPHIC,
            GT_RASTER_TYPE, 0, 1, RASTER_PIXEL_IS_AREA,
            crsKey, 0, 1, epsg}, new double[0], "");
    }

    public int[] directory() {
        return directory.clone();
    }

    public double[] doubleParams() {
        return doubleParams.clone();
    }

    public String asciiParams() {
        return asciiParams;
    }

    public int keyCount() {
        return directory[3];
    }

    private int entry(int keyId) {
        for (int k = 0; k < keyCount(); k++) {
            if (directory[4 + 4 * k] == keyId) {
                return 4 + 4 * k;
            }
        }
        return -1;
    }

    public boolean has(int keyId) {
        return entry(keyId) >= 0;
    }

    /** A SHORT-valued key stored in the directory, or {@code -1} if absent or not a SHORT. */
    public int intValue(int keyId) {
        int e = entry(keyId);
        if (e < 0 || directory[e + 1] != 0) {
            return -1;
        }
        return directory[e + 3];
    }

    /** A DOUBLE-valued key, or NaN if absent. */
    public double doubleValue(int keyId) {
        int e = entry(keyId);
        if (e < 0 || directory[e + 1] != TAG_DOUBLE_PARAMS || directory[e + 3] >= doubleParams.length) {
            return Double.NaN;
        }
        return doubleParams[directory[e + 3]];
    }

    /** An ASCII key without its '|' terminator, or {@code null} if absent. */
    public String asciiValue(int keyId) {
        int e = entry(keyId);
        if (e < 0 || directory[e + 1] != TAG_ASCII_PARAMS) {
            return null;
        }
        int count = directory[e + 2], offset = directory[e + 3];
        if (offset < 0 || offset + count > asciiParams.length()) {
            return null;
        }
        String s = asciiParams.substring(offset, offset + count);
        return s.endsWith("|") ? s.substring(0, s.length() - 1) : s;
    }

    /** 1 projected, 2 geographic, 3 geocentric, or -1. */
    public int modelType() {
        return intValue(GT_MODEL_TYPE);
    }

    public boolean isPixelIsPoint() {
        return intValue(GT_RASTER_TYPE) == RASTER_PIXEL_IS_POINT;
    }

    /** The EPSG code of the CRS if the keys name one (projected first), else 0. */
    public int epsgCode() {
        int p = intValue(PROJECTED_CS_TYPE);
        if (p > 0 && p != USER_DEFINED) {
            return p;
        }
        int g = intValue(GEOGRAPHIC_TYPE);
        if (modelType() != MODEL_TYPE_PROJECTED && g > 0 && g != USER_DEFINED) {
            return g;
        }
        return 0;
    }

    /** The most specific citation text the keys carry, or {@code null}. */
    public String citation() {
        for (int key : new int[] {PCS_CITATION, GT_CITATION, GEOG_CITATION}) {
            String s = asciiValue(key);
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeoKeyDirectory g && Arrays.equals(directory, g.directory)
                && Arrays.equals(doubleParams, g.doubleParams) && asciiParams.equals(g.asciiParams);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(directory) * 31 + Arrays.hashCode(doubleParams) * 17 + asciiParams.hashCode();
    }

    @Override
    public String toString() {
        return "GeoKeyDirectory[keys=" + keyCount() + ", epsg=" + epsgCode() + "]";
    }
}
