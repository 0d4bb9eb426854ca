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
 * <p>Local maps are streamed in ({@link #add}) so that only one dense map besides the running sums
 * is held at a time. Add them in image order for bit-reproducible sums.
 */
public final class ReferenceMapBuilder {

    private final BlockGrid grid;
    private final int bandCount;
    private final double[][] sums;
    private final int[][] counts;
    private final double[][] coverage;

    public ReferenceMapBuilder(BlockGrid grid, int bandCount) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (bandCount < 1) {
            throw new IllegalArgumentException("need at least one band, got " + bandCount);
        }
        this.bandCount = bandCount;
        int n = grid.blockCount();
        sums = new double[bandCount][n];
        counts = new int[bandCount][n];
        coverage = new double[bandCount][n];
    }

    /** Adds one image's local map (same grid and band count); returns this. */
    public ReferenceMapBuilder add(BlockMap local) {
        if (!local.grid().equals(grid) || local.bandCount() != bandCount) {
            throw new IllegalArgumentException("local map has a different grid or band count");
        }
        for (int b = 0; b < bandCount; b++) {
            double[] m = local.meansOf(b), c = local.coverageOf(b);
            for (int k = 0; k < m.length; k++) {
                if (m[k] == m[k]) {
                    sums[b][k] += m[k];
                    counts[b][k]++;
                    coverage[b][k] = Math.max(coverage[b][k], c[k]);
                }
            }
        }
        return this;
    }

    /** The reference map of the maps added so far. */
    public BlockMap getReferenceMap() {
        int n = grid.blockCount();
        double[][] means = new double[bandCount][n];
        for (int b = 0; b < bandCount; b++) {
            for (int k = 0; k < n; k++) {
                means[b][k] = counts[b][k] == 0 ? Double.NaN : sums[b][k] / counts[b][k];
            }
        }
        return new BlockMap(grid, means, coverage);
    }
}
