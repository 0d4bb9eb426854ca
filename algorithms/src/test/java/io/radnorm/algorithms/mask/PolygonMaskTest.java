package io.radnorm.algorithms.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Hand-counted masks. Polygons are written in pixel (column, row) coordinates of an 8 x 8 grid and
 * placed on a north-up 30 m UTM-like grid, so that the expected pictures can be read off directly:
 * '#' = in the mask, '.' = not.
 */
class PolygonMaskTest {

    private static final GeometryFactory GF = new GeometryFactory();
    /** Pixel (col, row) -> map (500000 + 30 col, 100000 - 30 row). */
    private static final GeoTransform GRID = GeoTransform.northUp(500000, 100000, 30, 30);
    private static final Window ALL = Window.of(8, 8);

    /** A ring from (col, row) pairs, closed for you, as map coordinates of {@link #GRID}. */
    private static LinearRing ring(double... colRow) {
        Coordinate[] cs = new Coordinate[colRow.length / 2 + 1];
        for (int i = 0; i < colRow.length / 2; i++) {
            cs[i] = new Coordinate(GRID.x(colRow[2 * i], colRow[2 * i + 1]), GRID.y(colRow[2 * i], colRow[2 * i + 1]));
        }
        cs[cs.length - 1] = cs[0].copy();
        return GF.createLinearRing(cs);
    }

    private static Polygon polygon(double... colRow) {
        return GF.createPolygon(ring(colRow));
    }

    private static Polygon rect(double c0, double r0, double c1, double r1) {
        return polygon(c0, r0, c1, r0, c1, r1, c0, r1);
    }

    private static String picture(boolean[] mask, Window w) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < w.height(); r++) {
            for (int c = 0; c < w.width(); c++) {
                sb.append(mask[r * w.width() + c] ? '#' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String rows(String... rows) {
        return String.join("\n", rows) + "\n";
    }

    private static void assertMask(String expected, List<? extends Geometry> polygons, boolean allTouched) {
        assertEquals(expected, picture(PolygonMask.rasterize(polygons, GRID, ALL, allTouched), ALL),
                allTouched ? "all touched" : "centres");
    }

    @Test
    void pixelAlignedSquareSameEitherWay() {
        String expected = rows(
                "........",
                ".##.....",
                ".##.....",
                "........",
                "........",
                "........",
                "........",
                "........");
        assertMask(expected, List.of(rect(1, 1, 3, 3)), false);
        assertMask(expected, List.of(rect(1, 1, 3, 3)), true);
    }

    @Test
    void centresOnEdgesHalfOpen() {
        // Corners on pixel centres: the centres on the left (col 0.5) and top (row 0.5) edges are
        // inside, those on the right (col 3.5) and bottom (row 2.5) edges outside: 3 x 2 = its area.
        Polygon p = rect(0.5, 0.5, 3.5, 2.5);
        assertMask(rows(
                "###.....",
                "###.....",
                "........",
                "........",
                "........",
                "........",
                "........",
                "........"), List.of(p), false);
        // Its footprint touches the pixels its edges cross: columns 0..3, rows 0..2.
        assertMask(rows(
                "####....",
                "####....",
                "####....",
                "........",
                "........",
                "........",
                "........",
                "........"), List.of(p), true);
        assertEquals(6, PolygonMask.of(List.of(p), GRID).count(ALL, false));
    }

    @Test
    void triangle() {
        // Right triangle (0,0) (4,0) (0,4): centre inside iff col + row + 1 < 4; the centres with
        // col + row = 3 lie on the hypotenuse, a right-hand boundary, so they are out.
        Polygon t = polygon(0, 0, 4, 0, 0, 4);
        assertMask(rows(
                "###.....",
                "##......",
                "#.......",
                "........",
                "........",
                "........",
                "........",
                "........"), List.of(t), false);
        // Every open pixel square with col + row < 4 meets the interior x + y < 4.
        assertMask(rows(
                "####....",
                "###.....",
                "##......",
                "#.......",
                "........",
                "........",
                "........",
                "........"), List.of(t), true);
    }

    @Test
    void thinTriangleOnlyTouchesPixels() {
        // Narrower than a pixel and between the centres of row 1: no centre inside, but it touches.
        Polygon sliver = polygon(1.2, 1.1, 5.8, 1.3, 1.2, 1.4);
        assertMask(rows(
                "........",
                "........",
                "........",
                "........",
                "........",
                "........",
                "........",
                "........"), List.of(sliver), false);
        assertMask(rows(
                "........",
                ".#####..",
                "........",
                "........",
                "........",
                "........",
                "........",
                "........"), List.of(sliver), true);
    }

    @Test
    void polygonWithHole() {
        Polygon p = GF.createPolygon(ring(0, 0, 6, 0, 6, 6, 0, 6), new LinearRing[] {ring(2, 2, 4, 2, 4, 4, 2, 4)});
        String expected = rows(
                "######..",
                "######..",
                "##..##..",
                "##..##..",
                "######..",
                "######..",
                "........",
                "........");
        assertMask(expected, List.of(p), false);
        assertMask(expected, List.of(p), true);
        // Hole corners on centres: the hole's left/top edges are the polygon's right/bottom
        // boundary there, so centres on them are out; those on its right/bottom edges are in.
        Polygon q = GF.createPolygon(ring(0, 0, 6, 0, 6, 6, 0, 6),
                new LinearRing[] {ring(1.5, 1.5, 3.5, 1.5, 3.5, 3.5, 1.5, 3.5)});
        assertMask(rows(
                "######..",
                "#..###..",
                "#..###..",
                "######..",
                "######..",
                "######..",
                "........",
                "........"), List.of(q), false);
        // All touched: only pixels wholly inside the hole (1.5..3.5) are dropped: just (2, 2).
        assertMask(rows(
                "######..",
                "######..",
                "##.###..",
                "######..",
                "######..",
                "######..",
                "........",
                "........"), List.of(q), true);
    }

    @Test
    void ringOrientationDoesNotMatter() {
        Polygon cw = polygon(0, 0, 0, 3, 3, 3, 3, 0); // clockwise on screen, counter-clockwise in map y
        Polygon ccw = rect(0, 0, 3, 3);
        assertArrayEquals(PolygonMask.rasterize(List.of(ccw), GRID, ALL, false),
                PolygonMask.rasterize(List.of(cw), GRID, ALL, false));
        // A hole given with the same orientation as its shell is still a hole.
        Polygon sameWay = GF.createPolygon(ring(0, 0, 6, 0, 6, 6, 0, 6), new LinearRing[] {ring(2, 2, 4, 2, 4, 4, 2, 4)});
        Polygon other = GF.createPolygon(ring(0, 0, 6, 0, 6, 6, 0, 6), new LinearRing[] {ring(2, 2, 2, 4, 4, 4, 4, 2)});
        assertArrayEquals(PolygonMask.rasterize(List.of(sameWay), GRID, ALL, false),
                PolygonMask.rasterize(List.of(other), GRID, ALL, false));
    }

    @Test
    void overlappingPolygonsAreUnitedNotXored() {
        assertMask(rows(
                "####....",
                "######..",
                "######..",
                "..####..",
                "........",
                "........",
                "........",
                "........"), List.of(rect(0, 0, 4, 3), rect(2, 1, 6, 4)), false);
        // A polygon filling another's hole fills it.
        Polygon donut = GF.createPolygon(ring(0, 0, 6, 0, 6, 6, 0, 6), new LinearRing[] {ring(2, 2, 4, 2, 4, 4, 2, 4)});
        assertEquals(36, PolygonMask.of(List.of(donut, rect(1, 1, 5, 5)), GRID).count(ALL, false));
        assertEquals(36, PolygonMask.of(List.of(GF.createMultiPolygon(new Polygon[] {donut, rect(2, 2, 4, 4)})), GRID)
                .count(ALL, false));
    }

    @Test
    void sharedEdgeClaimsEachCentreOnce() {
        // Two rectangles meeting on the column of centres 2.5: each centre there goes to the right one.
        Polygon left = rect(0.5, 0, 2.5, 4);
        Polygon right = rect(2.5, 0, 4.5, 4);
        PolygonMask l = PolygonMask.of(List.of(left), GRID);
        PolygonMask r = PolygonMask.of(List.of(right), GRID);
        assertEquals(8, l.count(ALL, false));
        assertEquals(8, r.count(ALL, false));
        boolean[] a = l.rasterize(ALL, false);
        boolean[] b = r.rasterize(ALL, false);
        for (int i = 0; i < a.length; i++) {
            assertTrue(!(a[i] && b[i]), "pixel " + i + " claimed twice");
        }
        assertEquals(16, PolygonMask.of(List.of(left, right), GRID).count(ALL, false));
    }

    @Test
    void windowsAreSlicesOfTheWholeGrid() {
        Polygon p = GF.createPolygon(ring(0.3, 0.2, 7.1, 1.7, 5.2, 7.6, 1.1, 5.3),
                new LinearRing[] {ring(2.2, 2.6, 4.4, 3.1, 3.3, 4.9)});
        PolygonMask mask = PolygonMask.of(List.of(p), GRID);
        for (boolean touched : new boolean[] {false, true}) {
            boolean[] whole = mask.rasterize(ALL, touched);
            for (Window w : new Window[] {new Window(2, 1, 3, 4), new Window(0, 5, 8, 3), new Window(7, 7, 1, 1),
                    new Window(5, 0, 3, 8)}) {
                boolean[] part = mask.rasterize(w, touched);
                for (int r = 0; r < w.height(); r++) {
                    for (int c = 0; c < w.width(); c++) {
                        assertEquals(whole[(w.y() + r) * 8 + w.x() + c], part[r * w.width() + c],
                                w + " pixel " + c + "," + r + (touched ? " all touched" : ""));
                    }
                }
            }
            // A window reaching past the grid (negative offsets) is fine: pixels there are computed too.
            boolean[] wide = mask.rasterize(new Window(-2, -2, 12, 12), touched);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    assertEquals(whole[r * 8 + c], wide[(r + 2) * 12 + c + 2]);
                }
            }
        }
        BitSet bits = mask.rasterizeBits(ALL, false);
        assertEquals(mask.count(ALL, false), bits.cardinality());
    }

    @Test
    void emptyAndNonPolygonalInputs() {
        assertEquals(0, PolygonMask.of(List.of(), GRID).count(ALL, true));
        assertTrue(PolygonMask.of(List.of(), GRID).isEmpty());
        Geometry line = GF.createLineString(new Coordinate[] {new Coordinate(500000, 100000), new Coordinate(500200, 99800)});
        assertEquals(0, PolygonMask.of(List.of(line, GF.createPolygon()), GRID).count(ALL, true));
        assertEquals(0, PolygonMask.of(List.of(rect(1, 1, 3, 3)), GRID).rasterize(new Window(3, 3, 0, 4), false).length);
    }

    /**
     * Against JTS, pixel by pixel: random overlapping polygons with holes on a rotated grid. The
     * centre rule equals {@code union.contains(centre)} and all-touched equals
     * {@code union.intersects(pixel square)}: with random coordinates no centre or corner falls
     * exactly on a boundary, where the two definitions could differ.
     */
    @Test
    void agreesWithJtsOnRandomPolygonsAndRotatedGrids() {
        Random random = new Random(42);
        for (int trial = 0; trial < 40; trial++) {
            GeoTransform grid = trial % 2 == 0 ? GeoTransform.northUp(1000, 2000, 2.5, 2.5)
                    : new GeoTransform(1000, 2.2, 0.7, 2000, 0.5, -2.4);
            List<Geometry> polygons = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                polygons.add(randomPolygon(random, grid));
            }
            Window w = new Window(random.nextInt(5) - 2, random.nextInt(5) - 2, 30 + random.nextInt(10), 30);
            PolygonMask mask = PolygonMask.of(polygons, grid);
            boolean[] centres = mask.rasterize(w, false);
            boolean[] touched = mask.rasterize(w, true);
            PreparedGeometry union = PreparedGeometryFactory.prepare(UnaryUnionOp.union(polygons));
            for (int r = 0; r < w.height(); r++) {
                for (int c = 0; c < w.width(); c++) {
                    double col = w.x() + c;
                    double row = w.y() + r;
                    boolean inside = union.contains(GF.createPoint(map(grid, col + 0.5, row + 0.5)));
                    Polygon square = GF.createPolygon(new Coordinate[] {map(grid, col, row), map(grid, col + 1, row),
                            map(grid, col + 1, row + 1), map(grid, col, row + 1), map(grid, col, row)});
                    boolean meets = union.intersects(square);
                    int i = r * w.width() + c;
                    String where = "trial " + trial + " pixel (" + col + ", " + row + ")";
                    assertEquals(inside, centres[i], where + " centre");
                    assertEquals(meets, touched[i], where + " all touched");
                }
            }
        }
    }

    private static Coordinate map(GeoTransform g, double col, double row) {
        return new Coordinate(g.x(col, row), g.y(col, row));
    }

    /**
     * A star-shaped polygon around a random centre, sometimes with a star-shaped hole: the hole
     * (radius at most 2.75) stays inside the shell (at least 6 vertices at 0.55..1.45 of a radius of
     * at least 6, so its edges stay more than 2.8 from the centre).
     */
    private static Polygon randomPolygon(Random random, GeoTransform grid) {
        double cx = 5 + random.nextDouble() * 25;
        double cy = 5 + random.nextDouble() * 25;
        LinearRing shell = star(random, grid, cx, cy, 6 + random.nextDouble() * 8, 6 + random.nextInt(10), 0.45);
        if (random.nextBoolean()) {
            return GF.createPolygon(shell);
        }
        LinearRing hole = star(random, grid, cx, cy, 1 + random.nextDouble() * 1.5, 3 + random.nextInt(6), 0.1);
        return GF.createPolygon(shell, new LinearRing[] {hole});
    }

    private static LinearRing star(Random random, GeoTransform grid, double cx, double cy, double radius, int n,
                                   double jitter) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            double rad = radius * (1 - jitter + 2 * jitter * random.nextDouble());
            cs[i] = map(grid, cx + rad * Math.cos(angle), cy + rad * Math.sin(angle));
        }
        cs[n] = cs[0].copy();
        return GF.createLinearRing(cs);
    }
}
