package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class BlockSumsTest {

    private static final GeoTransform UNIT = GeoTransform.northUp(0, 4, 1, 1);
    private static final BlockGrid GRID = new BlockGrid(new Envelope(0, 4, 0, 4), 2, 2);

    /** 4 × 4, nodata 0; blocks of 2 × 2 pixels. */
    private static Raster sample() {
        double[] v = {
            1, 2, 3, 4,
            5, 0, 7, 8,
            0, 0, 11, 12,
            0, 14, 15, 16};
        return Raster.wrap(DataType.FLOAT64, 4, 4, 1, v);
    }

    private static BlockSums sumsOf(Raster r) {
        return new BlockSums(GRID, 1).addWindow(new ImageWindow(0, r, Window.of(4, 4), UNIT, 0), Window.of(4, 4));
    }

    @Test
    void blockMeansOfALiteralRaster() {
        BlockSums sums = sumsOf(sample());
        BlockMap map = sums.localMap(0, null, 1, 0.001);
        assertEquals(8.0 / 3, map.mean(0, 0, 0), 1e-15);  // 1, 2, 5 (nodata excluded)
        assertEquals(5.5, map.mean(0, 0, 1), 0);          // 3, 4, 7, 8
        assertEquals(14, map.mean(0, 1, 0), 0);           // one valid pixel of four
        assertEquals(13.5, map.mean(0, 1, 1), 0);
        assertEquals(0.75, map.coverage(0, 0, 0), 0);
        assertEquals(0.25, map.coverage(0, 1, 0), 0);
        assertEquals(3, sums.count(0, 0, GRID.index(0, 0)));
        assertEquals(8, sums.sum(0, 0, GRID.index(0, 0)), 0);
        assertEquals(1, sums.min(0, 0), 0);
        assertEquals(16, sums.max(0, 0), 0);
    }

    @Test
    void blocksBelowTheValidThresholdAreEmpty() {
        // τ = 0.5 of a 4-pixel block: at least 2 valid pixels.
        BlockMap map = sumsOf(sample()).localMap(0, null, 1, 0.5);
        assertTrue(Double.isNaN(map.mean(0, 1, 0)));
        assertEquals(0, map.coverage(0, 1, 0), 0);
        assertEquals(8.0 / 3, map.mean(0, 0, 0), 1e-15);
        // τ counts pixels of the image's own size: pixels of area 4 make a 4-unit block one pixel.
        BlockMap coarse = new BlockSums(GRID, 1).add(0, 0, 0, 7).localMap(0, null, 4, 1);
        assertEquals(7, coarse.mean(0, 0), 0);
        assertTrue(Double.isNaN(coarse.mean(0, 1)));
    }

    @Test
    void cellsAndWindowsAddUpToTheWhole() {
        Raster r = sample();
        BlockSums whole = sumsOf(r);
        BlockSums byCells = new BlockSums(GRID, 1);
        for (Envelope cell : List.of(new Envelope(0, 3, 0, 1), new Envelope(0, 3, 1, 4),
                new Envelope(3, 4, 0, 4))) {
            byCells.addCell(cell, List.of(new ImageWindow(0, r, Window.of(4, 4), UNIT, 0)));
        }
        BlockSums merged = new BlockSums(GRID, 1);
        for (Window q : Window.grid(4, 4, 3, 3)) {
            BlockSums part = new BlockSums(GRID, 1).addWindow(new ImageWindow(0, r.crop(q), q, UNIT, 0), q);
            merged.merge(part);
        }
        for (BlockSums other : List.of(byCells, merged)) {
            for (int k = 0; k < 4; k++) {
                assertEquals(whole.count(0, 0, k), other.count(0, 0, k));
                assertEquals(whole.sum(0, 0, k), other.sum(0, 0, k), 0);
            }
            assertEquals(1, other.min(0, 0), 0);
            assertEquals(16, other.max(0, 0), 0);
        }
    }

    @Test
    void postGlobalMapsComeExactlyFromRawSums() {
        int w = 20, h = 15;
        Random rnd = new Random(11);
        double[] v = new double[w * h * 2];
        for (int k = 0; k < v.length; k++) {
            v[k] = rnd.nextInt(10) == 0 ? -9999 : 500 + 300 * rnd.nextDouble();
        }
        Raster r = Raster.wrap(DataType.FLOAT64, w, h, 2, v);
        GeoTransform gt = GeoTransform.northUp(100, 200, 2, 2);
        BlockGrid grid = new BlockGrid(new Envelope(100, 140, 170, 200), 3, 4);
        BlockSums sums = new BlockSums(grid, 2).addWindow(new ImageWindow(3, r, Window.of(w, h), gt, -9999), Window.of(w, h));
        List<GainOffset> global = List.of(new GainOffset(1.7, -12.5), new GainOffset(-0.6, 300));
        BlockMap map = sums.localMap(3, global, 4, 0);

        for (int b = 0; b < 2; b++) {
            double[] sum = new double[grid.blockCount()];
            int[] count = new int[grid.blockCount()];
            double min = Double.POSITIVE_INFINITY;
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    double x = r.get(b, col, row);
                    if (x != -9999) {
                        double corrected = global.get(b).apply(x);
                        int k = grid.blockOfPixel(gt, col, row);
                        sum[k] += corrected;
                        count[k]++;
                        min = Math.min(min, corrected);
                    }
                }
            }
            for (int k = 0; k < grid.blockCount(); k++) {
                double direct = sum[k] / count[k];
                assertEquals(direct, map.mean(b, k), 1e-12 * Math.abs(direct), "band " + b + " block " + k);
            }
            assertEquals(min, sums.minimum(3, global)[b], 0); // the negative gain turns the max into the min
        }
    }

    @Test
    void pixelsOffTheCanvasCountForTheRangeOnly() {
        BlockGrid left = new BlockGrid(new Envelope(0, 2, 0, 4), 1, 1);
        double[] v = {1, 2, 3, -4};
        Raster r = Raster.wrap(DataType.FLOAT64, 4, 1, 1, v);
        BlockSums sums = new BlockSums(left, 1)
                .addWindow(new ImageWindow(0, r, Window.of(4, 1), UNIT, Double.NaN), Window.of(4, 1));
        assertEquals(2, sums.count(0, 0, 0));
        assertEquals(3, sums.sum(0, 0, 0), 0);
        assertArrayEquals(new double[] {-4}, sums.minimum(0, null));
    }
}
