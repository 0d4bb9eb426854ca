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
 * <p><b>Sparse storage.</b> A map is indexed over the whole grid (block index
 * {@code row·cols + col}, {@link #mean(int, int)}), but stores only <em>row spans</em>: for each
 * grid row between the first and the last row with a non-empty block, the dense run of columns
 * from its first to its last non-empty block (in any band); every block outside those spans is
 * empty (NaN, coverage 0). Every map is trimmed so when built, whatever it was built from. An
 * image's map thus costs about its own footprint in blocks, not the canvas's block count, and a
 * reference map costs the blocks some image touches, row by row; a canvas with 100 000 images of
 * 100 blocks does not make 100 000 maps of 10<sup>7</sup> blocks. {@link #window()} is the
 * bounding window of the spans, {@link #storedBlockCount()} what is held per band. Maps in files
 * keep the full grid ({@link #toRaster()} expands, the constructors take full grids or windows).
 *
 * <p>Saved layout ({@link #toRaster()}): a {@code cols × rows} float32 raster, one band per image
 * band, NaN for empty blocks, under {@link BlockGrid#geoTransform()} — the reference's layout, so
 * that block maps can be exchanged with it.
 *
 * <p>Immutable; holds each stored block's mean and coverage per band.
 */
public final class BlockMap implements Serializable {

    private static final long serialVersionUID = 2L;

    private static final double[] NO_VALUES = new double[0];

    private final BlockGrid grid;
    private final int bandCount;
    /** The first stored grid row; stored rows are {@code row0 … row0 + lo.length − 1}. */
    private final int row0;
    /** Per stored row, the grid column of its first stored block. */
    private final int[] lo;
    /** {@code means[band][row − row0][col − lo[row − row0]]}; a row of length 0 stores nothing. */
    private final double[][][] means;
    private final double[][][] coverage;

    /**
     * @param means {@code means[band][row·cols + col]}, NaN for empty blocks (copied)
     * @param coverage same layout, positive where there is a mean (copied; clipped to 1, and
     *     forced to 0 for empty blocks)
     */
    public BlockMap(BlockGrid grid, double[][] means, double[][] coverage) {
        this(grid, BlockWindow.of(Objects.requireNonNull(grid, "grid")), means, coverage);
    }

    /**
     * A map given over a window of the grid, empty outside it.
     *
     * @param means {@code means[band][(row − row0)·window.cols + (col − col0)]}, NaN for empty blocks (copied)
     * @param coverage same layout (copied; clipped to 1, forced to 0 for empty blocks)
     */
    public static BlockMap windowed(BlockGrid grid, BlockWindow window, double[][] means, double[][] coverage) {
        return new BlockMap(grid, window, means, coverage);
    }

    private BlockMap(BlockGrid grid, BlockWindow window, double[][] means, double[][] coverage) {
        this(grid, window.row0(), rowStarts(grid, window), spans(window, means, "means"), spans(window, coverage, "coverage"));
    }

    private static int[] rowStarts(BlockGrid grid, BlockWindow window) {
        if (window.row0() + window.rows() > grid.rows() || window.col0() + window.cols() > grid.cols()) {
            throw new IllegalArgumentException(window + " is not inside a " + grid.rows() + " x " + grid.cols() + " grid");
        }
        int[] lo = new int[window.rows()];
        java.util.Arrays.fill(lo, window.col0());
        return lo;
    }

    /** Window-major bands cut into one array per window row. */
    private static double[][][] spans(BlockWindow window, double[][] values, String what) {
        int n = window.blockCount(), wc = window.cols();
        double[][][] out = new double[values.length][window.rows()][];
        for (int b = 0; b < values.length; b++) {
            if (values[b].length != n) {
                throw new IllegalArgumentException("band " + b + " of the " + what + " does not hold " + n + " blocks");
            }
            for (int r = 0; r < window.rows(); r++) {
                out[b][r] = java.util.Arrays.copyOfRange(values[b], r * wc, (r + 1) * wc);
            }
        }
        return out;
    }

    /**
     * The map from row spans: grid rows {@code row0 …}, row s starting at column {@code lo[s]}
     * and holding {@code means[band][s].length} blocks (the same in every band and in coverage).
     * Validated, clipped and trimmed; the arrays are not kept.
     */
    BlockMap(BlockGrid grid, int row0, int[] lo, double[][][] means, double[][][] coverage) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (means.length == 0 || coverage.length != means.length) {
            throw new IllegalArgumentException("need the same positive number of bands of means ("
                    + means.length + ") and coverage (" + coverage.length + ")");
        }
        int bands = means.length, rows = lo.length;
        int[] rowLo = new int[rows], rowHi = new int[rows];
        int first = -1, last = -1;
        for (int s = 0; s < rows; s++) {
            int len = means[0][s].length;
            if (row0 + s >= grid.rows() || lo[s] < 0 || lo[s] + len > grid.cols()) {
                throw new IllegalArgumentException("row span " + (row0 + s) + ", columns " + lo[s] + " + " + len
                        + " is not inside a " + grid.rows() + " x " + grid.cols() + " grid");
            }
            int a = Integer.MAX_VALUE, e = -1;
            for (int b = 0; b < bands; b++) {
                double[] m = means[b][s], c = coverage[b][s];
                if (m.length != len || c.length != len) {
                    throw new IllegalArgumentException("band " + b + " does not hold " + len + " blocks in row " + (row0 + s));
                }
                for (int j = 0; j < len; j++) {
                    if (Double.isInfinite(m[j])) {
                        throw new IllegalArgumentException("infinite block mean in band " + b + ", block "
                                + grid.index(row0 + s, lo[s] + j));
                    }
                    if (m[j] == m[j]) {
                        if (!(c[j] > 0)) {
                            throw new IllegalArgumentException("block " + grid.index(row0 + s, lo[s] + j) + " of band "
                                    + b + " has a mean but coverage " + c[j]);
                        }
                        a = Math.min(a, j);
                        e = Math.max(e, j);
                    }
                }
            }
            rowLo[s] = a;
            rowHi[s] = e + 1;
            if (e >= 0) {
                first = first < 0 ? s : first;
                last = s;
            }
        }
        int stored = first < 0 ? 0 : last - first + 1;
        this.bandCount = bands;
        this.row0 = first < 0 ? 0 : row0 + first;
        this.lo = new int[stored];
        this.means = new double[bands][stored][];
        this.coverage = new double[bands][stored][];
        for (int t = 0; t < stored; t++) {
            int s = first + t;
            int len = rowHi[s] > 0 ? rowHi[s] - rowLo[s] : 0;
            this.lo[t] = len > 0 ? lo[s] + rowLo[s] : 0;
            for (int b = 0; b < bands; b++) {
                double[] m = len == 0 ? NO_VALUES : new double[len];
                double[] cv = len == 0 ? NO_VALUES : new double[len];
                for (int j = 0; j < len; j++) {
                    double v = means[b][s][rowLo[s] + j];
                    m[j] = v;
                    cv[j] = v == v ? Math.min(1, coverage[b][s][rowLo[s] + j]) : 0;
                }
                this.means[b][t] = m;
                this.coverage[b][t] = cv;
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
        return bandCount;
    }

    /**
     * The bounding window of the stored blocks: every non-empty block lies inside it (the empty
     * window when the map is empty everywhere).
     */
    public BlockWindow window() {
        int a = Integer.MAX_VALUE, e = -1;
        for (int s = 0; s < lo.length; s++) {
            int len = means[0][s].length;
            if (len > 0) {
                a = Math.min(a, lo[s]);
                e = Math.max(e, lo[s] + len);
            }
        }
        return e < 0 ? BlockWindow.EMPTY : new BlockWindow(row0, a, lo.length, e - a);
    }

    /** How many blocks the map stores per band (the length of its row spans together). */
    public long storedBlockCount() {
        long n = 0;
        for (double[] row : means[0]) {
            n += row.length;
        }
        return n;
    }

    /** The mean of block {@code index} in {@code band}, NaN when empty. */
    public double mean(int band, int index) {
        Objects.checkIndex(index, grid.blockCount());
        return mean(band, grid.rowOf(index), grid.colOf(index));
    }

    public double mean(int band, int row, int col) {
        return value(means[band], row, col, Double.NaN);
    }

    /** The coverage of block {@code index} in {@code band}: in (0, 1], 0 when empty. */
    public double coverage(int band, int index) {
        Objects.checkIndex(index, grid.blockCount());
        return coverage(band, grid.rowOf(index), grid.colOf(index));
    }

    public double coverage(int band, int row, int col) {
        return value(coverage[band], row, col, 0);
    }

    private double value(double[][] rows, int row, int col, double outside) {
        grid.index(row, col); // bounds check
        int s = row - row0;
        if (s < 0 || s >= lo.length) {
            return outside;
        }
        int j = col - lo[s];
        return j >= 0 && j < rows[s].length ? rows[s][j] : outside;
    }

    public boolean isEmpty(int band, int index) {
        return Double.isNaN(mean(band, index));
    }

    /** The smallest non-empty mean of {@code band}, NaN when every block is empty. */
    public double minimum(int band) {
        double min = Double.NaN;
        for (double[] row : means[band]) { // row-major, as the blocks are numbered
            for (double m : row) {
                if (m == m && !(m >= min)) {
                    min = m;
                }
            }
        }
        return min;
    }

    /** The means as a float32 raster, {@code cols × rows}, one band per band, NaN for empty blocks. */
    public Raster toRaster() {
        return raster(means, Float.NaN);
    }

    /** The coverage as a float32 raster in the layout of {@link #toRaster()}, 0 for empty blocks. */
    public Raster coverageRaster() {
        return raster(coverage, 0f);
    }

    private Raster raster(double[][][] values, float outside) {
        int n = grid.blockCount(), cols = grid.cols();
        float[] data = new float[n * bandCount];
        java.util.Arrays.fill(data, outside);
        for (int b = 0; b < bandCount; b++) {
            for (int s = 0; s < lo.length; s++) {
                double[] row = values[b][s];
                int base = b * n + (row0 + s) * cols + lo[s];
                for (int j = 0; j < row.length; j++) {
                    data[base + j] = (float) row[j];
                }
            }
        }
        return Raster.wrap(DataType.FLOAT32, grid.cols(), grid.rows(), bandCount, data);
    }

    /**
     * Package access for the interpolator's inner loop: the stored means of grid row {@code row}
     * in {@code band} (not copied), starting at column {@link #rowStart}; empty when the row
     * stores nothing (also for rows outside the grid).
     */
    double[] meansRow(int band, int row) {
        int s = row - row0;
        return s < 0 || s >= lo.length ? NO_VALUES : means[band][s];
    }

    double[] coverageRow(int band, int row) {
        int s = row - row0;
        return s < 0 || s >= lo.length ? NO_VALUES : coverage[band][s];
    }

    /** The grid column of the first value of {@link #meansRow}. */
    int rowStart(int row) {
        int s = row - row0;
        return s < 0 || s >= lo.length ? 0 : lo[s];
    }
}
