package io.radnorm.algorithms.correction;

import java.util.Objects;

/**
 * Two corrections one after the other ({@link PixelCorrection#andThen}), in double precision: the
 * first's result is the second's input, never rounded in between. Row by row, each correction
 * runs its own bulk {@link PixelCorrection#applyRow}.
 */
public record CorrectionSequence(PixelCorrection first, PixelCorrection then) implements PixelCorrection {

    public CorrectionSequence {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(then, "then");
    }

    @Override
    public double apply(int band, double col, double row, double value) {
        return then.apply(band, col, row, first.apply(band, col, row, value));
    }

    @Override
    public void applyRow(int band, double row, int col0, double[] values, boolean[] valid, int length) {
        first.applyRow(band, row, col0, values, valid, length);
        then.applyRow(band, row, col0, values, valid, length);
    }
}
