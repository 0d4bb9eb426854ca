package io.radnorm.algorithms.global;

import java.io.Serializable;

/** The linear correction {@code corrected = gain·value + offset} of one image in one band. */
public record GainOffset(double gain, double offset) implements Serializable {

    /** Leaves values unchanged. */
    public static final GainOffset IDENTITY = new GainOffset(1, 0);

    public double apply(double value) {
        return gain * value + offset;
    }
}
