package io.radnorm.algorithms.local;

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
 * positive weight is empty the value is NaN.
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
        /** Per node column: sum of weight × mean, sum of weights, nodes used, the last node's mean. */
        private final double[] weightedSum;
        private final double[] weightSum;
        private final int[] used;
        private final double[] only;
        private final boolean[] done;
        private final double[] means;
        private final double[] coverage;
        private final boolean empty;
        private final int r0;
        private final double fy;

        private Row(BlockMapInterpolator surface, int band, double v) {
            this.surface = surface;
            int cols = surface.cols;
            weightedSum = new double[cols];
            weightSum = new double[cols];
            used = new int[cols];
            only = new double[cols];
            done = new boolean[cols];
            means = surface.map.meansOf(band);
            coverage = surface.map.coverageOf(band);
            double t = clamp(snap(v - 0.5), surface.rows - 1);
            empty = t != t;
            r0 = empty ? 0 : (int) t; // t >= 0: truncation is floor
            fy = empty ? 0 : t - r0; // 0 on the last node row: its neighbour gets no weight
        }

        /** Blends node column c vertically, once (columns are filled as positions reach them). */
        private void blendColumn(int c) {
            done[c] = true;
            only[c] = Double.NaN;
            int cols = surface.cols;
            for (int dr = 0; dr <= 1; dr++) {
                double wy = dr == 0 ? 1 - fy : fy;
                if (wy == 0) {
                    continue;
                }
                int k = (r0 + dr) * cols + c;
                double m = means[k];
                if (m != m) {
                    continue;
                }
                double w = surface.weightByCoverage ? wy * coverage[k] : wy;
                weightedSum[c] += w * m;
                weightSum[c] += w;
                only[c] = m;
                used[c]++;
            }
        }

        /** The surface at map x on this row. */
        public double valueAt(double x) {
            return value((x - surface.minX) / surface.blockWidth);
        }

        /** The surface at fractional block column u on this row. */
        public double value(double u) {
            double s = clamp(snap(u - 0.5), surface.cols - 1);
            if (empty || s != s) {
                return Double.NaN;
            }
            int c0 = (int) s;
            double fx = s - c0;
            if (!done[c0]) {
                blendColumn(c0);
            }
            if (fx != 0 && !done[c0 + 1]) {
                blendColumn(c0 + 1);
            }
            double sum = (1 - fx) * weightedSum[c0], weights = (1 - fx) * weightSum[c0];
            int n = used[c0];
            double one = only[c0];
            if (fx != 0) {
                sum += fx * weightedSum[c0 + 1];
                weights += fx * weightSum[c0 + 1];
                n += used[c0 + 1];
                if (used[c0 + 1] > 0) {
                    one = only[c0 + 1];
                }
            }
            // One node: return it exactly (w·m/w may differ from m in the last bit).
            return n == 0 ? Double.NaN : n == 1 ? one : sum / weights;
        }
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
