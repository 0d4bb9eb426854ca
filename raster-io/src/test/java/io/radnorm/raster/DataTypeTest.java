package io.radnorm.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DataTypeTest {

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
