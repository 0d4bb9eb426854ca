package io.radnorm.algorithms.stats;

import java.io.Serializable;

/**
 * Count, mean and <em>population</em> standard deviation (divisor n, numpy's {@code ddof=0}) of a
 * set of values — the statistics the global regression works from.
 *
 * <p>An empty set has count 0 and, by convention, a NaN mean and std: there is no meaningful value
 * and NaN makes accidental use visible. Consumers must check {@link #count()} before using the
 * other two. A negative std is rejected; NaN components are allowed here and rejected where they
 * would be used.
 *
 * <p>Immutable; use {@link MomentAccumulator} to build one from many values.
 */
public record Moments(long count, double mean, double std) implements Serializable {

    /** The moments of no values. */
    public static final Moments EMPTY = new Moments(0, Double.NaN, Double.NaN);

    public Moments {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (std < 0) {
            throw new IllegalArgumentException("std must not be negative: " + std);
        }
    }

    /** Population variance, {@code std²}. */
    public double variance() {
        return std * std;
    }

    /**
     * Moments of literal values with the corrected two-pass algorithm, the most accurate simple
     * method: a reference for tests and small inputs, not for pixel loops.
     */
    public static Moments of(double... values) {
        int n = values.length;
        if (n == 0) {
            return EMPTY;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        // Second pass on deviations; the sum of deviations corrects the rounding error left in
        // the first-pass mean (Chan, Golub & LeVeque 1983).
        double squares = 0;
        double deviations = 0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
            deviations += d;
        }
        double m2 = Math.max(0, squares - deviations * deviations / n);
        return new Moments(n, mean + deviations / n, Math.sqrt(m2 / n));
    }
}
