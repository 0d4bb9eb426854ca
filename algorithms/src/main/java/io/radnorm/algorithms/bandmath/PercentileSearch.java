package io.radnorm.algorithms.bandmath;

import io.radnorm.raster.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exact percentiles of an image's bands from a few histogram passes over its pixels (a
 * distributed radix select): only counts reach the driver, never pixels, and the answer is exact
 * for every data type, floats included.
 *
 * <h2>Definition</h2>
 * The p-th percentile of a band is numpy's default ({@code numpy.percentile(x, p)}, method
 * "linear", type 7 of Hyndman and Fan) over the band's valid pixels (not NaN, not nodata): with
 * the n valid values sorted as x<sub>0</sub> ≤ … ≤ x<sub>n−1</sub> and h = (n − 1)·p/100,
 * {@code x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])}, computed as numpy's {@code _lerp} does it
 * (from the upper neighbour when the fraction is ≥ 0.5), so the bits match numpy's. No valid pixel:
 * NaN. ±infinity are valid float values and sort at the ends.
 *
 * <h2>Search</h2>
 * Values map to unsigned keys in the same order ({@link SortableKeys}: the value's offset from
 * the type's minimum for integers, the flipped IEEE bits for floats). Pass 1 counts each requested
 * band's valid pixels by the top 16 bits of their keys (8 for 8-bit types); that gives n, the
 * ranks ⌊h⌋ and ⌊h⌋+1 needed, and which digit holds each rank. Each further pass counts only the
 * pixels whose key starts with a rank's prefix found so far, by the next 16 bits, until the key
 * is whole. Passes: 1 for 8- and 16-bit types (a full-resolution histogram of the value range),
 * 2 for 32-bit (integers and float32), 4 for float64; each keeps at most 65,536 counters per
 * (band, prefix), and all percentiles of one image share the passes.
 *
 * <p>Use: {@link #nextPass()} plans a pass, the caller fills its {@link DigitHistograms} over
 * every window and merges them, {@link #accept} takes the sum; repeat until {@link #done()}; then
 * {@link #percentiles()}.
 */
public final class PercentileSearch {

    private final DataType type;
    private final List<PercentileTerm> terms;
    private final int bits;
    private final int digitBits;
    private final int passes;
    private int pass;
    private DigitPass planned;
    /** Valid pixels per requested band (0-based), known after the first pass. */
    private final Map<Integer, Long> counts = new LinkedHashMap<>();
    /** Rank targets still being narrowed; after the last pass their prefixes are whole keys. */
    private final List<Target> targets = new ArrayList<>();

    /** One order statistic of one band being searched: its residual rank below the prefix found so far. */
    private static final class Target {
        final int band;
        final long rank;
        long residual;
        long prefix;

        Target(int band, long rank) {
            this.band = band;
            this.rank = rank;
            this.residual = rank;
        }
    }

    public PercentileSearch(DataType type, Collection<PercentileTerm> terms) {
        this.type = type;
        this.terms = List.copyOf(new LinkedHashSet<>(terms));
        this.bits = SortableKeys.bits(type);
        this.digitBits = Math.min(16, bits);
        this.passes = bits / digitBits;
    }

    public boolean done() {
        return pass == passes || terms.isEmpty();
    }

    /** How many passes over the pixels the search takes in all. */
    public int passCount() {
        return terms.isEmpty() ? 0 : passes;
    }

    /** The next pass to run; {@link #accept} its merged counts before asking again. */
    public DigitPass nextPass() {
        if (done()) {
            throw new IllegalStateException("the search is done");
        }
        int shift = bits - digitBits * (pass + 1);
        List<Integer> bands = new ArrayList<>();
        List<Long> prefixes = new ArrayList<>();
        if (pass == 0) {
            terms.stream().map(t -> t.band() - 1).distinct().forEach(b -> {
                bands.add(b);
                prefixes.add(0L);
            });
        } else {
            Set<List<Long>> seen = new LinkedHashSet<>();
            for (Target t : targets) {
                if (seen.add(List.of((long) t.band, t.prefix))) {
                    bands.add(t.band);
                    prefixes.add(t.prefix);
                }
            }
        }
        planned = new DigitPass(type, digitBits, shift, bands.stream().mapToInt(Integer::intValue).toArray(),
                prefixes.stream().mapToLong(Long::longValue).toArray());
        return planned;
    }

    /** Takes the counts of the pass {@link #nextPass()} planned, summed over every window of the image. */
    public void accept(DigitHistograms h) {
        if (planned == null || !h.pass().equals(planned)) {
            throw new IllegalStateException("counts of another pass");
        }
        DigitPass p = planned;
        if (pass == 0) {
            for (int k = 0; k < p.bands().length; k++) {
                long n = 0;
                for (long c : h.counts(k)) {
                    n += c;
                }
                counts.put(p.bands()[k], n);
            }
            Set<List<Long>> seen = new LinkedHashSet<>();
            for (PercentileTerm t : terms) {
                int band = t.band() - 1;
                long n = counts.get(band);
                if (n == 0) {
                    continue;
                }
                double h0 = virtualIndex(n, t.percent());
                long lo = (long) Math.floor(h0);
                for (long rank : h0 > lo ? new long[] {lo, Math.min(lo + 1, n - 1)} : new long[] {lo}) {
                    if (seen.add(List.of((long) band, rank))) {
                        targets.add(new Target(band, rank));
                    }
                }
            }
        }
        for (Target t : targets) {
            long[] c = h.counts(probeOf(p, t));
            long below = 0;
            int d = 0;
            while (below + c[d] <= t.residual) {
                below += c[d];
                d++;
            }
            t.residual -= below;
            t.prefix = (t.prefix << digitBits) | d;
        }
        pass++;
        planned = null;
    }

    /** Number of valid pixels of 0-based band {@code band}, known after the first pass. */
    public long validCount(int band) {
        Long n = counts.get(band);
        if (n == null) {
            throw new IllegalStateException("band " + (band + 1) + " has not been counted");
        }
        return n;
    }

    /** Every requested percentile's value (NaN for a band without valid pixels), once {@link #done()}. */
    public Map<PercentileTerm, Double> percentiles() {
        if (!done()) {
            throw new IllegalStateException("the search needs " + (passes - pass) + " more passes");
        }
        Map<PercentileTerm, Double> out = new LinkedHashMap<>();
        for (PercentileTerm t : terms) {
            int band = t.band() - 1;
            long n = counts.get(band);
            if (n == 0) {
                out.put(t, Double.NaN);
                continue;
            }
            double h = virtualIndex(n, t.percent());
            long lo = (long) Math.floor(h);
            double a = orderStatistic(band, lo);
            out.put(t, h > lo ? lerp(a, orderStatistic(band, Math.min(lo + 1, n - 1)), h - lo) : a);
        }
        return out;
    }

    private double orderStatistic(int band, long rank) {
        for (Target t : targets) {
            if (t.band == band && t.rank == rank) {
                return SortableKeys.value(t.prefix, type);
            }
        }
        throw new IllegalStateException("rank " + rank + " of band " + (band + 1) + " was not searched");
    }

    private static int probeOf(DigitPass p, Target t) {
        for (int k = 0; k < p.bands().length; k++) {
            if (p.bands()[k] == t.band && p.prefixes()[k] == t.prefix) {
                return k;
            }
        }
        throw new IllegalStateException("no probe for band " + (t.band + 1));
    }

    /** numpy's virtual index of method "linear": (n − 1)·q with q = p/100. */
    static double virtualIndex(long n, double percent) {
        return (n - 1) * (percent / 100);
    }

    /** numpy's {@code _lerp}: from {@code a} below t = 0.5, from {@code b} above, for monotonicity. */
    static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
