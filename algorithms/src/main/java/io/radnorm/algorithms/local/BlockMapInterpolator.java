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
        double s = clamp(snap(u - 0.5), cols - 1), t = clamp(snap(v - 0.5), rows - 1);
        if (s != s || t != t) {
            return Double.NaN;
        }
        int c0 = (int) s, r0 = (int) t; // s, t >= 0: truncation is floor
        double fx = s - c0, fy = t - r0; // 0 on the last node column/row: its neighbour gets no weight
        double[] means = map.meansOf(band);
        double[] coverage = map.coverageOf(band);
        double sum = 0, weights = 0, only = Double.NaN;
        int used = 0;
        for (int dr = 0; dr <= 1; dr++) {
            double wy = dr == 0 ? 1 - fy : fy;
            if (wy == 0) {
                continue;
            }
            for (int dc = 0; dc <= 1; dc++) {
                double w = wy * (dc == 0 ? 1 - fx : fx);
                if (w == 0) {
                    continue;
                }
                int k = (r0 + dr) * cols + c0 + dc;
                double m = means[k];
                if (m != m) {
                    continue;
                }
                if (weightByCoverage) {
                    w *= coverage[k];
                }
                sum += w * m;
                weights += w;
                only = m;
                used++;
            }
        }
        // One node: return it exactly (w·m/w may differ from m in the last bit).
        return used == 0 ? Double.NaN : used == 1 ? only : sum / weights;
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
