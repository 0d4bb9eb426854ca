package io.radnorm.spark;

import io.radnorm.algorithms.stats.CellPixels;
import io.radnorm.algorithms.stats.CellVisitor;
import io.radnorm.algorithms.stats.ImageWindow;
import java.io.Serializable;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;

/**
 * A {@link CellAggregator} for every statistic that is a {@link CellVisitor}: the cell's pixels
 * (and, with {@code pairs}, its overlap pixel pairs) are walked by {@link CellPixels} into it.
 *
 * @param <S> the statistic: visited, mergeable, serializable
 */
public final class VisitorAggregator<S extends CellVisitor & Serializable> implements CellAggregator<S> {

    /** A {@link Supplier} Spark can ship. */
    public interface Zero<S> extends Supplier<S>, Serializable {
    }

    /** A merge Spark can ship. */
    public interface Merge<S> extends BinaryOperator<S>, Serializable {
    }

    private final Zero<S> zero;
    private final Merge<S> merge;
    private final int bandCount;
    private final boolean pairs;

    /**
     * @param pairs whether overlap pixel pairs are visited too (they cost a resampling of every overlap)
     */
    public VisitorAggregator(int bandCount, boolean pairs, Zero<S> zero, Merge<S> merge) {
        this.zero = zero;
        this.merge = merge;
        this.bandCount = bandCount;
        this.pairs = pairs;
    }

    @Override
    public S zero() {
        return zero.get();
    }

    @Override
    public void add(Envelope cell, List<ImageWindow> windows, S into) {
        if (pairs) {
            CellPixels.visit(cell, windows, bandCount, into);
        } else {
            CellPixels.visitOwnedPixels(cell, windows, bandCount, into);
        }
    }

    @Override
    public S merge(S a, S b) {
        return merge.apply(a, b);
    }
}
