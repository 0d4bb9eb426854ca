package io.radnorm.algorithms.bandmath;

import java.io.Serializable;

/**
 * A percentile of one band of an image, as written in an expression: {@code 5%b1} is the 5th
 * percentile of band 1 over the image's valid pixels.
 *
 * @param percent in [0, 100]
 * @param band    1-based band number
 */
public record PercentileTerm(double percent, int band) implements Serializable {

    public PercentileTerm {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile " + percent + " is outside 0..100");
        }
        if (band < 1) {
            throw new IllegalArgumentException("bands are numbered from 1 (b1 is the first band)");
        }
    }

    @Override
    public String toString() {
        return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%b" + band;
    }
}
