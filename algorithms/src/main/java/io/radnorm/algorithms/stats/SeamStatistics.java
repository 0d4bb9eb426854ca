package io.radnorm.algorithms.stats;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * radnorm's seam metric, per overlapping pair and band: the mean absolute difference and the RMSE
 * of the two images over the pixels valid in both (on the first image's grid). Built cell by cell
 * and merged like {@link CollectionStatistics}; smaller is more seamless.
 */
public final class SeamStatistics implements Serializable, CellVisitor {

    private static final long serialVersionUID = 1L;

    /** Sums of one pair in one band; mergeable by addition. */
    public static final class Differences implements Serializable {
        private long count;
        private double sumAbs;
        private double sumSquares;

        void add(double d) {
            count++;
            sumAbs += Math.abs(d);
            sumSquares += d * d;
        }

        void merge(Differences o) {
            count += o.count;
            sumAbs += o.sumAbs;
            sumSquares += o.sumSquares;
        }

        public long count() {
            return count;
        }

        public double meanAbsoluteDifference() {
            return count == 0 ? Double.NaN : sumAbs / count;
        }

        public double rmse() {
            return count == 0 ? Double.NaN : Math.sqrt(sumSquares / count);
        }
    }

    private final int bandCount;
    private final Map<Long, Differences[]> pairs = new TreeMap<>();

    public SeamStatistics(int bandCount) {
        this.bandCount = bandCount;
    }

    public int bandCount() {
        return bandCount;
    }

    @Override
    public void pixel(int image, int band, double value) {
        // whole-image pixels do not enter the seam metric
    }

    @Override
    public void pair(int i, int j, int band, double x, double y, double valueI, double valueJ) {
        pairs.computeIfAbsent(CollectionStatistics.key(i, j), k -> newDifferences())[band].add(valueI - valueJ);
    }

    @Override
    public void pairs(int i, int j, int band, double y, double[] xs, double[] valuesI, double[] valuesJ, int count) {
        Differences d = pairs.computeIfAbsent(CollectionStatistics.key(i, j), k -> newDifferences())[band];
        for (int k = 0; k < count; k++) {
            d.add(valuesI[k] - valuesJ[k]);
        }
    }

    public SeamStatistics merge(SeamStatistics other) {
        other.pairs.forEach((k, d) -> {
            Differences[] mine = pairs.computeIfAbsent(k, x -> newDifferences());
            for (int b = 0; b < bandCount; b++) {
                mine[b].merge(d[b]);
            }
        });
        return this;
    }

    /** Pairs by key ({@link CollectionStatistics#key}) in ascending order. */
    public Map<Long, Differences[]> pairs() {
        return new TreeMap<>(pairs);
    }

    private Differences[] newDifferences() {
        Differences[] d = new Differences[bandCount];
        for (int b = 0; b < bandCount; b++) {
            d[b] = new Differences();
        }
        return d;
    }
}
