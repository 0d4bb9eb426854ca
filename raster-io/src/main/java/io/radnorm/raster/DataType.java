package io.radnorm.raster;

import java.util.Locale;

/**
 * The pixel data types a GeoTIFF band can hold, named as GDAL names them.
 *
 * <p>Each type knows its TIFF encoding ({@code BitsPerSample} and {@code SampleFormat}), its value
 * range, and how a computed {@code double} is stored into it: integer types <em>round to nearest</em>
 * (ties away from zero) and <em>clip</em> to their range, so a correction that overshoots saturates
 * instead of wrapping (the reference Python toolkit truncates and wraps, which turns a bright pixel
 * black). NaN stored into an integer type becomes 0; callers mask nodata before storing.
 *
 * <p>In memory a {@link Raster} holds each type in the narrowest Java primitive array with the same
 * bit pattern: {@code byte[]} for UINT8/INT8, {@code short[]} for UINT16/INT16, {@code int[]} for
 * UINT32/INT32, {@code float[]} and {@code double[]}. Unsigned values are read back with masking.
 */
public enum DataType {
    UINT8(8, 1, "Byte", 0, 255),
    INT8(8, 2, "Int8", -128, 127),
    UINT16(16, 1, "UInt16", 0, 65535),
    INT16(16, 2, "Int16", -32768, 32767),
    UINT32(32, 1, "UInt32", 0, 4294967295.0),
    INT32(32, 2, "Int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    FLOAT32(32, 3, "Float32", -Float.MAX_VALUE, Float.MAX_VALUE),
    FLOAT64(64, 3, "Float64", -Double.MAX_VALUE, Double.MAX_VALUE);

    /** TIFF SampleFormat values. */
    public static final int SAMPLE_FORMAT_UINT = 1, SAMPLE_FORMAT_INT = 2, SAMPLE_FORMAT_IEEEFP = 3;

    private final int bits;
    private final int sampleFormat;
    private final String gdalName;
    private final double min;
    private final double max;

    DataType(int bits, int sampleFormat, String gdalName, double min, double max) {
        this.bits = bits;
        this.sampleFormat = sampleFormat;
        this.gdalName = gdalName;
        this.min = min;
        this.max = max;
    }

    public int bitsPerSample() {
        return bits;
    }

    public int bytesPerSample() {
        return bits / 8;
    }

    /** TIFF tag 339 value: 1 unsigned integer, 2 signed integer, 3 IEEE float. */
    public int sampleFormat() {
        return sampleFormat;
    }

    /** The name GDAL prints ({@code gdalinfo}'s {@code Type=}). */
    public String gdalName() {
        return gdalName;
    }

    public boolean isFloatingPoint() {
        return sampleFormat == SAMPLE_FORMAT_IEEEFP;
    }

    public double minValue() {
        return min;
    }

    public double maxValue() {
        return max;
    }

    /** Whether {@code v} can be stored exactly (used to validate a nodata value for this type). */
    public boolean canRepresent(double v) {
        if (isFloatingPoint()) {
            return this == FLOAT64 || Double.isNaN(v) || Double.isInfinite(v) || (float) v == v;
        }
        return v >= min && v <= max && v == Math.rint(v);
    }

    /**
     * The value an integer band actually stores for {@code v}: rounded to nearest, clipped to the
     * range; floating types return {@code v} (FLOAT32 narrowed to float precision).
     */
    public double toStorable(double v) {
        if (this == FLOAT64) {
            return v;
        }
        if (this == FLOAT32) {
            return (float) v;
        }
        if (Double.isNaN(v)) {
            return 0;
        }
        // Round half away from zero, as GDAL does, without a data-dependent branch: corrected values
        // have random fractions, and a branch on the fraction mispredicted half the time (≈ 7 ns a
        // sample, more than the correction itself). |v| + 0.5 is exact for 0.5 ≤ |v| < 2^52, so
        // floor() of it is the rounded |v|; below 0.5 the answer is 0 (the sum could round up to 1
        // for the largest double under 0.5); from 2^52 on every double is an integer beyond the
        // range of any integer type, clipped below either way. + 0.0 turns −0.0 into 0.0.
        double a = Math.abs(v);
        double r = Math.copySign(a < 0.5 ? 0 : Math.floor(a + 0.5), v) + 0.0;
        return r < min ? min : Math.min(r, max);
    }

    /**
     * What a data value {@code v} is stored as where the band's nodata is {@code nodata}
     * ({@code null}: none): {@link #toStorable}, moved one step off the nodata value if it would land
     * on it (the next float up; an integer one step inside the range), so data never becomes a hole.
     */
    public double toStorableAvoiding(double v, Double nodata) {
        double s = toStorable(v);
        if (nodata != null && s == nodata) {
            if (isFloatingPoint()) {
                s = this == FLOAT32 ? Math.nextUp((float) s) : Math.nextUp(s);
            } else {
                s = s + 1 <= max ? s + 1 : s - 1;
            }
        }
        return s;
    }

    /** What a pixel without data holds: {@code nodata}, else NaN for floating types and 0 for integers. */
    public double fillValue(Double nodata) {
        return nodata != null ? nodata : isFloatingPoint() ? Double.NaN : 0;
    }

    /** The data type for a TIFF BitsPerSample / SampleFormat pair, or {@code null} if unsupported. */
    public static DataType fromTiff(int bitsPerSample, int sampleFormat) {
        for (DataType t : values()) {
            if (t.bits == bitsPerSample && t.sampleFormat == sampleFormat) {
                return t;
            }
        }
        return null;
    }

    /** Parses GDAL names and common aliases: {@code uint16}, {@code UInt16}, {@code float32}, {@code byte}. */
    public static DataType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("byte")) {
            return UINT8;
        }
        for (DataType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(n) || t.gdalName.toLowerCase(Locale.ROOT).equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown data type '" + name
                + "' (expected one of uint8, int8, uint16, int16, uint32, int32, float32, float64)");
    }
}
