package io.radnorm.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataTypeTest {

    /** Exact rounding half away from zero (BigDecimal's HALF_UP), clipped: the oracle. */
    private static double expected(DataType t, double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? t.maxValue() : t.minValue();
        }
        double r = new BigDecimal(v).setScale(0, RoundingMode.HALF_UP).doubleValue();
        return Math.max(t.minValue(), Math.min(t.maxValue(), r));
    }

    @Test
    void roundingMatchesExactArithmeticAtEveryHalfAndItsNeighbours() {
        for (DataType t : new DataType[] {DataType.UINT8, DataType.INT16, DataType.UINT16, DataType.INT32, DataType.UINT32}) {
            for (long k = -70_000; k <= 70_000; k++) {
                double half = k + 0.5;
                for (double v : new double[] {half, Math.nextUp(half), Math.nextDown(half), k, Math.nextUp((double) k),
                        Math.nextDown((double) k)}) {
                    assertEquals(expected(t, v), t.toStorable(v), 0, t + " " + v);
                }
            }
            for (int e = -60; e <= 60; e++) { // around powers of two, where |v| + 0.5 changes binade
                double p = Math.scalb(1.0, e);
                for (double v : new double[] {p, -p, Math.nextDown(p), -Math.nextDown(p), p - 0.5, Math.nextDown(p - 0.5),
                        Math.nextUp(p - 0.5), Math.nextDown(p + 0.5), p + 0.5}) {
                    assertEquals(expected(t, v), t.toStorable(v), 0, t + " " + v);
                }
            }
            Random random = new Random(42);
            for (int i = 0; i < 200_000; i++) {
                double v = (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(64));
                assertEquals(expected(t, v), t.toStorable(v), 0, t + " " + v);
            }
        }
    }

    @Test
    void integerTypesRoundHalfAwayFromZeroAndClip() {
        DataType t = DataType.INT16;
        assertEquals(3, t.toStorable(2.5), 0);
        assertEquals(-3, t.toStorable(-2.5), 0);
        assertEquals(2, t.toStorable(2.4999999999999996), 0);
        assertEquals(0, t.toStorable(0.49999999999999994), 0); // floor(v + 0.5) would give 1
        assertEquals(-2, t.toStorable(-2.4999999999999996), 0);
        assertEquals(-1, t.toStorable(-0.5000000000000001), 0);
        assertEquals(32767, t.toStorable(1e300), 0);
        assertEquals(-32768, t.toStorable(Double.NEGATIVE_INFINITY), 0);
        assertEquals(32767, t.toStorable(Double.POSITIVE_INFINITY), 0);
        assertEquals(0, t.toStorable(Double.NaN), 0);
        assertEquals(255, DataType.UINT8.toStorable(255.49), 0);
        assertEquals(0, DataType.UINT16.toStorable(-0.6), 0);
        assertEquals(4294967295.0, DataType.UINT32.toStorable(4294967295.4), 0);
        assertEquals((float) 0.1, DataType.FLOAT32.toStorable(0.1), 0);
    }

    @Test
    void writeRowStoresWhatSetAtStores() {
        double[] values = {-1.5, 0.5, 254.5, 300, Double.NaN, 7.49};
        for (DataType type : DataType.values()) {
            Raster row = Raster.allocate(type, values.length, 2, 1);
            Raster cells = Raster.allocate(type, values.length, 2, 1);
            row.writeRow(0, 0, 1, values.length, values);
            for (int x = 0; x < values.length; x++) {
                cells.set(0, x, 1, values[x]);
            }
            double[] a = new double[values.length], b = new double[values.length];
            row.readRow(0, 0, 1, values.length, a);
            cells.readRow(0, 0, 1, values.length, b);
            assertArrayEquals(b, a, 0, type.name());
        }
    }
}
