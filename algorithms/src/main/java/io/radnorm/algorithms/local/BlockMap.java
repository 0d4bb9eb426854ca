package io.radnorm.algorithms.local;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import java.io.Serializable;
import java.util.Objects;

/**
 * A block map: per band and block of a {@link BlockGrid}, a mean value — an image's local block
 * means ({@link BlockSums#localMap}) or the collection's reference means
 * ({@link ReferenceMapBuilder}) — or NaN for an <em>empty</em> block, one with too few valid
 * pixels to say anything.
 *
 * <p>Each non-empty block also has a <em>coverage</em> in (0, 1]: the fraction of the block the
 * valid pixels behind its mean cover (for a reference map, the best coverage among the images
 * averaged). {@link BlockMapInterpolator} can weight nodes by it, so that a block an image only
 * grazes does not pull the correction of the pixels around it. Empty blocks have coverage 0. Maps
 * loaded from a raster without coverage get coverage 1 wherever they have a mean.
 *
 * <p>Saved layout ({@link #toRaster()}): a {@code cols × rows} float32 raster, one band per image
 * band, NaN for empty blocks, under {@link BlockGrid#geoTransform()} — the reference's layout, so
 * that block maps can be exchanged with it.
 *
 * <p>Immutable; holds {@code rows·cols·bands} doubles twice, dense.
 */
public final class BlockMap implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BlockGrid grid;
    private final double[][] means;
    private final double[][] coverage;

    /**
     * @param means {@code means[band][row·cols + col]}, NaN for empty blocks (copied)
     * @param coverage same layout, positive where there is a mean (copied; clipped to 1, and
     *     forced to 0 for empty blocks)
     */
    public BlockMap(BlockGrid grid, double[][] means, double[][] coverage) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (means.length == 0 || coverage.length != means.length) {
            throw new IllegalArgumentException("need the same positive number of bands of means ("
                    + means.length + ") and coverage (" + coverage.length + ")");
        }
        int n = grid.blockCount();
        this.means = new double[means.length][];
        this.coverage = new double[means.length][];
        for (int b = 0; b < means.length; b++) {
            if (means[b].length != n || coverage[b].length != n) {
                throw new IllegalArgumentException("band " + b + " does not hold " + n + " blocks");
            }
            this.means[b] = means[b].clone();
            this.coverage[b] = new double[n];
            for (int k = 0; k < n; k++) {
                double m = means[b][k];
                if (Double.isInfinite(m)) {
                    throw new IllegalArgumentException("infinite block mean in band " + b + ", block " + k);
                }
                double c = coverage[b][k];
                if (m == m && !(c > 0)) {
                    throw new IllegalArgumentException("block " + k + " of band " + b + " has a mean but coverage " + c);
                }
                this.coverage[b][k] = m == m ? Math.min(1, c) : 0;
            }
        }
    }

    /** A map whose non-empty blocks all have coverage 1. */
    public static BlockMap of(BlockGrid grid, double[][] means) {
        double[][] full = new double[means.length][];
        for (int b = 0; b < means.length; b++) {
            full[b] = new double[means[b].length];
            java.util.Arrays.fill(full[b], 1);
        }
        return new BlockMap(grid, means, full);
    }

    /**
     * Reads a map laid out as {@link #toRaster()} writes it; coverage 1 wherever there is a mean.
     *
     * @param nodata the value that marks empty blocks besides NaN, or NaN for none
     */
    public static BlockMap fromRaster(BlockGrid grid, Raster raster, double nodata) {
        return of(grid, bands(grid, raster, nodata));
    }

    /** {@link #fromRaster(BlockGrid, Raster, double)} with only NaN marking empty blocks. */
    public static BlockMap fromRaster(BlockGrid grid, Raster raster) {
        return fromRaster(grid, raster, Double.NaN);
    }

    /** Reads a map and its coverage, saved as {@link #toRaster()} and {@link #coverageRaster()}. */
    public static BlockMap fromRasters(BlockGrid grid, Raster means, Raster coverage) {
        return new BlockMap(grid, bands(grid, means, Double.NaN), bands(grid, coverage, Double.NaN));
    }

    private static double[][] bands(BlockGrid grid, Raster raster, double nodata) {
        if (raster.width() != grid.cols() || raster.height() != grid.rows()) {
            throw new IllegalArgumentException("a " + raster.width() + "x" + raster.height()
                    + " raster is not a block map of a " + grid.cols() + "x" + grid.rows() + " grid");
        }
        double[][] out = new double[raster.bandCount()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = raster.bandAsDoubles(b); // same row-major order as block indices
            for (int k = 0; k < out[b].length; k++) {
                if (out[b][k] == nodata) {
                    out[b][k] = Double.NaN;
                }
            }
        }
        return out;
    }

    public BlockGrid grid() {
        return grid;
    }

    public int bandCount() {
        return means.length;
    }

    /** The mean of block {@code index} in {@code band}, NaN when empty. */
    public double mean(int band, int index) {
        return means[band][index];
    }

    public double mean(int band, int row, int col) {
        return means[band][grid.index(row, col)];
    }

    /** The coverage of block {@code index} in {@code band}: in (0, 1], 0 when empty. */
    public double coverage(int band, int index) {
        return coverage[band][index];
    }

    public double coverage(int band, int row, int col) {
        return coverage[band][grid.index(row, col)];
    }

    public boolean isEmpty(int band, int index) {
        return Double.isNaN(means[band][index]);
    }

    /** The smallest non-empty mean of {@code band}, NaN when every block is empty. */
    public double minimum(int band) {
        double min = Double.NaN;
        for (double m : means[band]) {
            if (m == m && !(m >= min)) {
                min = m;
            }
        }
        return min;
    }

    /** The means as a float32 raster, {@code cols × rows}, one band per band, NaN for empty blocks. */
    public Raster toRaster() {
        return raster(means);
    }

    /** The coverage as a float32 raster in the layout of {@link #toRaster()}, 0 for empty blocks. */
    public Raster coverageRaster() {
        return raster(coverage);
    }

    private Raster raster(double[][] values) {
        int n = grid.blockCount();
        float[] data = new float[n * values.length];
        for (int b = 0; b < values.length; b++) {
            for (int k = 0; k < n; k++) {
                data[b * n + k] = (float) values[b][k];
            }
        }
        return Raster.wrap(DataType.FLOAT32, grid.cols(), grid.rows(), values.length, data);
    }

    /** Package access for the interpolator's inner loop: band {@code band}'s means, not copied. */
    double[] meansOf(int band) {
        return means[band];
    }

    double[] coverageOf(int band) {
        return coverage[band];
    }
}
