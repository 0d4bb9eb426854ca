package io.radnorm.algorithms.correction;

import java.io.Serializable;

/**
 * A radiometric correction of one image: the corrected value of a valid pixel, given its band,
 * its position (pixel-centre coordinates in the image's own grid, so (0.5, 0.5) is the top-left
 * pixel) and its value. Computed in double precision; storing into the output type is
 * {@link CorrectionApplier}'s business. Global corrections ignore the position; local ones
 * interpolate block maps at it.
 */
@FunctionalInterface
public interface PixelCorrection extends Serializable {

    double apply(int band, double col, double row, double value);

    /** This correction followed by {@code next} (e.g. global then local, in floating point). */
    default PixelCorrection andThen(PixelCorrection next) {
        return (band, col, row, value) -> next.apply(band, col, row, apply(band, col, row, value));
    }
}
