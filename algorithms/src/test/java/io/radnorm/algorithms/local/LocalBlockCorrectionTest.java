package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.correction.CorrectionApplier;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class LocalBlockCorrectionTest {

    private static final BlockGrid ONE = new BlockGrid(new Envelope(0, 4, 0, 4), 1, 1);
    private static final GeoTransform UNIT = GeoTransform.northUp(0, 4, 1, 1);

    private static BlockMap constant(double mean) {
        return BlockMap.of(ONE, new double[][] {{mean}});
    }

    private static LocalBlockCorrection correction(double ref, double loc, double min, LocalAdjustmentSettings s) {
        return new LocalBlockCorrection(constant(ref), constant(loc), UNIT, new double[] {min}, s);
    }

    @Test
    void gammaRaisesToTheRatioOfLogarithms() {
        LocalBlockCorrection c = correction(100, 10, 10, LocalAdjustmentSettings.DEFAULT);
        assertEquals(0, c.shift(0), 0); // everything ≥ 2: no shift, the reference's formula
        assertEquals(100, c.apply(0, 0.5, 0.5, 10), 1e-12);  // γ = ln 100 / ln 10 = 2
        assertEquals(400, c.apply(0, 2.5, 1.5, 20), 1e-10);
        LocalBlockCorrection half = correction(100, 10, 10, LocalAdjustmentSettings.DEFAULT.withAlpha(0.5));
        assertEquals(200, half.apply(0, 0.5, 0.5, 20), 1e-10); // α is a gain on the result
    }

    @Test
    void linearMultipliesByTheRatioOfMeansAndIgnoresAlpha() {
        LocalAdjustmentSettings linear = LocalAdjustmentSettings.DEFAULT
                .withMethod(LocalCorrectionMethod.LINEAR).withAlpha(3);
        assertEquals(60, correction(100, 50, 30, linear).apply(0, 0.5, 0.5, 30), 1e-12);
        assertEquals(0, correction(100, 50, 0.001, linear).shift(0), 0); // positive data: a pure gain
        // Non-positive data is lifted so its minimum is 1: s = 5, out = (x+5)·(6+5)/(1+5) − 5.
        LocalBlockCorrection lifted = correction(6, 1, -4, linear);
        assertEquals(5, lifted.shift(0), 0);
        assertEquals(1 * 11.0 / 6 - 5, lifted.apply(0, 0.5, 0.5, -4), 1e-12);
    }

    @Test
    void gammaShiftsSmallValuesAboveTwo() {
        // Smallest value 0.5 → s = 1.5; at x = M_loc the result is M_ref exactly.
        LocalBlockCorrection c = correction(3, 1, 0.5, LocalAdjustmentSettings.DEFAULT);
        assertEquals(1.5, c.shift(0), 0);
        assertEquals(3, c.apply(0, 0.5, 0.5, 1), 1e-12);
        double gamma = Math.log(4.5) / Math.log(2.5);
        assertEquals(Math.pow(2, gamma) - 1.5, c.apply(0, 0.5, 0.5, 0.5), 1e-12);
        // A reference mean below the image's minimum sets the shift too.
        assertEquals(3, correction(-1, 1, 0.5, LocalAdjustmentSettings.DEFAULT).shift(0), 0);
    }

    @Test
    void pixelsWithoutNodesAreLeftAlone() {
        LocalBlockCorrection c = correction(100, Double.NaN, 10, LocalAdjustmentSettings.DEFAULT);
        assertEquals(37, c.apply(0, 0.5, 0.5, 37), 0);
    }

    @Test
    void aCorrectionWithNonPositiveValuesDoesNotDependOnWindows() {
        // 8 × 8 float image with values from −5 to 20, nodata NaN, on a 2 × 2 grid.
        int n = 8;
        float[] v = new float[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                v[r * n + c] = (float) (-5 + 25.0 * ((c * 7 + r * 3) % 17) / 16);
            }
        }
        v[9] = Float.NaN;
        Raster image = Raster.wrap(DataType.FLOAT32, n, n, 1, v);
        GeoTransform gt = GeoTransform.northUp(0, 8, 1, 1);
        BlockGrid grid = new BlockGrid(new Envelope(0, 8, 0, 8), 2, 2);
        BlockSums sums = new BlockSums(grid, 1)
                .addWindow(new ImageWindow(0, image, Window.of(n, n), gt, Double.NaN), Window.of(n, n));
        BlockMap local = sums.localMap(0, null, 1, 0.001);
        BlockMap reference = BlockMap.of(grid, new double[][] {{4, 6, 9, 12}});
        LocalBlockCorrection c = LocalBlockAdjustment.correction(sums, 0, null, gt, reference, local,
                LocalAdjustmentSettings.DEFAULT);
        assertEquals(7, c.shift(0), 0); // the image minimum −5 lifted to 2

        Raster whole = CorrectionApplier.apply(image, Window.of(n, n), Double.NaN, c, DataType.FLOAT64, null);
        Raster pieced = Raster.allocate(DataType.FLOAT64, n, n, 1);
        for (Window q : List.of(new Window(0, 0, 4, 4), new Window(4, 0, 4, 4),
                new Window(0, 4, 4, 4), new Window(4, 4, 4, 4))) {
            pieced.paste(CorrectionApplier.apply(image.crop(q), q, Double.NaN, c, DataType.FLOAT64, null), q.x(), q.y());
        }
        assertTrue(whole.contentEquals(pieced));
        int changed = 0;
        for (int k = 0; k < n * n; k++) {
            double in = image.getAt(k), out = whole.getAt(k);
            if (k == 9) {
                assertTrue(Double.isNaN(out));
                continue;
            }
            assertTrue(Double.isFinite(out), "pixel " + k);
            changed += in != out ? 1 : 0;
        }
        assertTrue(changed > 50, changed + " pixels changed");
        assertNotEquals(image.getAt(0), whole.getAt(0));
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        BlockGrid grid = new BlockGrid(new Envelope(0, 8, 0, 8), 2, 2);
        BlockMap local = BlockMap.of(grid, new double[][] {{10, 12, 14, 16}});
        BlockMap reference = BlockMap.of(grid, new double[][] {{11, 11, 15, 15}});
        LocalBlockCorrection c = new LocalBlockCorrection(reference, local, GeoTransform.northUp(0, 8, 1, 1),
                new double[] {3}, LocalAdjustmentSettings.DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            LocalBlockCorrection back = (LocalBlockCorrection) in.readObject();
            assertEquals(c.apply(0, 3.5, 2.5, 13), back.apply(0, 3.5, 2.5, 13), 0);
            assertNotEquals(13, back.apply(0, 3.5, 2.5, 13));
        }
    }
}
