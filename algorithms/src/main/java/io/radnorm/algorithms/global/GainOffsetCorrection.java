package io.radnorm.algorithms.global;

import io.radnorm.algorithms.correction.PixelCorrection;
import java.util.List;

/** The global correction of one image: {@code out = gain_b · x + offset_b} per band b. */
public record GainOffsetCorrection(List<GainOffset> perBand) implements PixelCorrection {

    public GainOffsetCorrection {
        perBand = List.copyOf(perBand);
    }

    @Override
    public double apply(int band, double col, double row, double value) {
        return perBand.get(band).apply(value);
    }

    @Override
    public void applyRow(int band, double row, int col0, double[] values, boolean[] valid, int length) {
        GainOffset g = perBand.get(band);
        for (int i = 0; i < length; i++) {
            if (valid[i]) {
                values[i] = g.apply(values[i]);
            }
        }
    }
}
