package io.radnorm.algorithms;

/**
 * Which sample values count as data. A value is valid unless it is NaN or equals the band's nodata
 * value; a NaN nodata marks only NaN. Every statistic in radnorm uses this one rule.
 */
public final class Validity {

    private Validity() {
    }

    /** @param nodata the nodata value, or {@code null} when the image has none (then only NaN is invalid) */
    public static boolean isValid(double v, Double nodata) {
        return !Double.isNaN(v) && (nodata == null || v != nodata);
    }

    /** Primitive form for hot loops: pass {@code Double.NaN} as {@code nodata} when there is none. */
    public static boolean isValid(double v, double nodata) {
        return v == v && v != nodata;
    }
}
