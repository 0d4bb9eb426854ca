package io.radnorm.algorithms.polygonize;

import io.radnorm.raster.GeoTransform;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * Helpers for polygons in pixel coordinates ({@link RasterPolygonizer}'s output): to map
 * coordinates, and dropping the collinear vertices a union of window pieces leaves on the cuts.
 */
public final class PixelGeometries {

    private PixelGeometries() {
    }

    /**
     * {@code g} with (column, row) pixel coordinates mapped through {@code transform} to map
     * coordinates; shells counter-clockwise and holes clockwise in map space (the GeoJSON /
     * OGC Simple Features convention), whatever the sign of the pixel height.
     */
    public static Geometry toMap(Geometry g, GeoTransform transform) {
        Geometry mapped = new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                CoordinateSequence out = coords.copy();
                for (int i = 0; i < coords.size(); i++) {
                    double c = coords.getX(i);
                    double r = coords.getY(i);
                    out.setOrdinate(i, CoordinateSequence.X, transform.x(c, r));
                    out.setOrdinate(i, CoordinateSequence.Y, transform.y(c, r));
                }
                return out;
            }
        }.transform(g);
        return orientCounterClockwise(mapped);
    }

    /** {@code g}'s polygons with shells counter-clockwise and holes clockwise. */
    public static Geometry orientCounterClockwise(Geometry g) {
        if (g instanceof Polygon p) {
            return orient(p);
        }
        if (g instanceof MultiPolygon m) {
            Polygon[] parts = new Polygon[m.getNumGeometries()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = orient((Polygon) m.getGeometryN(i));
            }
            return m.getFactory().createMultiPolygon(parts);
        }
        return g;
    }

    private static Polygon orient(Polygon p) {
        if (p.isEmpty()) {
            return p;
        }
        GeometryFactory f = p.getFactory();
        LinearRing shell = ring(p.getExteriorRing(), true);
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(p.getInteriorRingN(i), false);
        }
        return f.createPolygon(shell, holes);
    }

    private static LinearRing ring(LinearRing r, boolean ccw) {
        return Orientation.isCCW(r.getCoordinateSequence()) == ccw ? r : r.reverse();
    }

    /**
     * {@code p} without the vertices where its boundary goes straight on (exactly collinear
     * neighbours, as on pixel-edge polygons cut at window edges and unioned back).
     */
    public static Polygon removeCollinear(Polygon p) {
        if (p.isEmpty()) {
            return p;
        }
        GeometryFactory f = p.getFactory();
        LinearRing shell = f.createLinearRing(straighten(p.getExteriorRing().getCoordinates()));
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = f.createLinearRing(straighten(p.getInteriorRingN(i).getCoordinates()));
        }
        return f.createPolygon(shell, holes);
    }

    private static Coordinate[] straighten(Coordinate[] ring) {
        int n = ring.length - 1; // closed: last == first
        if (n < 4) {
            return ring;
        }
        List<Coordinate> out = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            Coordinate prev = ring[(i - 1 + n) % n];
            Coordinate cur = ring[i];
            Coordinate next = ring[(i + 1) % n];
            double cross = (cur.x - prev.x) * (next.y - cur.y) - (cur.y - prev.y) * (next.x - cur.x);
            boolean backtracks = cross == 0 && (cur.x - prev.x) * (next.x - cur.x) + (cur.y - prev.y) * (next.y - cur.y) < 0;
            if (cross != 0 || backtracks) {
                out.add(cur);
            }
        }
        if (out.size() < 3) {
            return ring;
        }
        out.add(out.get(0).copy());
        return out.toArray(Coordinate[]::new);
    }
}
