package io.radnorm.algorithms.local;

import io.radnorm.algorithms.stats.CellVisitor;
import io.radnorm.algorithms.stats.CollectionStatistics;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Per block, the sums of both images of every overlapping pair over the pixels valid in both:
 * count, Σx_i, Σx_j per (pair, block, band). What {@link OverlapReferenceMaps} needs to compare
 * images block by block over the <em>same</em> pixels. Mergeable; sparse (only blocks where a pair
 * actually overlaps are stored), so it grows with the overlap area, not with the grid.
 *
 * <p>Raw sums: means after a global gain a and offset b follow exactly as a·mean + b.
 */
public final class BlockPairSums implements Serializable, CellVisitor {

    private static final long serialVersionUID = 1L;

    private final BlockGrid grid;
    private final int bandCount;
    /** pair key → block → [band·3 + {0 count, 1 Σi, 2 Σj}]. */
    private final Map<Long, Map<Integer, double[]>> sums = new HashMap<>();

    public BlockPairSums(BlockGrid grid, int bandCount) {
        this.grid = grid;
        this.bandCount = bandCount;
    }

    @Override
    public void pixel(int image, int band, double value) {
        // whole-image pixels are BlockSums' business
    }

    @Override
    public void pair(int i, int j, int band, double x, double y, double valueI, double valueJ) {
        int block = grid.blockOf(x, y);
        if (block < 0) {
            return;
        }
        double[] s = sums.computeIfAbsent(CollectionStatistics.key(i, j), k -> new HashMap<>())
                .computeIfAbsent(block, k -> new double[bandCount * 3]);
        s[band * 3] += 1;
        s[band * 3 + 1] += valueI;
        s[band * 3 + 2] += valueJ;
    }

    @Override
    public void pairs(int i, int j, int band, double y, double[] xs, double[] valuesI, double[] valuesJ, int count) {
        int row = grid.row(y);
        if (row < 0 || count == 0) {
            return;
        }
        Map<Integer, double[]> blocks = sums.computeIfAbsent(CollectionStatistics.key(i, j), k -> new HashMap<>());
        int lastBlock = -1;
        double[] s = null;
        for (int k = 0; k < count; k++) {
            int col = grid.column(xs[k]);
            if (col < 0) {
                continue;
            }
            int block = grid.index(row, col);
            if (block != lastBlock) {
                s = blocks.computeIfAbsent(block, b -> new double[bandCount * 3]);
                lastBlock = block;
            }
            s[band * 3] += 1;
            s[band * 3 + 1] += valuesI[k];
            s[band * 3 + 2] += valuesJ[k];
        }
    }

    public BlockPairSums merge(BlockPairSums other) {
        other.sums.forEach((pair, blocks) -> {
            Map<Integer, double[]> mine = sums.computeIfAbsent(pair, k -> new HashMap<>());
            blocks.forEach((block, s) -> {
                double[] m = mine.computeIfAbsent(block, k -> new double[bandCount * 3]);
                for (int t = 0; t < m.length; t++) {
                    m[t] += s[t];
                }
            });
        });
        return this;
    }

    public BlockGrid grid() {
        return grid;
    }

    /** Pair (i, j), i &lt; j → block → sums ([band·3] count, [band·3+1] Σ of i, [band·3+2] Σ of j). */
    public Map<Long, Map<Integer, double[]>> sums() {
        return sums;
    }
}
