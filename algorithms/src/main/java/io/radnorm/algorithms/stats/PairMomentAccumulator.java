package io.radnorm.algorithms.stats;

import java.io.Serializable;

/**
 * Moments of two images over the same pixels — the overlap statistics of a pair (i, j): a pixel
 * is added only where both images are valid, so both sides always share one count n_ij.
 *
 * <p>Mutable, not thread-safe, {@link Serializable}; see {@link MomentAccumulator} for the
 * numerical method.
 */
public final class PairMomentAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final MomentAccumulator ofI = new MomentAccumulator();
    private final MomentAccumulator ofJ = new MomentAccumulator();

    /** Adds one pixel valid in both images: {@code valueI} from image i, {@code valueJ} from j. */
    public PairMomentAccumulator add(double valueI, double valueJ) {
        ofI.add(valueI);
        ofJ.add(valueJ);
        return this;
    }

    /** The first {@code count} pairs of the two arrays, as a block (see {@link MomentAccumulator#addAll}). */
    public PairMomentAccumulator addAll(double[] valuesI, double[] valuesJ, int count) {
        ofI.addAll(valuesI, 0, count);
        ofJ.addAll(valuesJ, 0, count);
        return this;
    }

    public PairMomentAccumulator merge(PairMomentAccumulator other) {
        ofI.merge(other.ofI);
        ofJ.merge(other.ofJ);
        return this;
    }

    /** n_ij, the number of pixels valid in both images. */
    public long count() {
        return ofI.count();
    }

    public Moments ofI() {
        return ofI.toMoments();
    }

    public Moments ofJ() {
        return ofJ.toMoments();
    }
}
