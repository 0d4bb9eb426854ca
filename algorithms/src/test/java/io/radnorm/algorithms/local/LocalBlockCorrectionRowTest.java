package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radnorm.algorithms.correction.PixelCorrection;
import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.global.GainOffsetCorrection;
import io.radnorm.raster.GeoTransform;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The row form of the corrections ({@link PixelCorrection#applyRow}) gives the pixel form's bits:
 * on block maps with empty nodes and uneven coverage, rows that start anywhere (inside a block,
 * on a block centre, beyond the outermost centres), gamma and linear, with and without coverage
 * weighting, and chained after a global correction as the pipeline applies them.
 */
class LocalBlockCorrectionRowTest {

    private static final BlockGrid GRID = new BlockGrid(new Envelope(0, 70, 0, 50), 5, 7);

    private static BlockMap randomMap(Random rnd, double base) {
        double[][] means = new double[2][GRID.blockCount()];
        double[][] coverage = new double[2][GRID.blockCount()];
        for (int b = 0; b < 2; b++) {
            for (int k = 0; k < GRID.blockCount(); k++) {
                means[b][k] = rnd.nextInt(6) == 0 ? Double.NaN : base + 100 * rnd.nextDouble();
                coverage[b][k] = rnd.nextDouble();
            }
        }
        return new BlockMap(GRID, means, coverage);
    }

    @Test
    void rowsEqualPixelsBitForBit() {
        Random rnd = new Random(42);
        BlockMap ref = randomMap(rnd, 200), loc = randomMap(rnd, 150);
        // 0.7 map units per pixel, the image starting off the canvas corner: rows cross block edges
        // and centres at fractional pixel positions.
        GeoTransform transform = GeoTransform.northUp(-3.3, 52.1, 0.7, 0.7);
        double[] minimum = {-20, 5};
        for (LocalAdjustmentSettings s : List.of(LocalAdjustmentSettings.DEFAULT,
                LocalAdjustmentSettings.DEFAULT.withWeightByCoverage(true),
                LocalAdjustmentSettings.DEFAULT.withMethod(LocalCorrectionMethod.LINEAR),
                LocalAdjustmentSettings.DEFAULT.withAlpha(0.9).withWeightByCoverage(true))) {
            LocalBlockCorrection local = new LocalBlockCorrection(ref, loc, transform, minimum, s);
            PixelCorrection chain = new GainOffsetCorrection(List.of(new GainOffset(1.1, -3), new GainOffset(0.95, 4)))
                    .andThen(local);
            for (PixelCorrection c : List.of(local, chain)) {
                assertRowsMatchPixels(c, rnd);
            }
        }
    }

    /** A rotated image: a row of pixels crosses map rows, so its means are interpolated pixel by pixel. */
    @Test
    void rotatedRowsEqualPixelsBitForBit() {
        Random rnd = new Random(43);
        BlockMap ref = randomMap(rnd, 200), loc = randomMap(rnd, 150);
        GeoTransform rotated = new GeoTransform(-3.3, 0.7, 0.1, -2.0, 0.15, 0.7);
        double[] minimum = {-20, 5};
        for (LocalAdjustmentSettings s : List.of(LocalAdjustmentSettings.DEFAULT,
                LocalAdjustmentSettings.DEFAULT.withMethod(LocalCorrectionMethod.LINEAR))) {
            assertRowsMatchPixels(new LocalBlockCorrection(ref, loc, rotated, minimum, s), rnd);
        }
    }

    private static void assertRowsMatchPixels(PixelCorrection c, Random rnd) {
        int width = 113;
        double[] values = new double[width];
        double[] expected = new double[width];
        boolean[] valid = new boolean[width];
        for (int band = 0; band < 2; band++) {
            for (int r = 0; r < 80; r += 3) {
                int col0 = rnd.nextInt(20);
                for (int i = 0; i < width; i++) {
                    values[i] = 10 + rnd.nextInt(500);
                    valid[i] = rnd.nextInt(10) != 0;
                    expected[i] = valid[i] ? c.apply(band, col0 + i + 0.5, r + 0.5, values[i]) : values[i];
                }
                c.applyRow(band, r + 0.5, col0, values, valid, width);
                for (int i = 0; i < width; i++) {
                    assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(values[i]),
                            "band " + band + " row " + r + " col " + (col0 + i) + ": " + expected[i] + " vs " + values[i]);
                }
            }
        }
    }

    @Test
    void rowOfTheSurfaceEqualsThePointValue() {
        Random rnd = new Random(7);
        BlockMap map = randomMap(rnd, 0);
        for (boolean weighted : new boolean[] {false, true}) {
            BlockMapInterpolator surface = new BlockMapInterpolator(map, weighted);
            for (double y = -5; y <= 55; y += 1.25) {
                BlockMapInterpolator.Row row = surface.alongMapRow(1, y);
                for (double x = -5; x <= 75; x += 0.625) {
                    assertEquals(Double.doubleToLongBits(surface.valueAt(1, x, y)), Double.doubleToLongBits(row.valueAt(x)));
                }
            }
        }
    }
}
