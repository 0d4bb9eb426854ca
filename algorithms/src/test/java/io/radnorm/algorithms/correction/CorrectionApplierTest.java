package io.radnorm.algorithms.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import org.junit.jupiter.api.Test;

/** Storing corrected values: nodata kept, round half away from zero, clip, never onto the nodata. */
class CorrectionApplierTest {

    private static final PixelCorrection HALF_MINUS_5 = (band, col, row, v) -> v * 0.5 - 5;
    /** nodata 0; then 10 → 0 (the nodata: moved to 1), 21 → 5.5 → 6, 22 → 6, 140000 → clipped, −3 → −6.5 → clipped to 0 → 1. */
    private static final double[] INPUT = {0, 10, 21, 22, 140_000, -3};

    private static Raster corrected(DataType outType, Double outNodata) {
        Raster in = Raster.wrap(DataType.FLOAT64, INPUT.length, 1, 1, INPUT.clone());
        return CorrectionApplier.apply(in, Window.of(INPUT.length, 1), 0, HALF_MINUS_5, outType, outNodata);
    }

    @Test
    void uint16() {
        assertArrayEquals(new short[] {0, 1, 6, 6, (short) 65535, 1}, (short[]) corrected(DataType.UINT16, 0.0).data());
    }

    @Test
    void uint16WithoutNodataStoresZeroForNodataInputAndKeepsComputedZeros() {
        assertArrayEquals(new short[] {0, 0, 6, 6, (short) 65535, 0}, (short[]) corrected(DataType.UINT16, null).data());
    }

    @Test
    void int16NodataAtTheTopMovesDown() {
        // 140000 → 69995 → clipped to 32767, which is the nodata: one step down
        assertArrayEquals(new short[] {32767, 0, 6, 6, 32766, -7}, (short[]) corrected(DataType.INT16, 32767.0).data());
    }

    @Test
    void uint8TakesTheGeneralPathWithTheSameRules() {
        assertArrayEquals(new byte[] {0, 1, 6, 6, (byte) 255, 1}, (byte[]) corrected(DataType.UINT8, 0.0).data());
    }
}
