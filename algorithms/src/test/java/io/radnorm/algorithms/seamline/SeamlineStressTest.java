package io.radnorm.algorithms.seamline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.CoverageUnion;

/**
 * Random mosaics of slightly rotated scenes with a cut corner: always a valid gap-free coverage
 * of the union, and no piece covers ground where its image has no data.
 */
class SeamlineStressTest {

    @Test
    void randomMosaics() {
        GeometryFactory gf = new GeometryFactory();
        Random rnd = new Random(42);
        long multiPart = 0;
        for (int trial = 0; trial < 25; trial++) {
            int n = 2 + rnd.nextInt(5);
            Map<String, Polygon> f = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                double x = rnd.nextDouble() * 3000;
                double y = rnd.nextDouble() * 3000;
                double w = 1500 + rnd.nextDouble() * 2000;
                double h = 1500 + rnd.nextDouble() * 2000;
                // A scene with a cut corner (nodata), rotated by up to 10 degrees.
                Coordinate[] cs = {new Coordinate(x, y), new Coordinate(x + w, y), new Coordinate(x + w, y + h * 0.7),
                    new Coordinate(x + w * 0.8, y + h), new Coordinate(x, y + h), new Coordinate(x, y)};
                Polygon p = gf.createPolygon(cs);
                p = (Polygon) AffineTransformation.rotationInstance(Math.toRadians(rnd.nextDouble() * 20 - 10),
                        x + w / 2, y + h / 2).transform(p);
                f.put("img" + i, p);
            }
            Map<String, Geometry> s = new SeamlineBuilder(25).addAll(f).build();
            multiPart += s.values().stream().filter(g -> !(g instanceof Polygon)).count();
            Geometry[] pieces = s.values().toArray(Geometry[]::new);
            for (Geometry g : CoverageValidator.validate(pieces)) {
                assertNull(g, "trial " + trial + ": " + g);
            }
            Geometry union = gf.buildGeometry(new ArrayList<Geometry>(f.values())).union();
            Geometry covered = CoverageUnion.union(gf.createGeometryCollection(pieces));
            assertEquals(0, union.symDifference(covered).getArea(), union.getLength() * 0.025, "trial " + trial);
            for (Map.Entry<String, Geometry> e : s.entrySet()) {
                assertTrue(e.getValue().isValid());
                assertTrue(f.get(e.getKey()).buffer(0.05).covers(e.getValue()), "trial " + trial + " " + e.getKey()
                                + " outside its footprint");
            }
            List<String> lost = new ArrayList<>(f.keySet());
            lost.removeAll(s.keySet());
            for (String name : lost) { // only images inside the union of the others may vanish
                Geometry others = gf.buildGeometry(f.entrySet().stream().filter(x -> !x.getKey().equals(name))
                        .map(x -> (Geometry) x.getValue()).toList()).union();
                assertTrue(others.buffer(1).covers(f.get(name)), "trial " + trial + ": " + name + " vanished");
            }
        }
        // Only where only-one-image areas alternate along the edge (trial 8) is a piece split.
        assertEquals(1, multiPart);
    }
}
