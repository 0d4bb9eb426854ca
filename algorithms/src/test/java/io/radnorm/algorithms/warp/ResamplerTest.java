package io.radnorm.algorithms.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Known answers of the kernels and grid rules (the cross-check against gdalwarp is AlignJobTest). */
class ResamplerTest {

    private static final double ND = -1;

    /** 3×3 ramp 0..8, pixel (2,2) nodata. */
    private static Raster ramp() {
        Raster r = Raster.allocate(DataType.FLOAT64, 3, 3, 1);
        for (int i = 0; i < 9; i++) {
            r.setAt(i, i);
        }
        r.set(0, 2, 2, ND);
        return r;
    }

    private static double sample(ResamplingMethod m, double col, double row) {
        return new Resampler(m, 1, 1).band(ramp(), Window.of(3, 3), 0, ND).sample(col, row);
    }

    @Test
    void nearestTakesTheContainingPixel() {
        assertEquals(4, sample(ResamplingMethod.NEAREST, 1.99, 1.01));
        assertEquals(5, sample(ResamplingMethod.NEAREST, 2.0, 1.5)); // corner ties go right/down (floor)
        assertTrue(Double.isNaN(sample(ResamplingMethod.NEAREST, 2.5, 2.5)));
        assertTrue(Double.isNaN(sample(ResamplingMethod.NEAREST, -0.1, 1)));
    }

    @Test
    void bilinearBlendsValidCentresOnly() {
        assertEquals(4, sample(ResamplingMethod.BILINEAR, 1.5, 1.5)); // on a centre: exact
        assertEquals(2, sample(ResamplingMethod.BILINEAR, 1.0, 1.0)); // mean of 0,1,3,4
        // Between 4, 5, 7 and nodata: the weights renormalise over the three valid centres.
        assertEquals((0.36 * 4 + 0.24 * 5 + 0.24 * 7) / 0.84, sample(ResamplingMethod.BILINEAR, 1.9, 1.9), 1e-12);
        assertTrue(Double.isNaN(sample(ResamplingMethod.BILINEAR, 2.6, 2.6))); // containing pixel nodata
    }

    @Test
    void cubicReproducesLinearRampsAndFallsBackNearHoles() {
        Raster r = Raster.allocate(DataType.FLOAT64, 8, 8, 1);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                r.set(0, x, y, 3 * x + 2 * y);
            }
        }
        Resampler.Band b = new Resampler(ResamplingMethod.CUBIC, 1, 1).band(r, Window.of(8, 8), 0, ND);
        assertEquals(3 * 3.2 + 2 * 4.1, b.sample(3.7, 4.6), 1e-9); // Keys' kernel is exact on linear data
        // Image edge: bilinear fallback, still exact on a ramp.
        assertEquals(3 * 0.1 + 2 * 0.2, b.sample(0.6, 0.7), 1e-9);
    }

    @Test
    void downsamplingWidensTheKernel() {
        Resampler half = new Resampler(ResamplingMethod.BILINEAR, 0.5, 0.5);
        assertEquals(3, half.padding());
        assertEquals(1 + 1, new Resampler(ResamplingMethod.BILINEAR, 0.96, 0.96).padding()); // >= 0.95 counts as 1
        Raster r = Raster.allocate(DataType.FLOAT64, 4, 1, 1);
        r.setAt(0, 0);
        r.setAt(1, 0);
        r.setAt(2, 8);
        r.setAt(3, 8);
        // Between pixels 1 and 2: the widened triangle sees all four, symmetric weights -> mean 4.
        assertEquals(4, half.band(r, Window.of(4, 1), 0, ND).sample(2.0, 0.5), 1e-12);
    }

    @Test
    void gridRulesFollowGdalwarp() {
        Envelope e = new Envelope(100.2, 130.9, 200.4, 219.1);
        TargetGrid tap = TargetGrid.covering(e, 2, 2, true);
        assertEquals(100, tap.transform().originX());
        assertEquals(220, tap.transform().originY());
        assertEquals(16, tap.width()); // 100 .. 132
        assertEquals(10, tap.height()); // 200 .. 220
        TargetGrid plain = TargetGrid.covering(e, 2, 2, false);
        assertEquals(100.2, plain.transform().originX());
        assertEquals(15, plain.width()); // (int) (30.7 / 2 + 0.5)
        TargetGrid lattice = TargetGrid.onLattice(e, 2, 2, 99.0, 221.0);
        assertEquals(99, lattice.transform().originX());
        assertEquals(221, lattice.transform().originY());
        assertEquals(16, lattice.width());
        assertEquals(new Window(3, -1, 5, 5),
                tap.offsetOf(GeoTransform.northUp(106, 222, 2, 2), 5, 5));
        assertEquals(null, tap.offsetOf(GeoTransform.northUp(106.5, 222, 2, 2), 5, 5));
    }
}
