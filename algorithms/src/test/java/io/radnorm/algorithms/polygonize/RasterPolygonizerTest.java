package io.radnorm.algorithms.polygonize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.polygonize.RasterPolygonizer.Region;
import io.radnorm.raster.GeoTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.CoverageUnion;

class RasterPolygonizerTest {

    private static int[] grid(String... rows) {
        int w = rows[0].length();
        int[] out = new int[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                out[y * w + x] = c == '.' ? 0 : c - '0';
            }
        }
        return out;
    }

    private static Geometry wkt(String s) throws Exception {
        return new WKTReader().read(s);
    }

    @Test
    void squareWithHoleHasKnownVerticesAndArea() throws Exception {
        int[] g = grid(
                "1111",
                "1.11",
                "1111");
        List<Region> r = RasterPolygonizer.polygonize(g, 4, 3, 0, 10, 20);
        assertEquals(1, r.size());
        Polygon p = r.get(0).polygon();
        assertEquals(11, r.get(0).pixelCount());
        assertEquals(5, p.getExteriorRing().getNumPoints()); // 4 corners, no collinear vertex
        assertEquals(1, p.getNumInteriorRing());
        assertTrue(p.isValid());
        assertTrue(p.equalsTopo(wkt("POLYGON ((10 20, 14 20, 14 23, 10 23, 10 20), (11 21, 12 21, 12 22, 11 22, 11 21))")));
    }

    @Test
    void labelsAndFourConnectivity() throws Exception {
        int[] g = grid(
                "12.",
                "21.",
                "..3");
        List<Region> r = RasterPolygonizer.polygonize(g, 3, 3, 0, 0, 0);
        // Diagonal neighbours are separate regions: two 1s, two 2s, one 3.
        assertEquals(5, r.size());
        assertEquals(List.of(1, 2, 2, 1, 3), r.stream().map(Region::label).toList());
        r.forEach(x -> assertEquals(1, x.pixelCount()));
        r.forEach(x -> assertTrue(x.polygon().isValid()));
    }

    @Test
    void regionTouchingItselfAtACornerHasAValidHole() throws Exception {
        // The 1s form a ring closed only through the corner at (2, 2): the enclosed 0 at (2, 1)...(1,1)
        int[] g = grid(
                "111.",
                "1.1.",
                "11.1",
                "...1");
        List<Region> r = RasterPolygonizer.polygonize(g, 4, 4, 0, 0, 0);
        assertEquals(2, r.size());
        Polygon ring = r.get(0).polygon();
        assertEquals(7, r.get(0).pixelCount());
        assertTrue(ring.isValid(), ring.toString());
        assertEquals(1, ring.getNumInteriorRing());
        g = grid(
                "1111",
                "1..1",
                "1.1.",
                "111.");
        r = RasterPolygonizer.polygonize(g, 4, 4, 0, 0, 0);
        assertEquals(1, r.size());
        assertTrue(r.get(0).polygon().isValid(), r.get(0).polygon().toString());
        assertEquals(1, r.get(0).polygon().getNumInteriorRing());
        assertEquals(11, r.get(0).pixelCount());
    }

    @Test
    void randomGridsAreExactlyCoveredAndWindowsUnionBack() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            int w = 1 + rnd.nextInt(30);
            int h = 1 + rnd.nextInt(30);
            int[] g = new int[w * h];
            for (int i = 0; i < g.length; i++) {
                g[i] = rnd.nextInt(3);
            }
            List<Region> whole = RasterPolygonizer.polygonize(g, w, h, 0, 0, 0);
            long pixels = 0;
            for (int v : g) {
                pixels += v != 0 ? 1 : 0;
            }
            long area = 0;
            for (Region r : whole) {
                assertTrue(r.polygon().isValid(), r.polygon().toString());
                area += r.pixelCount();
                // Each pixel centre inside the polygon has its label.
            }
            assertEquals(pixels, area);
            // Cut in two windows by column: union per label gives back the same area per label.
            if (w > 1) {
                int cut = w / 2;
                List<Geometry> ones = new ArrayList<>();
                for (Region r : RasterPolygonizer.polygonize(sub(g, w, h, 0, cut), cut, h, 0, 0, 0)) {
                    if (r.label() == 1) {
                        ones.add(r.polygon());
                    }
                }
                for (Region r : RasterPolygonizer.polygonize(sub(g, w, h, cut, w), w - cut, h, 0, cut, 0)) {
                    if (r.label() == 1) {
                        ones.add(r.polygon());
                    }
                }
                Geometry merged = CoverageUnion.union(new GeometryFactory().buildGeometry(ones));
                Geometry expected = new GeometryFactory().buildGeometry(whole.stream().filter(x -> x.label() == 1)
                        .map(x -> (Geometry) x.polygon()).toList()).union();
                assertTrue(merged.symDifference(expected).isEmpty() || merged.symDifference(expected).getArea() == 0);
            }
        }
    }

    @Test
    void toMapOrientsShellsCounterClockwise() {
        List<Region> r = RasterPolygonizer.polygonize(grid("11", "1."), 2, 2, 0, 0, 0);
        Geometry m = PixelGeometries.toMap(r.get(0).polygon(), GeoTransform.northUp(1000, 2000, 10, -10));
        assertEquals(300, m.getArea(), 1e-9);
        assertTrue(org.locationtech.jts.algorithm.Orientation.isCCW(((Polygon) m).getExteriorRing().getCoordinateSequence()));
        assertEquals(1000, m.getEnvelopeInternal().getMinX());
        assertEquals(1980, m.getEnvelopeInternal().getMinY());
    }

    @Test
    void removeCollinearDropsStraightVertices() throws Exception {
        Polygon p = (Polygon) wkt("POLYGON ((0 0, 1 0, 2 0, 2 1, 2 2, 0 2, 0 1, 0 0))");
        assertEquals(5, PixelGeometries.removeCollinear(p).getExteriorRing().getNumPoints());
    }

    private static int[] sub(int[] g, int w, int h, int x0, int x1) {
        int sw = x1 - x0;
        int[] out = new int[sw * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(g, y * w + x0, out, y * sw, sw);
        }
        return out;
    }
}
