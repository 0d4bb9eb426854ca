package io.radnorm.algorithms.local;

import io.radnorm.algorithms.Validity;
import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.stats.CellGrid;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;

/**
 * The mergeable raw material of local block maps: per image, band and block of a
 * {@link BlockGrid}, the count and the sum of the valid pixels whose centres lie in the block; and
 * per image and band the smallest and largest valid value (pixels outside the canvas included,
 * since they are corrected too). Built per canvas cell on the executors ({@link #addCell}),
 * reduced with {@link #merge}, turned into {@link BlockMap}s on the driver.
 *
 * <p><b>Raw sums, corrections later.</b> The sums are of the input values. Because the mean of
 * {@code a·x + b} over a block is {@code a·mean + b}, the block map of an image after its global
 * correction is derived exactly by {@link #localMap} from the same sums — no second pass over the
 * pixels. Likewise the corrected range is the corrected min and max ({@link #minimum}).
 *
 * <p>Sums are plain doubles: per block they add at most a few million values of a few thousand,
 * far inside double precision; merging in another order changes the last bits only.
 *
 * <p>Sparse: an image stores only the blocks it has pixels in, so a per-cell instance is small and
 * a collection's total is proportional to its pixels' footprint, not to images × blocks. Mutable,
 * not thread-safe, {@link Serializable}; mutators return {@code this}.
 */
public final class BlockSums implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One image: per band its value range, per touched block its per-band count and sum. */
    private static final class ImageSums implements Serializable {
        private static final long serialVersionUID = 1L;
        final double[] min;
        final double[] max;
        final Map<Integer, long[]> counts = new HashMap<>();
        final Map<Integer, double[]> sums = new HashMap<>();

        ImageSums(int bands) {
            min = new double[bands];
            max = new double[bands];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        void add(int block, int band, long count, double sum, int bands) {
            counts.computeIfAbsent(block, k -> new long[bands])[band] += count;
            sums.computeIfAbsent(block, k -> new double[bands])[band] += sum;
        }

        void range(int band, double lo, double hi) {
            min[band] = Math.min(min[band], lo);
            max[band] = Math.max(max[band], hi);
        }
    }

    private final BlockGrid grid;
    private final int bandCount;
    private final Map<Integer, ImageSums> images = new HashMap<>();

    public BlockSums(BlockGrid grid, int bandCount) {
        if (bandCount < 1) {
            throw new IllegalArgumentException("need at least one band, got " + bandCount);
        }
        this.grid = grid;
        this.bandCount = bandCount;
    }

    public BlockGrid grid() {
        return grid;
    }

    public int bandCount() {
        return bandCount;
    }

    /** The images with at least one valid pixel seen, ascending. */
    public Set<Integer> images() {
        return new TreeSet<>(images.keySet());
    }

    private ImageSums image(int image) {
        return images.computeIfAbsent(image, k -> new ImageSums(bandCount));
    }

    /**
     * Adds one valid pixel value of {@code image} in {@code band}, in block {@code block} — or, with
     * block −1 (outside the canvas, as {@link BlockGrid#blockOf} says), to the value range only.
     */
    public BlockSums add(int image, int band, int block, double value) {
        ImageSums s = image(image);
        s.range(band, value, value);
        if (block >= 0) {
            s.add(block, band, 1, value, bandCount);
        }
        return this;
    }

    /**
     * Adds what one canvas cell contributes: for every window, the valid pixels of its image that
     * the cell owns ({@link CellGrid#ownedPixels}), as {@link io.radnorm.algorithms.stats.CellPixels}
     * walks them. Each pixel of each image is owned by exactly one cell, so summing cells counts
     * every pixel once.
     */
    public BlockSums addCell(Envelope cell, List<ImageWindow> windows) {
        for (ImageWindow w : windows) {
            Window owned = CellGrid.ownedPixels(w.transform(), Integer.MAX_VALUE, Integer.MAX_VALUE, cell)
                    .intersection(w.window());
            addWindow(w, owned);
        }
        return this;
    }

    /**
     * Adds every valid pixel of {@code w} inside {@code owned} (a window of the image grid within
     * {@code w.window()}) to the block containing its centre, all bands.
     */
    public BlockSums addWindow(ImageWindow w, Window owned) {
        if (owned.isEmpty()) {
            return this;
        }
        if (!owned.equals(owned.intersection(w.window()))) {
            throw new IllegalArgumentException(owned + " is not inside the window read, " + w.window());
        }
        if (w.pixels().bandCount() < bandCount) {
            throw new IllegalArgumentException("window has " + w.pixels().bandCount() + " bands, need " + bandCount);
        }
        int[] blockCols = grid.blockColumns(w.transform(), owned.x(), owned.width());
        int[] blockRows = grid.blockRows(w.transform(), owned.y(), owned.height());
        // Accumulate into a dense patch of the few blocks this window spans, then flush once:
        // no map lookup per pixel.
        int c0 = Integer.MAX_VALUE, c1 = -1, r0 = Integer.MAX_VALUE, r1 = -1;
        for (int c : blockCols) {
            if (c >= 0) {
                c0 = Math.min(c0, c);
                c1 = Math.max(c1, c);
            }
        }
        for (int r : blockRows) {
            if (r >= 0) {
                r0 = Math.min(r0, r);
                r1 = Math.max(r1, r);
            }
        }
        int patchCols = Math.max(0, c1 - c0 + 1), patchRows = Math.max(0, r1 - r0 + 1);
        long[] counts = new long[patchRows * patchCols];
        double[] sums = new double[patchRows * patchCols];
        ImageSums s = image(w.image());
        Raster px = w.pixels();
        int ox = owned.x() - w.window().x(), oy = owned.y() - w.window().y();
        double nodata = w.nodata();
        double[] row = new double[owned.width()];
        int[] runStart = new int[blockCols.length + 1]; // runs of equal block column: [runStart[i], runStart[i + 1])
        int runs = 0;
        for (int c = 0; c < blockCols.length; c++) {
            if (c == 0 || blockCols[c] != blockCols[c - 1]) {
                runStart[runs++] = c;
            }
        }
        runStart[runs] = blockCols.length;
        for (int b = 0; b < bandCount; b++) {
            Arrays.fill(counts, 0);
            Arrays.fill(sums, 0);
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < owned.height(); r++) {
                int br = blockRows[r];
                px.readRow(b, ox, oy + r, row.length, row); // one type switch per row, not per sample
                // Run by run of pixels in one block column: the count and sum stay in registers
                // (adding into sums[k] per pixel chained every sample through memory).
                for (int run = 0; run < runs; run++) {
                    long n = 0;
                    double sum = 0;
                    for (int c = runStart[run], end = runStart[run + 1]; c < end; c++) {
                        double v = row[c];
                        if (!Validity.isValid(v, nodata)) {
                            continue;
                        }
                        if (v < lo) { // v is a number here: plain comparisons do what Math.min/max would
                            lo = v;
                        }
                        if (v > hi) {
                            hi = v;
                        }
                        n++;
                        sum += v;
                    }
                    int bc = blockCols[runStart[run]];
                    if (n > 0 && br >= 0 && bc >= 0) {
                        int k = (br - r0) * patchCols + (bc - c0);
                        counts[k] += n;
                        sums[k] += sum;
                    }
                }
            }
            if (lo <= hi) {
                s.range(b, lo, hi);
            }
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    int block = grid.index(r0 + k / patchCols, c0 + k % patchCols);
                    s.add(block, b, counts[k], sums[k], bandCount);
                }
            }
        }
        return this;
    }

    /** Adds everything of {@code other} (same grid and bands) into this; returns this. */
    public BlockSums merge(BlockSums other) {
        if (!other.grid.equals(grid) || other.bandCount != bandCount) {
            throw new IllegalArgumentException("cannot merge block sums of different grids or band counts");
        }
        if (other == this) {
            throw new IllegalArgumentException("cannot merge block sums into themselves");
        }
        other.images.forEach((i, o) -> {
            ImageSums mine = image(i);
            for (int b = 0; b < bandCount; b++) {
                mine.range(b, o.min[b], o.max[b]);
            }
            o.counts.forEach((block, c) -> {
                double[] sum = o.sums.get(block);
                for (int b = 0; b < bandCount; b++) {
                    if (c[b] > 0) {
                        mine.add(block, b, c[b], sum[b], bandCount);
                    }
                }
            });
        });
        return this;
    }

    /** Valid pixels of {@code image} in {@code band} whose centres lie in block {@code block}. */
    public long count(int image, int band, int block) {
        ImageSums s = images.get(image);
        long[] c = s == null ? null : s.counts.get(block);
        return c == null ? 0 : c[band];
    }

    /** Their sum (0 when there are none). */
    public double sum(int image, int band, int block) {
        ImageSums s = images.get(image);
        double[] v = s == null ? null : s.sums.get(block);
        return v == null ? 0 : v[band];
    }

    /** The smallest valid raw value of {@code image} in {@code band}; NaN when it has none. */
    public double min(int image, int band) {
        ImageSums s = images.get(image);
        return s == null || s.min[band] > s.max[band] ? Double.NaN : s.min[band];
    }

    /** The largest valid raw value; NaN when none. */
    public double max(int image, int band) {
        ImageSums s = images.get(image);
        return s == null || s.min[band] > s.max[band] ? Double.NaN : s.max[band];
    }

    /**
     * The smallest valid value of {@code image} in each band after its correction {@code a·x + b}
     * ({@code perBand}, or {@code null} for the identity): the smaller of the corrected min and
     * max, since a negative gain swaps them. NaN for a band without valid pixels.
     */
    public double[] minimum(int image, List<GainOffset> perBand) {
        double[] out = new double[bandCount];
        for (int b = 0; b < bandCount; b++) {
            GainOffset g = gainOffset(perBand, b);
            out[b] = Math.min(g.apply(min(image, b)), g.apply(max(image, b)));
        }
        return out;
    }

    /**
     * The local block map of {@code image} after its correction {@code a·x + b} per band
     * ({@code perBand}, or {@code null} for the identity): per block, {@code a·(sum/count) + b},
     * or NaN when {@code count < blockValidThreshold × blockArea / pixelArea} (and always when the
     * block has no valid pixel). Coverage is {@code count·pixelArea / blockArea}, at most 1.
     * The map is built over the window of the blocks the image has pixels in, never over the
     * whole grid, and stored sparsely ({@link BlockMap}).
     *
     * @param pixelArea the map area of one of this image's pixels
     * @param blockValidThreshold τ: the fraction of a block an image must cover to have a mean there
     */
    public BlockMap localMap(int image, List<GainOffset> perBand, double pixelArea, double blockValidThreshold) {
        if (!(pixelArea > 0) || Double.isInfinite(pixelArea)) {
            throw new IllegalArgumentException("pixel area must be positive: " + pixelArea);
        }
        if (!(blockValidThreshold >= 0 && blockValidThreshold <= 1)) {
            throw new IllegalArgumentException("block valid threshold must be in [0, 1]: " + blockValidThreshold);
        }
        double expected = grid.blockArea() / pixelArea; // pixels a fully covered block holds
        double required = blockValidThreshold * expected;
        ImageSums s = images.get(image);
        BlockWindow window = s == null ? BlockWindow.EMPTY : window(s.counts.keySet());
        int n = window.blockCount(), wc = window.cols();
        double[][] means = new double[bandCount][n];
        double[][] coverage = new double[bandCount][n];
        for (double[] m : means) {
            Arrays.fill(m, Double.NaN);
        }
        if (s != null) {
            s.counts.forEach((block, c) -> {
                double[] sum = s.sums.get(block);
                int k = (grid.rowOf(block) - window.row0()) * wc + grid.colOf(block) - window.col0();
                for (int b = 0; b < bandCount; b++) {
                    if (c[b] > 0 && c[b] >= required) {
                        means[b][k] = gainOffset(perBand, b).apply(sum[b] / c[b]);
                        coverage[b][k] = Math.min(1, c[b] / expected);
                    }
                }
            });
        }
        return BlockMap.windowed(grid, window, means, coverage);
    }

    /** The bounding window of some blocks of the grid. */
    private BlockWindow window(Set<Integer> blocks) {
        int r0 = Integer.MAX_VALUE, r1 = -1, c0 = Integer.MAX_VALUE, c1 = -1;
        for (int block : blocks) {
            int r = grid.rowOf(block), c = grid.colOf(block);
            r0 = Math.min(r0, r);
            r1 = Math.max(r1, r);
            c0 = Math.min(c0, c);
            c1 = Math.max(c1, c);
        }
        return r1 < 0 ? BlockWindow.EMPTY : new BlockWindow(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    }

    private static GainOffset gainOffset(List<GainOffset> perBand, int band) {
        return perBand == null ? GainOffset.IDENTITY : perBand.get(band);
    }
}
