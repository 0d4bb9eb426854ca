package io.radnorm.algorithms.local;

import java.util.Objects;

/**
 * Builds the reference block map from the images' local block maps: per band and block, the plain
 * mean of the local means of the images that have that block (non-empty), NaN where none has it —
 * the reference's {@code nanmean}. Each image counts once, however much of the block it covers;
 * a barely covered block is kept out by the block valid threshold τ when the local maps are made,
 * and weighed down at interpolation time through coverage (see {@link BlockMapInterpolator}).
 *
 * <p>The coverage of a reference block is the largest coverage among the images averaged: the
 * best evidence available there, independent of which image is later corrected against it.
 *
 * <p>Local maps are streamed in ({@link #add}), in image order for bit-reproducible sums. The
 * running sums are sparse like the maps ({@link BlockMap}): per grid row, one run of columns
 * from the leftmost to the rightmost block some added map stores in that row (grown as maps
 * arrive, with slack so that growing costs amortised constant time per block); rows no map
 * touches hold nothing. Memory is therefore about the blocks the images touch, not the canvas's
 * block count, and the reference map is stored the same way. Rule for when this is dense: never
 * explicitly; a canvas the images cover completely simply has every row's run span the canvas.
 */
public final class ReferenceMapBuilder {

    private final BlockGrid grid;
    private final int bandCount;
    /** Per grid row: first column of its run; the run's arrays are null while no map touched the row. */
    private final int[] lo;
    private final double[][][] sums;
    private final int[][][] counts;
    private final double[][][] coverage;

    public ReferenceMapBuilder(BlockGrid grid, int bandCount) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (bandCount < 1) {
            throw new IllegalArgumentException("need at least one band, got " + bandCount);
        }
        this.bandCount = bandCount;
        lo = new int[grid.rows()];
        sums = new double[bandCount][grid.rows()][];
        counts = new int[bandCount][grid.rows()][];
        coverage = new double[bandCount][grid.rows()][];
    }

    /** Adds one image's local map (same grid and band count); returns this. */
    public ReferenceMapBuilder add(BlockMap local) {
        if (!local.grid().equals(grid) || local.bandCount() != bandCount) {
            throw new IllegalArgumentException("local map has a different grid or band count");
        }
        BlockWindow w = local.window();
        for (int r = w.row0(); r < w.row0() + w.rows(); r++) {
            int start = local.rowStart(r), len = local.meansRow(0, r).length;
            if (len == 0) {
                continue;
            }
            ensure(r, start, start + len);
            int off = start - lo[r];
            for (int b = 0; b < bandCount; b++) {
                double[] m = local.meansRow(b, r), c = local.coverageRow(b, r);
                double[] sum = sums[b][r], cov = coverage[b][r];
                int[] count = counts[b][r];
                for (int j = 0; j < len; j++) {
                    if (m[j] == m[j]) {
                        sum[off + j] += m[j];
                        count[off + j]++;
                        cov[off + j] = Math.max(cov[off + j], c[j]);
                    }
                }
            }
        }
        return this;
    }

    /** Makes row r's run cover columns [from, to). */
    private void ensure(int r, int from, int to) {
        double[] old = sums[0][r];
        if (old == null) {
            lo[r] = from;
            for (int b = 0; b < bandCount; b++) {
                sums[b][r] = new double[to - from];
                counts[b][r] = new int[to - from];
                coverage[b][r] = new double[to - from];
            }
            return;
        }
        int a = lo[r], e = a + old.length;
        if (from >= a && to <= e) {
            return;
        }
        int slack = Math.max(1, old.length / 2);
        int na = from < a ? Math.max(0, Math.min(from, a - slack)) : a;
        int ne = to > e ? Math.min(grid.cols(), Math.max(to, e + slack)) : e;
        for (int b = 0; b < bandCount; b++) {
            sums[b][r] = grow(sums[b][r], a - na, ne - na);
            coverage[b][r] = grow(coverage[b][r], a - na, ne - na);
            int[] c = new int[ne - na];
            System.arraycopy(counts[b][r], 0, c, a - na, counts[b][r].length);
            counts[b][r] = c;
        }
        lo[r] = na;
    }

    private static double[] grow(double[] old, int at, int length) {
        double[] out = new double[length];
        System.arraycopy(old, 0, out, at, old.length);
        return out;
    }

    /** The reference map of the maps added so far. */
    public BlockMap getReferenceMap() {
        int rows = grid.rows();
        double[][][] means = new double[bandCount][rows][];
        double[][][] cov = new double[bandCount][rows][];
        int[] starts = new int[rows];
        for (int r = 0; r < rows; r++) {
            starts[r] = sums[0][r] == null ? 0 : lo[r];
            for (int b = 0; b < bandCount; b++) {
                double[] s = sums[b][r];
                if (s == null) {
                    means[b][r] = new double[0];
                    cov[b][r] = new double[0];
                    continue;
                }
                int[] c = counts[b][r];
                double[] m = new double[s.length];
                for (int j = 0; j < s.length; j++) {
                    m[j] = c[j] == 0 ? Double.NaN : s[j] / c[j];
                }
                means[b][r] = m;
                cov[b][r] = coverage[b][r];
            }
        }
        return new BlockMap(grid, 0, starts, means, cov);
    }
}
