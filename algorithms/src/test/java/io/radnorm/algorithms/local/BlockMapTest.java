package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class BlockMapTest {

    private static final BlockGrid GRID = new BlockGrid(new Envelope(0, 30, 0, 20), 2, 3);
    private static final double NAN = Double.NaN;

    @Test
    void referenceIsThePlainMeanOfTheImagesThatHaveTheBlock() {
        BlockMap a = new BlockMap(GRID, new double[][] {{10, 20, NAN, 40, NAN, 60}},
                new double[][] {{1, 0.5, 0, 1, 0, 0.1}});
        BlockMap b = new BlockMap(GRID, new double[][] {{30, NAN, NAN, 80, 5, 20}},
                new double[][] {{0.2, 0, 0, 1, 0.3, 0.9}});
        BlockMap ref = LocalBlockAdjustment.referenceMap(List.of(a, b));
        double[] expected = {20, 20, NAN, 60, 5, 40};
        double[] coverage = {1, 0.5, 0, 1, 0.3, 0.9};
        for (int k = 0; k < 6; k++) {
            assertEquals(expected[k], ref.mean(0, k), 0, "block " + k);
            assertEquals(coverage[k], ref.coverage(0, k), 0, "block " + k);
        }
        assertEquals(5, ref.minimum(0), 0);
    }

    @Test
    void savedLayoutIsAColsByRowsFloatRasterWithNaNForEmptyBlocks() {
        BlockMap map = BlockMap.of(GRID, new double[][] {{1, 2, 3, 4, NAN, 6}, {0.1, 0.2, 0.3, 0.4, 0.5, NAN}});
        Raster r = map.toRaster();
        assertEquals(DataType.FLOAT32, r.dataType());
        assertEquals(3, r.width());
        assertEquals(2, r.height());
        assertEquals(2, r.bandCount());
        assertEquals(4, r.get(0, 0, 1), 0);       // block (row 1, col 0)
        assertEquals(0.3f, r.get(1, 2, 0), 0);    // band 2, block (row 0, col 2), narrowed to float
        assertTrue(Double.isNaN(r.get(0, 1, 1)));
        BlockMap back = BlockMap.fromRaster(GRID, r);
        assertEquals(4, back.mean(0, 1, 0), 0);
        assertEquals((float) 0.3, back.mean(1, 0, 2), 0);
        assertTrue(back.isEmpty(0, GRID.index(1, 1)));
        assertEquals(1, back.coverage(1, 0, 2), 0);
    }

    @Test
    void loadingTreatsTheNodataValueAsEmptyAndChecksTheShape() {
        float[] data = {1, -9999, 3, 4, 5, 6};
        Raster r = Raster.wrap(DataType.FLOAT32, 3, 2, 1, data);
        BlockMap map = BlockMap.fromRaster(GRID, r, -9999);
        assertTrue(map.isEmpty(0, 1));
        assertEquals(0, map.coverage(0, 1), 0);
        Raster wrong = Raster.allocate(DataType.FLOAT32, 2, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> BlockMap.fromRaster(GRID, wrong));
        Raster means = Raster.wrap(DataType.FLOAT32, 3, 2, 1, new float[] {1, Float.NaN, 3, 4, 5, 6});
        BlockMap withCoverage = BlockMap.fromRasters(GRID, means,
                Raster.wrap(DataType.FLOAT32, 3, 2, 1, new float[] {0.5f, 0, 1, 1, 1, 0.25f}));
        assertEquals(0.5, withCoverage.coverage(0, 0), 0);
        assertEquals(0.25, withCoverage.coverage(0, 5), 0);
    }
}
