package io.radnorm.algorithms.correction;

import java.io.Serializable;

/**
 * A radiometric correction of one image: the corrected value of a valid pixel, given its band,
 * its position (pixel-centre coordinates in the image's own grid, so (0.5, 0.5) is the top-left
 * pixel) and its value. Computed in double precision; storing into the output type is
 * {@link CorrectionApplier}'s business. Global corrections ignore the position; local ones
 * interpolate block maps at it.
 *
 * <p>{@link #applyRow} is the bulk form the apply pass uses: a whole row segment per call, so a
 * correction can hoist what is constant along a row (the vertical half of an interpolation, a
 * band's coefficients) out of the per-pixel loop. It must give exactly what {@link #apply} gives
 * for every pixel, bit for bit: the output may not depend on how an image is cut into windows or
 * rows.
 */
@FunctionalInterface
public interface PixelCorrection extends Serializable {

    double apply(int band, double col, double row, double value);

    /**
     * Corrects, in place, the valid samples of one row segment of {@code band}: {@code values[i]}
     * is the pixel at pixel-centre position ({@code col0 + i + 0.5}, {@code row}) for
     * {@code i < length}; entries whose {@code valid[i]} is false are left as they are.
     */
    default void applyRow(int band, double row, int col0, double[] values, boolean[] valid, int length) {
        for (int i = 0; i < length; i++) {
            if (valid[i]) {
                values[i] = apply(band, col0 + i + 0.5, row, values[i]);
            }
        }
    }

    /** This correction followed by {@code next} (e.g. global then local, in floating point). */
    default PixelCorrection andThen(PixelCorrection next) {
        return new CorrectionSequence(this, next);
    }
}
