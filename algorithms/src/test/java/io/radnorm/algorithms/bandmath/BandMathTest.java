package io.radnorm.algorithms.bandmath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.expr.BandExpression;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandMathTest {

    private static BandMath math(DataType type, Double nodata, String... expressions) {
        return BandMath.of(List.of(expressions).stream().map(BandExpression::parse).toList(), type, nodata);
    }

    /** A 4x1 raster with the given band-sequential values. */
    private static Raster raster(DataType type, double... values) {
        Raster r = Raster.allocate(type, 4, 1, values.length / 4);
        for (int i = 0; i < values.length; i++) {
            r.setAt(i, values[i]);
        }
        return r;
    }

    @Test
    void readsOnlyTheBandsItNeedsInOrder() {
        BandMath m = math(DataType.FLOAT32, null, "b3 - b1", "b3 * 2");
        assertArrayEquals(new int[] {0, 2}, m.inputBands());
        assertEquals(3, m.maxBand());
        Raster in = Raster.allocate(DataType.INT16, 2, 1, 2); // bands 1 and 3
        in.setAt(0, 10);
        in.setAt(1, 20);
        in.setAt(2, 15);
        in.setAt(3, 5);
        Raster out = m.apply(in, Double.NaN);
        assertEquals(DataType.FLOAT32, out.dataType());
        assertArrayEquals(new double[] {5, -15}, out.bandAsDoubles(0));
        assertArrayEquals(new double[] {30, 10}, out.bandAsDoubles(1));
    }

    @Test
    void aPixelIsNodataWhereABandItsExpressionReadsIsNodata() {
        // band 1: 1, -9999, 3, 4; band 2: 10, 20, -9999, 40
        Raster in = raster(DataType.INT16, 1, -9999, 3, 4, 10, 20, -9999, 40);
        Raster out = math(DataType.FLOAT32, null, "b1 + b2", "b1 * 2", "7").apply(in, -9999);
        double[] sum = out.bandAsDoubles(0);
        assertEquals(11, sum[0]);
        assertTrue(Double.isNaN(sum[1]) && Double.isNaN(sum[2]));
        assertEquals(44, sum[3]);
        double[] twice = out.bandAsDoubles(1);
        assertTrue(Double.isNaN(twice[1]));
        assertEquals(6, twice[2], "b2's nodata does not matter to b1 * 2");
        assertArrayEquals(new double[] {7, 7, 7, 7}, out.bandAsDoubles(2));
    }

    @Test
    void nanResultsAreNodataAndIntegersRoundAndClip() {
        Raster in = raster(DataType.FLOAT32, 0.5, -0.5, 2.5, 300, 0, 0, 0, 0); // b1, b2
        Raster u8 = math(DataType.UINT8, null, "b1 * (b2 + 1)").apply(in, Double.NaN);
        // 0.5 -> 1 (half away from zero), -0.5 -> -1 clipped to 0, 2.5 -> 3, 300 -> 255 = nodata -> 254
        assertArrayEquals(new double[] {1, 0, 3, 254}, u8.bandAsDoubles(0));
        Raster i16 = math(DataType.INT16, -1.0, "b1 / b2", "(b1 - b1) / b2").apply(in, Double.NaN);
        // 0.5/0 = inf -> 32767; -0.5/0 = -inf -> -32768; 0/0 = NaN -> nodata -1
        assertArrayEquals(new double[] {32767, -32768, 32767, 32767}, i16.bandAsDoubles(0));
        assertArrayEquals(new double[] {-1, -1, -1, -1}, i16.bandAsDoubles(1));
        Raster f32 = math(DataType.FLOAT32, null, "b1 / b2").apply(in, Double.NaN);
        assertEquals(Double.POSITIVE_INFINITY, f32.bandAsDoubles(0)[0], "infinity stays in float outputs");
    }

    @Test
    void defaultNodataFollowsGdalCalcForIntegersAndNanForFloats() {
        assertEquals(255, math(DataType.UINT8, null, "b1").outputNodata());
        assertEquals(65535, math(DataType.UINT16, null, "b1").outputNodata());
        assertEquals(-32768, math(DataType.INT16, null, "b1").outputNodata());
        assertEquals(4294967293.0, math(DataType.UINT32, null, "b1").outputNodata());
        assertEquals(-2147483647, math(DataType.INT32, null, "b1").outputNodata());
        assertTrue(Double.isNaN(math(DataType.FLOAT64, null, "b1").outputNodata()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> math(DataType.UINT8, 300.0, "b1"));
        assertTrue(e.getMessage().contains("nodata 300.0 cannot be stored as Byte"), e.getMessage());
    }
}
