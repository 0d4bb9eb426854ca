package io.radnorm.algorithms.local;

/**
 * How a pixel value x is moved from its local block mean M_loc towards the reference mean M_ref
 * (both interpolated at the pixel), and how far values must be shifted first so that the formula
 * is defined. With a shift s (see {@link #shift}):
 *
 * <ul>
 * <li>{@link #GAMMA} (Yu et al.; the default): {@code out = α·(x+s)^γ − s} with
 *     {@code γ = ln(M_ref+s) / ln(M_loc+s)}. At x = M_loc (α = 1) the result is M_ref exactly; the
 *     exponent bends darker and brighter values differently, which a gain cannot.
 * <li>{@link #LINEAR}: {@code out = (x+s)·(M_ref+s)/(M_loc+s) − s}, a local gain. α does not apply.
 * </ul>
 */
public enum LocalCorrectionMethod {

    GAMMA {
        /**
         * γ needs every shifted value and mean above 1 — ln ≤ 0 flips or explodes the exponent,
         * and a mean near 1 makes ln M_loc ≈ 0 — and comfortably so: shifted values are lifted to
         * at least 2 (ln 2 ≈ 0.69), so no denominator comes near 0. Data whose
         * smallest value or mean is already ≥ 2 (DN imagery, almost always) is not shifted, exactly
         * as the reference computes it; data in [0, 2) (e.g. reflectance in [0, 1]) is.
         */
        @Override
        public double shift(double smallest) {
            return smallest >= GAMMA_FLOOR || smallest != smallest ? 0 : GAMMA_FLOOR - smallest;
        }
    },

    LINEAR {
        /**
         * A ratio of means is scale-free and fine for any positive data, so positive data is never
         * shifted (the correction stays a pure gain); data reaching 0 or below, where the ratio is
         * meaningless or infinite, is lifted to a smallest value of 1.
         */
        @Override
        public double shift(double smallest) {
            return smallest > 0 || smallest != smallest ? 0 : 1 - smallest;
        }
    };

    /** Smallest shifted value {@link #GAMMA} works with. */
    public static final double GAMMA_FLOOR = 2;

    /**
     * The shift s for one image and band, given the smallest value the formula can meet there:
     * the image band's smallest valid value (after its global correction) and the smallest means
     * of the local and reference maps in that band. Interpolated means never leave the range of
     * their nodes, so every x, M_loc, M_ref the correction meets is at least {@code smallest}.
     * One shift per image and band — never per window — keeps the result independent of how the
     * image is cut into windows. 0 when {@code smallest} is NaN (nothing to correct).
     */
    public abstract double shift(double smallest);

    /** Parses {@code gamma} or {@code linear}, in any case. */
    public static LocalCorrectionMethod parse(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "gamma" -> GAMMA;
            case "linear" -> LINEAR;
            default -> throw new IllegalArgumentException("unknown local correction method '" + name
                    + "' (expected gamma or linear)");
        };
    }
}
