package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * Block maps stored sparsely ({@link BlockMap}'s row spans, windows of the grid) give the bits the
 * dense full-grid form gave: interpolation against a dense oracle (the interpolation as it was
 * written over full arrays), corrections, reference means; and the memory of per-image maps
 * follows the images' footprints, not the canvas, on a 10 000-image layout.
 */
class SparseBlockMapsTest {

    private static final BlockGrid GRID = new BlockGrid(new Envelope(0, 130, 0, 90), 9, 13);

    /** A random window and random means inside it (some NaN), as window and full arrays. */
    private record Case(BlockWindow window, double[][] windowMeans, double[][] windowCoverage,
                        double[][] fullMeans, double[][] fullCoverage) {
        BlockMap windowed() {
            return BlockMap.windowed(GRID, window, windowMeans, windowCoverage);
        }

        BlockMap full() {
            return new BlockMap(GRID, fullMeans, fullCoverage);
        }
    }

    private static Case randomCase(Random rnd, double base) {
        int r0 = rnd.nextInt(GRID.rows()), c0 = rnd.nextInt(GRID.cols());
        BlockWindow w = new BlockWindow(r0, c0, 1 + rnd.nextInt(GRID.rows() - r0), 1 + rnd.nextInt(GRID.cols() - c0));
        int n = GRID.blockCount();
        double[][] wm = new double[2][w.blockCount()], wc = new double[2][w.blockCount()];
        double[][] fm = new double[2][n], fc = new double[2][n];
        for (int b = 0; b < 2; b++) {
            Arrays.fill(fm[b], Double.NaN);
            for (int k = 0; k < w.blockCount(); k++) {
                wm[b][k] = rnd.nextInt(5) == 0 ? Double.NaN : base + 100 * rnd.nextDouble();
                wc[b][k] = rnd.nextInt(3) == 0 ? 1 : rnd.nextDouble();
                int full = GRID.index(w.row0() + k / w.cols(), w.col0() + k % w.cols());
                fm[b][full] = wm[b][k];
                fc[b][full] = wc[b][k];
            }
        }
        return new Case(w, wm, wc, fm, fc);
    }

    /** The interpolation as the dense form computed it: four nodes over full arrays, empty dropped. */
    private static double oracle(double[] means, double[] coverage, boolean weight, double u, double v) {
        double t = clamp(snap(v - 0.5), GRID.rows() - 1), s = clamp(snap(u - 0.5), GRID.cols() - 1);
        int r0 = (int) t, c0 = (int) s;
        double fy = t - r0, fx = s - c0;
        double[] colSum = new double[2], colWeight = new double[2], colOnly = {Double.NaN, Double.NaN};
        int[] colUsed = new int[2];
        for (int dc = 0; dc <= (fx != 0 ? 1 : 0); dc++) {
            for (int dr = 0; dr <= 1; dr++) {
                double wy = dr == 0 ? 1 - fy : fy;
                if (wy == 0) {
                    continue;
                }
                int k = (r0 + dr) * GRID.cols() + c0 + dc;
                double m = means[k];
                if (m != m) {
                    continue;
                }
                double w = weight ? wy * coverage[k] : wy;
                colSum[dc] += w * m;
                colWeight[dc] += w;
                colOnly[dc] = m;
                colUsed[dc]++;
            }
        }
        double sum = (1 - fx) * colSum[0], weights = (1 - fx) * colWeight[0];
        int n = colUsed[0];
        double one = colOnly[0];
        if (fx != 0) {
            sum += fx * colSum[1];
            weights += fx * colWeight[1];
            n += colUsed[1];
            if (colUsed[1] > 0) {
                one = colOnly[1];
            }
        }
        return n == 0 ? Double.NaN : n == 1 ? one : sum / weights;
    }

    private static double clamp(double s, int max) {
        return s < 0 ? 0 : s > max ? max : s;
    }

    private static double snap(double s) {
        double r = Math.rint(s);
        return Math.abs(s - r) < 1e-9 ? r : s;
    }

    @Test
    void windowedMapsInterpolateToTheDenseBits() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            Case c = randomCase(rnd, 100);
            BlockMap map = c.windowed();
            for (int k = 0; k < GRID.blockCount(); k++) { // the same map, whichever way it was given
                for (int b = 0; b < 2; b++) {
                    assertEquals(Double.doubleToLongBits(c.fullMeans()[b][k]), Double.doubleToLongBits(map.mean(b, k)));
                    assertEquals(c.fullMeans()[b][k] == c.fullMeans()[b][k] ? Math.min(1, c.fullCoverage()[b][k]) : 0,
                            map.coverage(b, k));
                }
            }
            double[][] cov = new double[2][];
            for (int b = 0; b < 2; b++) {
                cov[b] = c.fullCoverage()[b].clone();
                for (int k = 0; k < cov[b].length; k++) {
                    cov[b][k] = c.fullMeans()[b][k] == c.fullMeans()[b][k] ? Math.min(1, cov[b][k]) : 0;
                }
            }
            for (boolean weight : new boolean[] {false, true}) {
                BlockMapInterpolator surface = new BlockMapInterpolator(map, weight);
                for (int p = 0; p < 60; p++) {
                    // Anywhere, beyond the canvas too, and often exactly on centres and edges.
                    double u = p % 3 == 0 ? rnd.nextInt(2 * GRID.cols() + 3) / 2.0 - 1 : -1.5 + (GRID.cols() + 3) * rnd.nextDouble();
                    double v = p % 4 == 0 ? rnd.nextInt(2 * GRID.rows() + 3) / 2.0 - 1 : -1.5 + (GRID.rows() + 3) * rnd.nextDouble();
                    for (int b = 0; b < 2; b++) {
                        double want = oracle(c.fullMeans()[b], cov[b], weight, u, v);
                        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(surface.value(b, u, v)),
                                "trial " + trial + " at " + u + ", " + v);
                    }
                }
            }
        }
    }

    @Test
    void windowedMapsCorrectToTheSameBitsAsFullMaps() {
        Random rnd = new Random(11);
        GeoTransform transform = GeoTransform.northUp(-4.1, 93.3, 0.9, 0.9);
        for (int trial = 0; trial < 30; trial++) {
            Case ref = randomCase(rnd, 200), loc = randomCase(rnd, 150);
            double[] minimum = {-10, 3};
            for (LocalAdjustmentSettings s : List.of(LocalAdjustmentSettings.DEFAULT,
                    LocalAdjustmentSettings.DEFAULT.withWeightByCoverage(true),
                    LocalAdjustmentSettings.DEFAULT.withMethod(LocalCorrectionMethod.LINEAR))) {
                LocalBlockCorrection sparse = new LocalBlockCorrection(ref.windowed(), loc.windowed(), transform, minimum, s);
                LocalBlockCorrection full = new LocalBlockCorrection(ref.full(), loc.full(), transform, minimum, s);
                for (int b = 0; b < 2; b++) {
                    assertEquals(full.shift(b), sparse.shift(b));
                    double[] values = new double[160], expected = new double[160];
                    boolean[] valid = new boolean[160];
                    for (int row = 0; row < 110; row += 7) {
                        for (int i = 0; i < values.length; i++) {
                            values[i] = 20 + rnd.nextInt(400);
                            valid[i] = true;
                            expected[i] = full.apply(b, i + 0.5, row + 0.5, values[i]);
                        }
                        sparse.applyRow(b, row + 0.5, 0, values, valid, values.length);
                        for (int i = 0; i < values.length; i++) {
                            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(values[i]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void sparseReferenceIsTheDenseMeanOfMeans() {
        Random rnd = new Random(3);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            cases.add(randomCase(rnd, 50 + i));
        }
        ReferenceMapBuilder builder = new ReferenceMapBuilder(GRID, 2);
        cases.forEach(c -> builder.add(c.windowed()));
        BlockMap reference = builder.getReferenceMap();
        for (int b = 0; b < 2; b++) {
            for (int k = 0; k < GRID.blockCount(); k++) {
                double sum = 0, coverage = 0;
                int count = 0;
                for (Case c : cases) { // in image order, as the dense builder summed
                    double m = c.fullMeans()[b][k];
                    if (m == m) {
                        sum += m;
                        count++;
                        coverage = Math.max(coverage, Math.min(1, c.fullCoverage()[b][k]));
                    }
                }
                assertEquals(Double.doubleToLongBits(count == 0 ? Double.NaN : sum / count),
                        Double.doubleToLongBits(reference.mean(b, k)));
                assertEquals(count == 0 ? 0 : coverage, reference.coverage(b, k));
            }
        }
        // Files keep the full grid: the raster round trip gives the same map.
        Raster raster = reference.toRaster();
        assertEquals(GRID.cols(), raster.width());
        BlockMap back = BlockMap.fromRasters(GRID, raster, reference.coverageRaster());
        for (int k = 0; k < GRID.blockCount(); k++) {
            assertEquals((float) reference.mean(1, k), (float) back.mean(1, k), 0);
        }
    }

    /**
     * 10 000 images in a 100 × 100 layout, each 5 × 5 blocks, overlapping their neighbours by one
     * block: a 401 × 401 grid (160 801 blocks). Dense per-image maps would hold 1.6·10<sup>9</sup>
     * blocks per band; the sparse ones hold 25 each.
     */
    @Test
    void localMapsOfTenThousandImagesFollowTheirFootprints() throws IOException {
        int side = 100, size = 5, step = 4, blocks = step * side + 1;
        BlockGrid grid = new BlockGrid(new Envelope(0, blocks * 10.0, 0, blocks * 10.0), blocks, blocks);
        BlockSums sums = new BlockSums(grid, 1);
        for (int i = 0; i < side * side; i++) {
            int r0 = (i / side) * step, c0 = (i % side) * step;
            for (int r = r0; r < r0 + size; r++) {
                for (int c = c0; c < c0 + size; c++) {
                    sums.add(i, 0, grid.index(r, c), 100 + i % 7 + r + c);
                }
            }
        }
        ReferenceMapBuilder builder = new ReferenceMapBuilder(grid, 1);
        long stored = 0;
        BlockMap sample = null;
        for (int i = 0; i < side * side; i++) {
            // pixel area 100: one pixel fills a 10 x 10 block; threshold 0 keeps every block
            BlockMap local = sums.localMap(i, null, 100, 0);
            assertEquals(new BlockWindow((i / side) * step, (i % side) * step, size, size), local.window());
            assertEquals(size * size, local.storedBlockCount());
            stored += local.storedBlockCount();
            builder.add(local);
            sample = i == 5050 ? local : sample;
        }
        assertEquals((long) side * side * size * size, stored);
        BlockMap reference = builder.getReferenceMap();
        assertEquals(grid.blockCount(), reference.storedBlockCount()); // the layout covers the canvas
        assertEquals(100 + 5050 % 7 + 200 + 200, sample.mean(0, 200, 200));
        // What travels to the executors scales with the image, not the canvas (dense: 2.6 MB).
        assertTrue(serializedSize(sample) < 4_000, "serialized local map: " + serializedSize(sample) + " bytes");
        // A map over a corner of the canvas only stores that corner: the reference of one image.
        BlockMap one = new ReferenceMapBuilder(grid, 1).add(sample).getReferenceMap();
        assertEquals(sample.window(), one.window());
        assertEquals(size * size, one.storedBlockCount());
    }

    private static int serializedSize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.size();
    }
}
