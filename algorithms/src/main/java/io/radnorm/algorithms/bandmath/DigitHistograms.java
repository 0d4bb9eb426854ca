package io.radnorm.algorithms.bandmath;

import io.radnorm.algorithms.Validity;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import java.io.Serializable;

/**
 * The counts of one {@link DigitPass}: per probe, how many valid pixels of its band carry its key
 * prefix followed by each digit. Filled window by window on the executors ({@link #add}), merged
 * by adding ({@link #merge}); only these counts travel to the driver.
 */
public final class DigitHistograms implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DigitPass pass;
    private final long[][] counts;

    DigitHistograms(DigitPass pass) {
        this.pass = pass;
        this.counts = new long[pass.bands().length][1 << pass.digitBits()];
    }

    public DigitPass pass() {
        return pass;
    }

    /** Counts of probe {@code p}, by digit (not a copy). */
    long[] counts(int p) {
        return counts[p];
    }

    /**
     * Counts the valid pixels of one window.
     *
     * @param window  the window's pixels: the bands {@link DigitPass#bandsToRead()}, in that order
     * @param nodata  the image's nodata (NaN: only NaN is invalid)
     */
    public void add(Raster window, double nodata) {
        int[] read = pass.bandsToRead();
        DataType type = pass.type();
        int width = window.width();
        double[] row = new double[width];
        for (int k = 0; k < read.length; k++) {
            int[] probes = probesOf(read[k]);
            long[] prefixes = new long[probes.length];
            for (int j = 0; j < probes.length; j++) {
                prefixes[j] = pass.prefixes()[probes[j]];
            }
            for (int r = 0; r < window.height(); r++) {
                window.readRow(k, 0, r, width, row);
                for (int c = 0; c < width; c++) {
                    double v = row[c];
                    if (!Validity.isValid(v, nodata)) {
                        continue;
                    }
                    long key = SortableKeys.key(v, type);
                    long prefix = pass.prefixOf(key);
                    for (int j = 0; j < probes.length; j++) {
                        if (prefixes[j] == prefix) {
                            counts[probes[j]][pass.digitOf(key)]++;
                        }
                    }
                }
            }
        }
    }

    /** Adds {@code other}'s counts (of the same pass) into these; returns this. */
    public DigitHistograms merge(DigitHistograms other) {
        for (int p = 0; p < counts.length; p++) {
            long[] a = counts[p], b = other.counts[p];
            for (int d = 0; d < a.length; d++) {
                a[d] += b[d];
            }
        }
        return this;
    }

    private int[] probesOf(int band) {
        int[] bands = pass.bands();
        int n = 0;
        for (int b : bands) {
            if (b == band) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int p = 0, k = 0; p < bands.length; p++) {
            if (bands[p] == band) {
                out[k++] = p;
            }
        }
        return out;
    }
}
