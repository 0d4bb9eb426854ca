package io.radnorm.algorithms.stats;

import java.io.Serializable;
import java.util.Objects;

/**
 * Accumulates count, mean and population variance of a stream of values in one pass, and merges
 * with other accumulators — the per-partition building block of whole-image and overlap
 * statistics.
 *
 * <p>It keeps the count, the running mean and M2 (the sum of squared deviations from the mean),
 * never the raw sum of squares: satellite values near 10⁴ with a spread of a few units would lose
 * every significant digit in {@code Σx² − n·mean²}. Single values are added with Welford's update;
 * {@link #addAll(double[], int, int) blocks} with a corrected two-pass over the block (more
 * accurate and faster than per-value updates); accumulators are combined with the pairwise update
 * of Chan, Golub &amp; LeVeque, so results do not depend on how the data were partitioned beyond
 * rounding.
 *
 * <p>The accumulator does not filter: the caller passes only valid pixels (not nodata, not masked).
 * A NaN or infinite value poisons the result, on purpose — it is a bug upstream.
 *
 * <p>Mutable and not thread-safe; {@link Serializable} so Spark can ship it between stages.
 * Mutators return {@code this} to suit {@code aggregate}-style APIs.
 */
public final class MomentAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private long count;
    private double mean;
    private double m2;

    public MomentAccumulator() {
    }

    /** An accumulator holding the given moments, to merge more data into stored statistics. */
    public static MomentAccumulator from(Moments moments) {
        MomentAccumulator acc = new MomentAccumulator();
        if (moments.count() > 0) {
            acc.count = moments.count();
            acc.mean = moments.mean();
            acc.m2 = moments.variance() * moments.count();
        }
        return acc;
    }

    public MomentAccumulator add(double x) {
        count++;
        double d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
        return this;
    }

    public MomentAccumulator addAll(double[] values, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, values.length);
        if (length == 0) {
            return this;
        }
        int end = offset + length;
        double sum = 0;
        for (int k = offset; k < end; k++) {
            sum += values[k];
        }
        double blockMean = sum / length;
        double squares = 0;
        double deviations = 0;
        for (int k = offset; k < end; k++) {
            double d = values[k] - blockMean;
            squares += d * d;
            deviations += d;
        }
        combine(length, blockMean + deviations / length, squares - deviations * deviations / length);
        return this;
    }

    /** As {@link #addAll(double[], int, int)}, for bands read as 32-bit floats. */
    public MomentAccumulator addAll(float[] values, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, values.length);
        if (length == 0) {
            return this;
        }
        int end = offset + length;
        double sum = 0;
        for (int k = offset; k < end; k++) {
            sum += values[k];
        }
        double blockMean = sum / length;
        double squares = 0;
        double deviations = 0;
        for (int k = offset; k < end; k++) {
            double d = values[k] - blockMean;
            squares += d * d;
            deviations += d;
        }
        combine(length, blockMean + deviations / length, squares - deviations * deviations / length);
        return this;
    }

    /** Adds everything {@code other} has seen; {@code other} is left unchanged. */
    public MomentAccumulator merge(MomentAccumulator other) {
        // Read first: other may be this.
        combine(other.count, other.mean, other.m2);
        return this;
    }

    private void combine(long countB, double meanB, double m2B) {
        if (countB == 0) {
            return;
        }
        if (count == 0) {
            count = countB;
            mean = meanB;
            m2 = Math.max(0, m2B);
            return;
        }
        long total = count + countB;
        double delta = meanB - mean;
        double fractionB = (double) countB / total;
        mean += delta * fractionB;
        m2 += Math.max(0, m2B) + delta * delta * count * fractionB;
        count = total;
    }

    public long count() {
        return count;
    }

    /** The mean, NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Population variance (divisor n), NaN when empty. */
    public double variance() {
        return count == 0 ? Double.NaN : Math.max(0, m2) / count;
    }

    /** Population standard deviation, NaN when empty. */
    public double std() {
        return Math.sqrt(variance());
    }

    public Moments toMoments() {
        return count == 0 ? Moments.EMPTY : new Moments(count, mean, std());
    }

    @Override
    public String toString() {
        return "MomentAccumulator[count=" + count + ", mean=" + mean() + ", std=" + std() + "]";
    }
}
