package io.radnorm.algorithms.mask;

import java.util.Locale;

/** Which side of a vector mask's polygons the statistics use (spectralmatch's {@code vector_mask} mode). */
public enum MaskMode {

    /** Statistics only from pixels inside the polygons. */
    INCLUDE,

    /** Statistics only from pixels outside the polygons. */
    EXCLUDE;

    /** {@code "include"} or {@code "exclude"}, any case. */
    public static MaskMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mask mode must be include or exclude, not \"" + s + "\"", e);
        }
    }

    /** Whether a pixel is used, given whether it is inside the polygons. */
    public boolean keeps(boolean inside) {
        return this == INCLUDE ? inside : !inside;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
