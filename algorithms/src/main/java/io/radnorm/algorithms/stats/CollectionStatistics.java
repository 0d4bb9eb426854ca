package io.radnorm.algorithms.stats;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable statistics of a collection of images, per band: each image's whole-image moments
 * and each overlapping pair's moments over the pixels valid in both. One instance is built per
 * canvas cell on an executor; Spark reduces them with {@link #merge}; only this object — never a
 * pixel — reaches the driver.
 *
 * <p>Pairs are keyed (i, j) with i &lt; j; the pair's statistics are taken on image i's grid.
 */
public final class CollectionStatistics implements Serializable, CellVisitor {

    private static final long serialVersionUID = 1L;

    private final int bandCount;
    private final Map<Integer, MomentAccumulator[]> whole = new HashMap<>();
    private final Map<Long, PairMomentAccumulator[]> pairs = new HashMap<>();

    public CollectionStatistics(int bandCount) {
        this.bandCount = bandCount;
    }

    public int bandCount() {
        return bandCount;
    }

    /** The accumulators of image {@code i} (created on first use), one per band. */
    public MomentAccumulator[] whole(int i) {
        return whole.computeIfAbsent(i, k -> newMoments());
    }

    /** The accumulators of pair (i, j), i &lt; j (created on first use), one per band. */
    public PairMomentAccumulator[] pair(int i, int j) {
        if (i >= j) {
            throw new IllegalArgumentException("pairs are keyed with i < j, got " + i + ", " + j);
        }
        return pairs.computeIfAbsent(key(i, j), k -> newPairs());
    }

    @Override
    public void pixel(int image, int band, double value) {
        whole(image)[band].add(value);
    }

    @Override
    public void pair(int i, int j, int band, double x, double y, double valueI, double valueJ) {
        pair(i, j)[band].add(valueI, valueJ);
    }

    @Override
    public void pixels(int image, int band, double[] values, int count) {
        // a row at a time (two-pass block moments, Chan-merged): no division per sample as in add()
        whole(image)[band].addAll(values, 0, count);
    }

    @Override
    public void pairs(int i, int j, int band, double y, double[] xs, double[] valuesI, double[] valuesJ, int count) {
        pair(i, j)[band].addAll(valuesI, valuesJ, count);
    }

    /** Adds everything of {@code other} into this (Chan's merge per accumulator); returns this. */
    public CollectionStatistics merge(CollectionStatistics other) {
        if (other.bandCount != bandCount) {
            throw new IllegalArgumentException("band counts differ: " + bandCount + " vs " + other.bandCount);
        }
        other.whole.forEach((i, acc) -> {
            MomentAccumulator[] mine = whole(i);
            for (int b = 0; b < bandCount; b++) {
                mine[b].merge(acc[b]);
            }
        });
        other.pairs.forEach((k, acc) -> {
            PairMomentAccumulator[] mine = pairs.computeIfAbsent(k, x -> newPairs());
            for (int b = 0; b < bandCount; b++) {
                mine[b].merge(acc[b]);
            }
        });
        return this;
    }

    /** Whole-image moments of image {@code i} in band {@code band}; empty if the image had no valid pixel. */
    public Moments wholeMoments(int i, int band) {
        MomentAccumulator[] acc = whole.get(i);
        return acc == null ? Moments.EMPTY : acc[band].toMoments();
    }

    /** The pairs seen, by (i, j) in ascending order, with their per-band accumulators. */
    public Map<Long, PairMomentAccumulator[]> pairs() {
        return new TreeMap<>(pairs);
    }

    public static long key(int i, int j) {
        return ((long) i << 32) | (j & 0xFFFFFFFFL);
    }

    public static int keyI(long key) {
        return (int) (key >>> 32);
    }

    public static int keyJ(long key) {
        return (int) key;
    }

    private MomentAccumulator[] newMoments() {
        MomentAccumulator[] a = new MomentAccumulator[bandCount];
        for (int b = 0; b < bandCount; b++) {
            a[b] = new MomentAccumulator();
        }
        return a;
    }

    private PairMomentAccumulator[] newPairs() {
        PairMomentAccumulator[] a = new PairMomentAccumulator[bandCount];
        for (int b = 0; b < bandCount; b++) {
            a[b] = new PairMomentAccumulator();
        }
        return a;
    }
}
