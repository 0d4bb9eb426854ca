package io.radnorm.algorithms.local;

import io.radnorm.raster.GeoTransform;
import java.io.Serializable;
import java.util.Objects;

/**
 * Turns a {@link BlockMap} into a continuous surface: bilinear interpolation with the block
 * centres as nodes.
 *
 * <p>Positions are fractional block coordinates from the canvas's top-left corner, like pixel
 * coordinates: (0, 0) is the canvas corner, (0.5, 0.5) the centre of block (0, 0), and
 * {@link #valueAt} converts map coordinates. Between four centres the value blends those four
 * nodes with the usual bilinear weights. Outside the outermost centres — the outer half of every
 * edge block — the position is clamped onto them, so the surface continues flat: edge nodes are
 * used, never extrapolated.
 *
 * <p><b>Empty nodes</b> (NaN) drop out and the remaining weights are renormalised, as
 * {@link io.radnorm.algorithms.BilinearSampler} does with nodata pixels. Where every node with a
 * positive weight is empty the value is NaN. Blocks a sparse map does not store (outside its row
 * spans, see {@link BlockMap}) are empty nodes like any other, so a windowed map interpolates to
 * exactly what the same map stored over the whole grid gives.
 *
 * <p><b>Coverage weighting</b> (optional): each node's bilinear weight is multiplied by the
 * node's coverage ({@link BlockMap#coverage}), the fraction of its block the pixels behind the
 * mean cover. A block an image only grazes then hardly moves the surface away from its
 * well-covered neighbours, yet still counts where it is the only node. At a block centre the
 * value is still exactly that node (the others have weight 0), and the surface stays continuous.
 * Without weighting this is the reference's interpolation (scipy {@code map_coordinates}, order
 * 1, on clamped coordinates, data and validity mask interpolated separately).
 */
public final class BlockMapInterpolator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BlockMap map;
    private final boolean weightByCoverage;
    private final int rows;
    private final int cols;
    private final double minX;
    private final double maxY;
    private final double blockWidth;
    private final double blockHeight;

    public BlockMapInterpolator(BlockMap map, boolean weightByCoverage) {
        this.map = Objects.requireNonNull(map, "map");
        this.weightByCoverage = weightByCoverage;
        BlockGrid g = map.grid();
        this.rows = g.rows();
        this.cols = g.cols();
        this.minX = g.canvas().getMinX();
        this.maxY = g.canvas().getMaxY();
        this.blockWidth = g.blockWidth();
        this.blockHeight = g.blockHeight();
    }

    public BlockMap map() {
        return map;
    }

    public boolean weightByCoverage() {
        return weightByCoverage;
    }

    /** The surface at map point (x, y). */
    public double valueAt(int band, double x, double y) {
        return value(band, (x - minX) / blockWidth, (maxY - y) / blockHeight);
    }

    /** The surface at fractional block position (u, v); NaN when no node with weight has a mean. */
    public double value(int band, double u, double v) {
        return alongRow(band, v).value(u);
    }

    /**
     * The surface along the map row at y: the vertical half of the interpolation done once, for
     * {@link Row#valueAt} to finish per position. Gives exactly what {@link #valueAt} gives.
     */
    public Row alongMapRow(int band, double y) {
        return alongRow(band, (maxY - y) / blockHeight);
    }

    private Row alongRow(int band, double v) {
        return new Row(this, band, v);
    }

    /**
     * One row of the surface (a fixed v): for every node column, the two nodes above and below
     * blended with their vertical weights (and coverage), empty nodes dropped. A position then
     * only blends two node columns. Bilinear weights factor into vertical × horizontal, so this is
     * the same interpolation as blending four nodes at once; {@link #value} goes through it too,
     * so both give the same bits.
     */
    public static final class Row {
        private final BlockMapInterpolator surface;
        /**
         * Per node column {@code base + j}: sum of weight × mean, sum of weights, nodes used, the
         * last node's mean. Only the columns where either node row stores blocks are held
         * ({@link BlockMap}'s row spans); every other column is empty (nothing used, sums 0).
         */
        private final double[] weightedSum;
        private final double[] weightSum;
        private final int[] used;
        private final double[] only;
        private final boolean[] done;
        private final int base;
        /** The two node rows' stored means and coverage, and the grid column each starts at. */
        private final double[][] means = new double[2][];
        private final double[][] coverage = new double[2][];
        private final int[] start = new int[2];
        private final boolean empty;
        private final int r0;
        private final double fy;

        private Row(BlockMapInterpolator surface, int band, double v) {
            this.surface = surface;
            double t = clamp(snap(v - 0.5), surface.rows - 1);
            empty = t != t;
            r0 = empty ? 0 : (int) t; // t >= 0: truncation is floor
            fy = empty ? 0 : t - r0; // 0 on the last node row: its neighbour gets no weight
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (int dr = 0; dr <= 1; dr++) {
                means[dr] = surface.map.meansRow(band, r0 + dr);
                coverage[dr] = surface.map.coverageRow(band, r0 + dr);
                start[dr] = surface.map.rowStart(r0 + dr);
                if (means[dr].length > 0) {
                    lo = Math.min(lo, start[dr]);
                    hi = Math.max(hi, start[dr] + means[dr].length);
                }
            }
            int span = empty || hi < lo ? 0 : hi - lo;
            base = span == 0 ? 0 : lo;
            weightedSum = new double[span];
            weightSum = new double[span];
            used = new int[span];
            only = new double[span];
            done = new boolean[span];
        }

        /**
         * The slot of node column c, blended vertically once (columns are filled as positions
         * reach them); −1 for a column neither node row stores, which is empty.
         */
        private int column(int c) {
            int j = c - base;
            if (j < 0 || j >= done.length) {
                return -1;
            }
            if (done[j]) {
                return j;
            }
            done[j] = true;
            only[j] = Double.NaN;
            for (int dr = 0; dr <= 1; dr++) {
                double wy = dr == 0 ? 1 - fy : fy;
                if (wy == 0) {
                    continue;
                }
                int k = c - start[dr];
                if (k < 0 || k >= means[dr].length) {
                    continue; // not stored: empty
                }
                double m = means[dr][k];
                if (m != m) {
                    continue;
                }
                double w = surface.weightByCoverage ? wy * coverage[dr][k] : wy;
                weightedSum[j] += w * m;
                weightSum[j] += w;
                only[j] = m;
                used[j]++;
            }
            return j;
        }

        /** The surface at map x on this row. */
        public double valueAt(double x) {
            return value((x - surface.minX) / surface.blockWidth);
        }

        /** The surface at fractional block column u on this row. */
        public double value(double u) {
            double s = nodePosition(u, surface.cols - 1);
            if (empty || s != s) {
                return Double.NaN;
            }
            int c0 = (int) s;
            double fx = s - c0;
            int j0 = column(c0);
            int j1 = fx != 0 ? column(c0 + 1) : -1;
            // An empty column adds (1 − fx)·0: the same bits as the dense form, which held zeros there.
            double sum = (1 - fx) * (j0 < 0 ? 0 : weightedSum[j0]), weights = (1 - fx) * (j0 < 0 ? 0 : weightSum[j0]);
            int n = j0 < 0 ? 0 : used[j0];
            double one = j0 < 0 ? Double.NaN : only[j0];
            if (fx != 0) {
                sum += fx * (j1 < 0 ? 0 : weightedSum[j1]);
                weights += fx * (j1 < 0 ? 0 : weightSum[j1]);
                int n1 = j1 < 0 ? 0 : used[j1];
                n += n1;
                if (n1 > 0) {
                    one = only[j1];
                }
            }
            // One node: return it exactly (w·m/w may differ from m in the last bit).
            return n == 0 ? Double.NaN : n == 1 ? one : sum / weights;
        }

        /**
         * The bulk form of {@link #value}: {@code out[i]} for the node column positions
         * {@code s[i]}, i < length, as {@link BlockMapInterpolator#nodeColumns} gives them (the
         * clamped, snapped {@code u − 0.5}); the same bits as {@link #valueAt} at each pixel.
         * Positions come in runs between two node columns (a row of pixels crosses a block in
         * many pixels): per run the two columns' sums are looked up once, and the per-pixel
         * blend goes to the {@link BlockRowKernel} (vectorized when the JVM has the Vector API).
         * Any order of positions is right; monotone ones are fast.
         */
        void valuesAtNodeColumns(double[] s, double[] out, int length) {
            valuesAtNodeColumns(BlockRowKernel.active(), s, out, length);
        }

        /** {@link #valuesAtNodeColumns(double[], double[], int)} with the given kernel (tests use both). */
        void valuesAtNodeColumns(BlockRowKernel kernel, double[] s, double[] out, int length) {
            if (empty) {
                java.util.Arrays.fill(out, 0, length, Double.NaN);
                return;
            }
            int i = 0;
            while (i < length) {
                double si = s[i];
                if (si != si) {
                    out[i++] = Double.NaN;
                    continue;
                }
                int c0 = (int) si;
                int j0 = column(c0);
                int j1 = column(c0 + 1);
                double a0 = j0 < 0 ? 0 : weightedSum[j0], w0 = j0 < 0 ? 0 : weightSum[j0];
                double a1 = j1 < 0 ? 0 : weightedSum[j1], w1 = j1 < 0 ? 0 : weightSum[j1];
                int n0 = j0 < 0 ? 0 : used[j0], n1 = j1 < 0 ? 0 : used[j1];
                double o0 = j0 < 0 ? Double.NaN : only[j0], o1 = j1 < 0 ? Double.NaN : only[j1];
                // What value() returns where fx is 0: (1 − 0)·a0 / ((1 − 0)·w0) is a0 / w0.
                double z0 = n0 == 0 ? Double.NaN : n0 == 1 ? o0 : a0 / w0;
                // ... and elsewhere, when fewer than two nodes leave nothing to blend.
                int n = n0 + n1;
                double z1 = n == 0 ? Double.NaN : n == 1 ? (n1 > 0 ? o1 : o0) : Double.NaN;
                i = kernel.span(s, i, length, c0, z0, z1, n > 1, a0, w0, a1, w1, out);
            }
        }
    }

    /**
     * The node column positions ({@link Row#valuesAtNodeColumns}) of the pixel centres
     * {@code col0 + i + 0.5}, i < length, of pixel row {@code row} of an image under
     * {@code transform}, whose rows must lie along map rows (no column rotation). Each is what
     * {@link Row#valueAt} derives from {@code transform.x(col0 + i + 0.5, row)}. Every
     * interpolator on the same grid gives the same positions.
     */
    void nodeColumns(GeoTransform transform, double row, int col0, double[] s, int length) {
        nodeColumns(BlockRowKernel.active(), transform, row, col0, s, length);
    }

    /** {@link #nodeColumns(GeoTransform, double, int, double[], int)} with the given kernel (tests use both). */
    void nodeColumns(BlockRowKernel kernel, GeoTransform transform, double row, int col0, double[] s, int length) {
        kernel.nodeColumns(transform.originX(), transform.pixelWidth(), row * transform.rowRotation(),
                col0, length, minX, blockWidth, cols - 1, s);
    }

    /** The node column position of fractional block column u: clamped onto the node columns 0 … maxCol. */
    static double nodePosition(double u, int maxCol) {
        return clamp(snap(u - 0.5), maxCol);
    }

    private static double clamp(double s, int max) {
        return s < 0 ? 0 : s > max ? max : s;
    }

    /**
     * Positions computed through an image's geotransform carry rounding noise; on a block centre
     * that noise would blend in a neighbour with weight 1e-13. Snap it away.
     */
    private static double snap(double s) {
        double r = Math.rint(s);
        return Math.abs(s - r) < 1e-9 ? r : s;
    }
}
