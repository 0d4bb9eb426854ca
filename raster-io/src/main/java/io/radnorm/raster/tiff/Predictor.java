package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.tiff.codec.Compression;

/**
 * Which TIFF predictor (tag 317) a writer applies before compressing each tile.
 *
 * <p>A predictor replaces samples by differences from their left neighbour so that smooth images
 * become runs of small numbers that compress better; it is lossless. {@link #HORIZONTAL} is TIFF
 * predictor 2 (integer differencing, any sample size), {@link #FLOATING_POINT} is predictor 3
 * (Adobe's byte-plane predictor for IEEE floats; GDAL's {@code PREDICTOR=3}), {@link #NONE} is 1.
 *
 * <p>{@link #AUTO} picks what GDAL users pick by hand: horizontal for integer types, floating
 * point for float types, and none when the compression does not use predictors.
 *
 * <p>Only LZW, Deflate and ZSTD use a predictor. libtiff (and therefore GDAL) ignores the
 * Predictor tag for uncompressed and PackBits data, so a differenced tile would be read back as
 * garbage by every other reader: an explicit predictor with those compressions is refused.
 */
public enum Predictor {
    NONE, HORIZONTAL, FLOATING_POINT, AUTO;

    /** Whether libtiff applies a predictor with {@code compression} (GDAL's GTIFFSupportsPredictor). */
    public static boolean supportedBy(Compression compression) {
        return compression == Compression.LZW || compression == Compression.DEFLATE
                || compression == Compression.ZSTD;
    }

    /**
     * The Predictor tag value (1, 2 or 3) to write for {@code type} compressed with {@code compression}.
     *
     * @throws IllegalArgumentException if this predictor cannot be used with them: a predictor with
     *         NONE or PACKBITS compression, or the floating-point predictor on an integer type
     */
    public int tagValue(DataType type, Compression compression) {
        boolean supported = supportedBy(compression);
        switch (this) {
            case NONE:
                return 1;
            case AUTO:
                return !supported ? 1 : type.isFloatingPoint() ? 3 : 2;
            case HORIZONTAL:
                requireSupported(compression);
                return 2;
            case FLOATING_POINT:
                requireSupported(compression);
                if (!type.isFloatingPoint()) {
                    throw new IllegalArgumentException("the floating-point predictor needs a float type, not "
                            + type.gdalName() + "; use HORIZONTAL or AUTO");
                }
                return 3;
            default:
                throw new AssertionError(this);
        }
    }

    private void requireSupported(Compression compression) {
        if (!supportedBy(compression)) {
            throw new IllegalArgumentException("predictor " + this + " cannot be used with " + compression
                    + " compression: libtiff and GDAL ignore the Predictor tag there; use NONE or AUTO");
        }
    }
}
