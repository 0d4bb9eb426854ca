package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.GeoTransform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The bulk row form of the interpolation ({@link BlockMapInterpolator#nodeColumns} then
 * {@link BlockMapInterpolator.Row#valuesAtNodeColumns}) gives {@link BlockMapInterpolator.Row#valueAt}'s
 * bits at every pixel, with the scalar and (when the JVM has it) the Vector API kernel: across
 * empty nodes, outside the outermost centres, on node centres hit exactly and with rounding
 * noise, on rows where only one node row stores blocks, with and without coverage weighting, for
 * pixels left to right, right to left, and rows whose x depends on the row.
 */
class BlockRowKernelTest {

    /** 5 rows × 7 columns of 10 × 10 map units; node centres at x = 5, 15, … 65 and y = 45, 35, … 5. */
    private static final BlockGrid GRID = new BlockGrid(new Envelope(0, 70, 0, 50), 5, 7);

    private static final double N = Double.NaN;

    /** Means with empty nodes, a lone node (row 4) and an empty column (col 3, rows 0–1); two bands. */
    private static final double[] MEANS = {
        110.5, 120.25, N, 140, 150.125, 160, 170.75,
        210, N, 230.5, N, 250, 260.375, N,
        N, N, N, N, N, 360, 370,
        410, 420, 430, 440, 450.5, 460, 470,
        N, N, N, 540.25, N, N, N};
    private static final double[] COVERAGE = {
        1, 0.5, 0, 0.25, 0.75, 1, 0.125,
        0.3, 0, 0.9, 0, 0.6, 0.05, 0,
        0, 0, 0, 0, 0, 0.4, 1,
        0.2, 0.7, 1, 0.35, 0.55, 0.8, 0.45,
        0, 0, 0, 0.65, 0, 0, 0};

    private static double[] band2(double[] a, double scale) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i] * scale;
        }
        return b;
    }

    private static List<BlockMap> maps() {
        double[][] means = {MEANS, band2(MEANS, 0.37)};
        double[][] coverage = {COVERAGE, COVERAGE};
        List<BlockMap> maps = new ArrayList<>();
        maps.add(new BlockMap(GRID, means, coverage));
        // Sparse: rows 1–3, columns 2–5 stored only; row spans differ, so map rows outside and at
        // the edge of the window blend one stored node row with an unstored one.
        BlockWindow w = new BlockWindow(1, 2, 3, 4);
        double[][] wm = new double[2][w.blockCount()], wc = new double[2][w.blockCount()];
        for (int b = 0; b < 2; b++) {
            for (int r = 0; r < w.rows(); r++) {
                for (int c = 0; c < w.cols(); c++) {
                    int k = (w.row0() + r) * GRID.cols() + w.col0() + c;
                    wm[b][r * w.cols() + c] = means[b][k];
                    wc[b][r * w.cols() + c] = coverage[b][k];
                }
            }
        }
        maps.add(BlockMap.windowed(GRID, w, wm, wc));
        // Every node empty.
        double[] none = new double[GRID.blockCount()];
        java.util.Arrays.fill(none, N);
        maps.add(BlockMap.of(GRID, new double[][] {none, none}));
        return maps;
    }

    private static List<BlockRowKernel> kernels() {
        List<BlockRowKernel> kernels = new ArrayList<>(List.of(BlockRowKernel.scalar()));
        if (GammaKernel.vector().isPresent()) { // the Vector API is there: its row kernel must load too
            kernels.add(BlockRowKernel.vector().orElseThrow(() -> new AssertionError("no Vector API row kernel")));
        }
        return kernels;
    }

    private static final List<GeoTransform> TRANSFORMS = List.of(
            // starts off the canvas on the left, ends off it on the right: clamped at both ends
            GeoTransform.northUp(-3.3, 52.1, 0.7, 0.7),
            // pixel centres at x = 1, 2, …: exactly on node centres (fx == 0) every 10 pixels
            GeoTransform.northUp(0.5, 50, 1, 1),
            // pixel centres near node centres with rounding noise (0.1 is inexact): snapped
            GeoTransform.northUp(0.05, 50, 0.1, 0.1),
            // right to left: positions decrease along the row
            new GeoTransform(75.2, -0.45, 0, 50, 0, -0.5),
            // x depends on the row (row rotation only: a row of pixels still lies on one map row)
            new GeoTransform(-2, 0.9, 0.3, 51, 0, -0.8),
            // pixels larger than blocks: a run per pixel
            GeoTransform.northUp(-13, 50, 13.7, 13.7));

    @Test
    void bulkRowsEqualValueAtBitForBit() {
        int checked = 0, nan = 0, centres = 0;
        for (BlockMap map : maps()) {
            for (boolean weighted : new boolean[] {false, true}) {
                BlockMapInterpolator f = new BlockMapInterpolator(map, weighted);
                for (GeoTransform t : TRANSFORMS) {
                    for (int length : new int[] {1, 3, 8, 9, 17, 113, 800}) {
                        for (int pixelRow = -3; pixelRow < 130; pixelRow += 7) {
                            for (int col0 : new int[] {0, 5, 37}) {
                                double row = pixelRow + 0.5;
                                BlockMapInterpolator.Row line = f.alongMapRow(1, t.y(col0 + 0.5, row));
                                double[] expected = new double[length];
                                for (int i = 0; i < length; i++) {
                                    double x = t.x(col0 + i + 0.5, row);
                                    expected[i] = line.valueAt(x);
                                    nan += expected[i] != expected[i] ? 1 : 0;
                                    centres += (x - 5) % 10 == 0 ? 1 : 0;
                                }
                                for (BlockRowKernel k : kernels()) {
                                    double[] s = new double[length + 2], out = new double[length + 2];
                                    out[length] = 12345; // not written past length
                                    f.nodeColumns(k, t, row, col0, s, length);
                                    f.alongMapRow(1, t.y(col0 + 0.5, row)).valuesAtNodeColumns(k, s, out, length);
                                    for (int i = 0; i < length; i++) {
                                        int at = i;
                                        assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(out[i]),
                                                () -> k.getClass().getSimpleName() + " " + t + " row " + row + " col0 " + col0
                                                        + " pixel " + at + ": " + expected[at] + " vs " + out[at]);
                                    }
                                    assertEquals(12345, out[length], 0);
                                    checked += length;
                                }
                            }
                        }
                    }
                }
            }
        }
        // The cases the test is about did occur.
        assertTrue(checked > 1_000_000, "" + checked);
        assertTrue(nan > 1000, "" + nan);
        assertTrue(centres > 1000, "" + centres);
    }

    /** Known answers along one row through the node centres of map row 1 (y = 35): nodes exactly, blends between. */
    @Test
    void knownValuesAlongANodeRow() {
        BlockMapInterpolator f = new BlockMapInterpolator(maps().get(0), false);
        GeoTransform t = GeoTransform.northUp(0, 35.5, 2.5, 1); // pixel centres x = 1.25, 3.75, 6.25, …
        double[] s = new double[28], out = new double[28];
        for (BlockRowKernel k : kernels()) {
            f.nodeColumns(k, t, 0.5, 0, s, 28);
            f.alongMapRow(0, 35).valuesAtNodeColumns(k, s, out, 28);
            assertEquals(210, out[0], 0);                    // clamped onto node (1, 0)
            assertEquals(210, out[1], 0);                    // x = 3.75, still left of the first centre
            assertEquals(210, out[2], 0);                    // x = 6.25: node (1, 1) is empty, one node left
            assertEquals(230.5, out[8], 0);                  // x = 21.25, between an empty node and 230.5
            assertEquals(250, out[16], 0);                   // x = 41.25, between an empty node and 250
            assertEquals(250 * 0.875 + 260.375 * 0.125, out[18], 0); // x = 46.25: fx = 1/8, all exact
            assertEquals(260.375, out[22], 0);               // x = 56.25: 260.375 and an empty node
            assertTrue(Double.isNaN(out[27]));               // x = 68.75: clamped onto the empty node (1, 6)
        }
    }
}
