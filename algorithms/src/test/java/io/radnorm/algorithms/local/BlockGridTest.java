package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radnorm.algorithms.stats.Moments;
import io.radnorm.raster.GeoTransform;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class BlockGridTest {

    private static Envelope canvas(double w, double h) {
        return new Envelope(0, w, 0, h);
    }

    private static void assertGrid(int rows, int cols, BlockGrid g) {
        assertEquals(rows + " x " + cols, g.rows() + " x " + g.cols());
    }

    @Test
    void blocksPerImageFollowsTheReferenceRule() {
        // T = 100 × 5 = 500 on a 3000 × 2000 canvas: cols = rint(√750 = 27.39) = 27,
        // rows = rint(500/27 = 18.52) = 19; 19·27 = 513 > 500, the canvas is wide: cols 26 (494).
        assertGrid(19, 26, BlockGrid.forBlocksPerImage(canvas(3000, 2000), 100, 5));
        // Aspect 1.55: cols = rint(√775 = 27.84) = 28, rows = rint(500/28 = 17.86) = 18;
        // 18·28 = 504 > 500: cols 27 (486) — the 18 × 27 grid the reference makes for its sample.
        assertGrid(18, 27, BlockGrid.forBlocksPerImage(canvas(3100, 2000), 100, 5));
        // Tall, T = 20: cols = rint(√(20/3) = 2.58) = 3, rows = rint(20/3 = 6.67) = 7; 21 > 20:
        // the canvas is not wide, so rows shrink: 6 × 3.
        assertGrid(6, 3, BlockGrid.forBlocksPerImage(canvas(1000, 3000), 10, 2));
        // Square, T = 10: 3 × 3 = 9 < 10 grows rows to 4 (12 > 10), then shrinks back to 3.
        assertGrid(3, 3, BlockGrid.forBlocksPerImage(canvas(1000, 1000), 10, 1));
    }

    @Test
    void blocksPerImageRoundsHalfToEvenAndKeepsOneBlock() {
        // T = 6.25: √6.25 = 2.5 rounds to 2 (half-even, Python's round; Math.round would say 3);
        // rows = rint(3.125) = 3; 6 < 6.25 → rows 4 (8 > 6.25) → rows 3.
        assertGrid(3, 2, BlockGrid.forBlocksPerImage(canvas(1, 1), 6.25, 1));
        // T = 0.5 would shrink the reference's grid to 0 columns.
        assertGrid(1, 1, BlockGrid.forBlocksPerImage(canvas(4, 1), 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> BlockGrid.forBlocksPerImage(canvas(4, 1), 0, 1));
    }

    @Test
    void coefficientOfVariationScalesTheTenByTenGrid() {
        assertGrid(10, 10, BlockGrid.forCoefficientOfVariation(canvas(5, 5), 0.36));
        assertGrid(20, 20, BlockGrid.forCoefficientOfVariation(canvas(5, 5), 0.72));
        assertGrid(1, 1, BlockGrid.forCoefficientOfVariation(canvas(5, 5), 0.01)); // rint(0.28) = 0 → 1
        assertGrid(10, 10, BlockGrid.forCoefficientOfVariation(canvas(5, 5), Double.NaN));
        // {2,4,4,4,5,5,7,9}: mean 5, population std 2, CV 0.4 → rint(10·0.4/0.36 = 11.1) = 11.
        double cv = BlockGrid.coefficientOfVariation(List.of(Moments.of(2, 4, 4, 4), Moments.of(5, 5, 7, 9)));
        assertEquals(0.4, cv, 1e-15);
        assertGrid(11, 11, BlockGrid.forCoefficientOfVariation(canvas(5, 5), cv));
        assertEquals(Double.NaN, BlockGrid.coefficientOfVariation(List.of(Moments.EMPTY)));
    }

    @Test
    void pointsOnEdgesGoToTheBlockRightOrBelow() {
        BlockGrid g = new BlockGrid(canvas(4, 4), 2, 2);
        assertEquals(1, g.column(2.0));
        assertEquals(0, g.column(Math.nextDown(2.0)));
        assertEquals(0, g.column(0.0));
        assertEquals(-1, g.column(4.0));
        assertEquals(-1, g.column(-0.1));
        assertEquals(1, g.row(2.0)); // rows count from the top: y = 2 is the top edge of row 1
        assertEquals(0, g.row(Math.nextUp(2.0)));
        assertEquals(0, g.row(4.0));
        assertEquals(-1, g.row(0.0));
        assertEquals(3, g.blockOf(2.0, 2.0));
        assertEquals(-1, g.blockOf(4.0, 2.0));
    }

    @Test
    void membershipAgreesWithBlockExtentsOnUnroundEdges() {
        // 0.9/3 is not a binary fraction: edges computed by multiplication and membership computed
        // by division disagree somewhere unless membership is settled on the edges themselves.
        BlockGrid g = new BlockGrid(new Envelope(0.1, 1.0, 0.0, 0.9), 3, 3);
        for (int c = 1; c < 3; c++) {
            double edge = g.columnEdge(c);
            assertEquals(edge, g.blockExtent(0, c).getMinX());
            assertEquals(edge, g.blockExtent(0, c - 1).getMaxX());
            assertEquals(c, g.column(edge));
            assertEquals(c - 1, g.column(Math.nextDown(edge)));
        }
        for (int r = 1; r < 3; r++) {
            double edge = g.rowEdge(r);
            assertEquals(edge, g.blockExtent(r, 0).getMaxY());
            assertEquals(r, g.row(edge));
            assertEquals(r - 1, g.row(Math.nextUp(edge)));
        }
    }

    @Test
    void pixelsGoToTheBlockOfTheirCentre() {
        BlockGrid g = new BlockGrid(canvas(5, 5), 2, 2); // blocks 2.5 wide
        GeoTransform image = GeoTransform.northUp(0, 5, 1, 1);
        // Column centres 0.5 1.5 2.5 3.5 4.5: the third lies on the edge and goes right.
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, g.blockColumns(image, 0, 5));
        // Row centres y = 4.5 3.5 2.5 1.5 0.5: the third lies on the edge and goes below.
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, g.blockRows(image, 0, 5));
        assertArrayEquals(new int[] {1, 1, -1}, g.blockColumns(image, 3, 3)); // column 5 is off the canvas
        assertEquals(g.index(1, 0), g.blockOfPixel(image, 1, 2));
    }

    @Test
    void geoTransformHasBlockSizedPixelsFromTheTopLeftCorner() {
        BlockGrid g = new BlockGrid(new Envelope(10, 70, 20, 50), 3, 6);
        assertEquals(new GeoTransform(10, 10, 0, 50, 0, -10), g.geoTransform());
        assertEquals(g, BlockGrid.fromGeoTransform(g.geoTransform(), 6, 3));
        assertEquals(new Envelope(20, 30, 30, 40), g.blockExtent(1, 1));
        assertEquals(25, g.centreX(1));
        assertEquals(35, g.centreY(1));
    }
}
