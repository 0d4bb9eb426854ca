package io.radnorm.algorithms.seamline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * How the overlap of two footprints is shared: the part of O = A ∩ B that goes to A (the first),
 * cut along the Voronoi centre line between the samples of A's edge and of B's edge (see
 * {@link SeamlineBuilder}); the rest of O goes to B.
 *
 * @param firstRegion the part of O that A keeps (prepared), or null when A keeps none
 * @param all         whether A keeps all of O (A lies inside B)
 * @param cut         the boundary of A's part, to node into the arrangement, or null
 */
record PairSplit(PreparedGeometry firstRegion, boolean all, Geometry cut) {

    private static final int ON_A = 0;
    private static final int ON_B = 1;

    /** Whether A gets point {@code p} of the overlap. */
    boolean firstWins(Point p) {
        return all || (firstRegion != null && firstRegion.covers(p));
    }

    /** The split of {@code a ∩ b}, or null if they do not overlap with positive area. */
    static PairSplit of(Polygon a, Polygon b, double spacing, PrecisionModel pm) {
        GeometryFactory gf = new GeometryFactory(pm);
        Geometry o = polygonal(OverlayNG.overlay(a, b, OverlayNG.INTERSECTION, pm), gf);
        double cell = 1 / pm.getScale();
        if (o.isEmpty() || o.getArea() <= cell * cell) {
            return null;
        }
        double tol = 1e-6 * Math.max(o.getArea(), cell * cell);
        if (Math.abs(o.getArea() - b.getArea()) <= tol) {
            return new PairSplit(null, false, null); // B inside A: B keeps the overlap
        }
        if (Math.abs(o.getArea() - a.getArea()) <= tol) {
            return new PairSplit(null, true, null); // A inside B: A keeps it
        }
        IndexedFacetDistance edgeA = new IndexedFacetDistance(a.getBoundary());
        IndexedFacetDistance edgeB = new IndexedFacetDistance(b.getBoundary());
        List<Coordinate> sites = new ArrayList<>();
        Map<Coordinate, Integer> label = new HashMap<>();
        for (int k = 0; k < o.getNumGeometries(); k++) {
            Polygon part = (Polygon) o.getGeometryN(k);
            for (int r = -1; r < part.getNumInteriorRing(); r++) {
                LineString ring = r < 0 ? part.getExteriorRing() : part.getInteriorRingN(r);
                sample(ring.getCoordinates(), spacing, edgeA, edgeB, gf, sites, label);
            }
        }
        boolean anyOnB = label.containsValue(ON_B);
        boolean anyOnA = label.containsValue(ON_A);
        if (!anyOnB) {
            return new PairSplit(null, false, null); // only A's edge bounds O: all deep in B
        }
        if (!anyOnA) {
            return new PairSplit(null, true, null);
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(sites);
        // Unclipped cells (bounded by the triangulation's frame): the builder's own clipping uses
        // the old overlay, which fails on the cocircular samples of axis-parallel edges; the
        // snap-rounding overlays below clip robustly.
        @SuppressWarnings("unchecked")
        List<Geometry> diagram = vb.getSubdivision().getVoronoiCellPolygons(new GeometryFactory());
        List<Geometry> towardsB = new ArrayList<>();
        for (Geometry c : diagram) {
            Integer l = label.get((Coordinate) c.getUserData());
            // Cells of samples on B's edge are where B is at its edge: A keeps them.
            if (l != null && l == ON_B) {
                towardsB.add(c);
            }
        }
        Geometry cells = UnaryUnionNG.union(gf.buildGeometry(towardsB), pm);
        Geometry mine = polygonal(OverlayNG.overlay(cells, o, OverlayNG.INTERSECTION, pm), gf);
        if (mine.isEmpty()) {
            return new PairSplit(null, false, null);
        }
        return new PairSplit(PreparedGeometryFactory.prepare(mine), false, mine.getBoundary());
    }

    private static void sample(Coordinate[] ring, double spacing, IndexedFacetDistance edgeA, IndexedFacetDistance edgeB,
                               GeometryFactory gf, List<Coordinate> sites, Map<Coordinate, Integer> label) {
        for (int i = 0; i + 1 < ring.length; i++) {
            Coordinate p = ring[i];
            Coordinate q = ring[i + 1];
            Point mid = gf.createPoint(new Coordinate((p.x + q.x) / 2, (p.y + q.y) / 2));
            int l = edgeA.distance(mid) <= edgeB.distance(mid) ? ON_A : ON_B;
            int steps = Math.max(1, (int) Math.ceil(p.distance(q) / spacing));
            for (int s = 0; s < steps; s++) {
                double t = (double) s / steps;
                Coordinate c = new Coordinate(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y));
                if (label.putIfAbsent(c, l) == null) {
                    sites.add(c);
                }
            }
        }
    }

    private static Geometry polygonal(Geometry g, GeometryFactory gf) {
        @SuppressWarnings("unchecked")
        List<Polygon> polys = PolygonExtracter.getPolygons(g);
        return gf.buildGeometry(polys);
    }
}
