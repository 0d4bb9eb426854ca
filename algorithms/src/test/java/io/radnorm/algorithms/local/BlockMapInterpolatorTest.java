package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class BlockMapInterpolatorTest {

    /** 3 × 3 blocks of 10 map units; block centres at fractional positions 0.5, 1.5, 2.5. */
    private static final BlockGrid GRID = new BlockGrid(new Envelope(0, 30, 0, 30), 3, 3);

    private static double[] nodes() {
        return new double[] {
            10, 20, 30,
            40, 50, 60,
            70, 80, 90};
    }

    private static BlockMapInterpolator plain(double[] means) {
        return new BlockMapInterpolator(BlockMap.of(GRID, new double[][] {means}), false);
    }

    @Test
    void aBlockCentreIsItsNode() {
        BlockMapInterpolator f = plain(nodes());
        assertEquals(50, f.value(0, 1.5, 1.5), 0);
        assertEquals(50, f.valueAt(0, 15, 15), 0);
        assertEquals(30, f.valueAt(0, 25, 25), 0); // top-right block: x = 25, y = 25
    }

    @Test
    void theMidpointOfFourCentresIsTheirMean() {
        assertEquals((10 + 20 + 40 + 50) / 4.0, plain(nodes()).value(0, 1, 1), 1e-12);
        assertEquals((50 + 60 + 80 + 90) / 4.0, plain(nodes()).valueAt(0, 20, 10), 1e-12);
    }

    @Test
    void outsideTheOutermostCentresTheEdgeNodesAreUsed() {
        BlockMapInterpolator f = plain(nodes());
        assertEquals(10, f.value(0, 0.1, 0.2), 0);        // top-left corner: clamped to node (0, 0)
        assertEquals(90, f.value(0, 2.9, 2.99), 0);
        assertEquals(10, f.value(0, -5, -5), 0);
        assertEquals(25, f.value(0, 0.2, 1.0), 1e-12);    // left edge, halfway between 10 and 40
    }

    @Test
    void anEmptyNodeDropsOutAndTheOthersAreRenormalised() {
        double[] m = nodes();
        m[0] = Double.NaN;
        BlockMapInterpolator f = plain(m);
        assertEquals((20 + 40 + 50) / 3.0, f.value(0, 1, 1), 1e-12);
        // A quarter of the way from node (1, 1) to node (0, 0): weights 9/16 on 50, 3/16 on 20 and 40.
        assertEquals((9 * 50 + 3 * 20 + 3 * 40) / 15.0, f.value(0, 1.25, 1.25), 1e-12);
        assertTrue(Double.isNaN(f.value(0, 0.1, 0.1))); // only the empty corner node has weight
    }

    @Test
    void coverageWeighsNodesButNotAtTheirOwnCentre() {
        double[] cover = {0.25, 1, 1, 1, 1, 1, 1, 1, 1};
        BlockMap map = new BlockMap(GRID, new double[][] {nodes()}, new double[][] {cover});
        BlockMapInterpolator f = new BlockMapInterpolator(map, true);
        // Bilinear weights 1/4 each, node (0, 0) times 0.25: (0.0625·10 + 0.25·110) / 0.8125.
        assertEquals((0.0625 * 10 + 0.25 * (20 + 40 + 50)) / 0.8125, f.value(0, 1, 1), 1e-12);
        assertEquals(10, f.value(0, 0.5, 0.5), 0);
        assertEquals(30, new BlockMapInterpolator(map, false).value(0, 1, 1), 1e-12);
    }
}
