package io.radnorm.algorithms.seamline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.CoverageUnion;

class SeamlineBuilderTest {

    private static final GeometryFactory GF = new GeometryFactory();

    private static Polygon box(double x0, double y0, double x1, double y1) {
        return (Polygon) GF.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    /** Checks the seamlines form a valid coverage of the union, each piece one polygon holding its centroid. */
    private static void assertGoodCoverage(Map<String, Polygon> footprints, Map<String, Polygon> seams) {
        assertEquals(footprints.keySet(), seams.keySet());
        Geometry[] pieces = seams.values().toArray(Geometry[]::new);
        Geometry[] invalid = CoverageValidator.validate(pieces);
        for (int i = 0; i < invalid.length; i++) {
            assertEquals(null, invalid[i], "coverage error in piece " + i + ": " + invalid[i]);
        }
        Geometry union = GF.buildGeometry(List.of(footprints.values().toArray(Geometry[]::new))).union();
        Geometry covered = CoverageUnion.union(GF.createGeometryCollection(pieces));
        assertEquals(union.getArea(), covered.getArea(), 1e-6 * union.getArea());
        assertEquals(0, union.symDifference(covered).getArea(), 1e-6 * union.getArea());
        double sum = 0;
        for (Map.Entry<String, Polygon> e : seams.entrySet()) {
            Polygon piece = e.getValue();
            assertTrue(piece.isValid());
            sum += piece.getArea();
            assertTrue(footprints.get(e.getKey()).buffer(1e-6).covers(piece), e.getKey() + " outside its footprint");
            assertTrue(piece.covers(footprints.get(e.getKey()).getCentroid()), e.getKey() + " lost its centroid");
        }
        assertEquals(union.getArea(), sum, 1e-6 * union.getArea()); // no overlaps
    }

    @Test
    void twoRectanglesSplitAlongTheMiddleOfTheOverlap() {
        Map<String, Polygon> f = new LinkedHashMap<>();
        f.put("west", box(0, 0, 100, 100));
        f.put("east", box(60, 0, 160, 100));
        Map<String, Polygon> s = new SeamlineBuilder(1).addAll(f).build();
        assertGoodCoverage(f, s);
        // The overlap 60..100 is cut at its centre line x = 80 (away from the top/bottom corners,
        // where the medial line bends towards the corners of the overlap).
        assertEquals(80, s.get("west").getEnvelopeInternal().getMaxX(), 21);
        Envelope mid = new Envelope(0, 200, 30, 70);
        Geometry westMiddle = s.get("west").intersection(GF.toGeometry(mid));
        assertEquals(80, westMiddle.getEnvelopeInternal().getMaxX(), 1.5);
    }

    @Test
    void fourQuadrantsFormAGapFreeCoverage() {
        Map<String, Polygon> f = new LinkedHashMap<>();
        f.put("nw", box(0, 100, 140, 240));
        f.put("ne", box(100, 100, 240, 240));
        f.put("sw", box(0, -40, 140, 140));
        f.put("se", box(100, -40, 240, 140));
        Map<String, Polygon> s = new SeamlineBuilder(2).addAll(f).build();
        assertGoodCoverage(f, s);
    }

    @Test
    void threeStaggeredAndAContainedOne() {
        Map<String, Polygon> f = new LinkedHashMap<>();
        f.put("a", box(0, 0, 100, 80));
        f.put("b", box(50, 30, 150, 110));
        f.put("c", box(20, 50, 90, 150));
        f.put("inner", box(60, 40, 80, 60)); // inside a and b
        Map<String, Polygon> s = new SeamlineBuilder(2).addAll(f).build();
        assertGoodCoverage(f, s);
    }

    @Test
    void disjointFootprintsAreThemselves() {
        Map<String, Polygon> f = new LinkedHashMap<>();
        f.put("a", box(0, 0, 10, 10));
        f.put("b", box(20, 0, 30, 10));
        Map<String, Polygon> s = new SeamlineBuilder(1).addAll(f).build();
        assertTrue(s.get("a").equalsTopo(f.get("a")));
        assertTrue(s.get("b").equalsTopo(f.get("b")));
        List<String> names = new ArrayList<>(s.keySet());
        assertEquals(List.of("a", "b"), names);
    }
}
