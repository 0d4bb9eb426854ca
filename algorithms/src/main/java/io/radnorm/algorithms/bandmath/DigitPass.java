package io.radnorm.algorithms.bandmath;

import io.radnorm.raster.DataType;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One histogram pass of a {@link PercentileSearch} over one image: for each probe (a band and a
 * key prefix found by the previous passes), count the valid pixels of that band whose key starts
 * with the prefix, by their next {@code digitBits} bits. Small and serializable: the driver plans
 * it, the executors count with {@link #newHistograms()}.
 *
 * @param type      the image's data type (how values map to keys)
 * @param digitBits bits counted by this pass (8 or 16: at most 65,536 counters per probe)
 * @param shift     the counted digit is {@code (key >>> shift) & (2^digitBits − 1)}
 * @param bands     0-based band of each probe
 * @param prefixes  key prefix of each probe: {@code key >>> (shift + digitBits)}
 */
public record DigitPass(DataType type, int digitBits, int shift, int[] bands, long[] prefixes)
        implements Serializable {

    /** The distinct 0-based bands the probes look at, ascending: the bands a window must hold. */
    public int[] bandsToRead() {
        return Arrays.stream(bands).distinct().sorted().toArray();
    }

    /** Empty counters for this pass. */
    public DigitHistograms newHistograms() {
        return new DigitHistograms(this);
    }

    /** The prefix of {@code key} this pass compares with the probes' prefixes. */
    long prefixOf(long key) {
        int s = shift + digitBits;
        return s >= 64 ? 0 : key >>> s;
    }

    /** Equal by content (records compare array components by reference; a pass travels through Spark). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DigitPass p && p.type == type && p.digitBits == digitBits && p.shift == shift
                && Arrays.equals(p.bands, bands) && Arrays.equals(p.prefixes, prefixes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + shift) + Arrays.hashCode(bands) * 17 + Arrays.hashCode(prefixes);
    }

    @Override
    public String toString() {
        return "DigitPass[" + type + ", digits " + digitBits + " at " + shift + ", bands " + Arrays.toString(bands)
                + ", prefixes " + Arrays.toString(prefixes) + "]";
    }

    int digitOf(long key) {
        return (int) ((key >>> shift) & ((1L << digitBits) - 1));
    }
}
