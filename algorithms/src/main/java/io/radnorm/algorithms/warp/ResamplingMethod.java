package io.radnorm.algorithms.warp;

import java.util.Locale;

/**
 * GDAL's resampling kernels, by their GDAL names ({@code -r near|bilinear|cubic}).
 * The radius is the kernel's half-width in source pixels when not downsampling.
 */
public enum ResamplingMethod {
    /** The source pixel containing the position. */
    NEAREST(0),
    /** Triangle kernel over the 2×2 nearest pixel centres. */
    BILINEAR(1),
    /** Keys' cubic convolution with a = −0.5 (Catmull-Rom, GDAL's "cubic") over 4×4 pixel centres. */
    CUBIC(2);

    private final int radius;

    ResamplingMethod(int radius) {
        this.radius = radius;
    }

    public int radius() {
        return radius;
    }

    /** The kernel weight at distance {@code d} (in kernel units) from the sample position. */
    double weight(double d) {
        double x = Math.abs(d);
        return switch (this) {
            case NEAREST -> 1;
            case BILINEAR -> x < 1 ? 1 - x : 0;
            case CUBIC -> x < 1 ? (1.5 * x - 2.5) * x * x + 1 : x < 2 ? ((-0.5 * x + 2.5) * x - 4) * x + 2 : 0;
        };
    }

    /** Parses {@code nearest}/{@code near}, {@code bilinear}, {@code cubic}. */
    public static ResamplingMethod parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "nearest", "near" -> NEAREST;
            case "bilinear" -> BILINEAR;
            case "cubic" -> CUBIC;
            default -> throw new IllegalArgumentException("unknown resampling '" + name
                    + "' (expected nearest, bilinear or cubic)");
        };
    }
}
