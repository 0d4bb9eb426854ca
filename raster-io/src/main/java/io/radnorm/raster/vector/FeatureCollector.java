package io.radnorm.raster.vector;

import io.radnorm.raster.crs.Crs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the polygonal features of one layer as a reader meets them: keeps Polygons and
 * MultiPolygons (and the polygons inside a GeometryCollection), counts what it drops by type, and
 * at the end logs one warning for the dropped ones or fails when nothing polygonal was found.
 */
final class FeatureCollector {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureCollector.class);

    private final String location;
    private final List<VectorLayer.Feature> features = new ArrayList<>();
    private final Map<String, Integer> ignored = new TreeMap<>();
    private int seen;

    /** @param location the file (and layer) named in messages */
    FeatureCollector(String location) {
        this.location = location;
    }

    /** Adds one feature; {@code geometry} may be null (a feature without geometry). */
    void add(Geometry geometry, Map<String, Object> properties) {
        seen++;
        if (geometry == null) {
            ignored.merge("no geometry", 1, Integer::sum);
            return;
        }
        Geometry polygonal = polygonalPart(geometry);
        if (polygonal == null) {
            ignored.merge(geometry.isEmpty() ? "empty " + geometry.getGeometryType()
                    : geometry.getGeometryType(), 1, Integer::sum);
            return;
        }
        if (polygonal != geometry && hasNonPolygonalPart(geometry)) {
            ignored.merge("non-polygonal parts of a " + geometry.getGeometryType(), 1, Integer::sum);
        }
        features.add(new VectorLayer.Feature(polygonal, properties));
    }

    /**
     * The layer.
     *
     * @throws IOException "&lt;location&gt;: no polygon features ..." if no feature was polygonal
     */
    VectorLayer finish(Crs crs) throws IOException {
        if (!ignored.isEmpty()) {
            LOG.warn("{}: ignored {} of {} features that are not polygons: {}", location,
                    ignored.values().stream().mapToInt(Integer::intValue).sum(), seen, ignored);
        }
        if (features.isEmpty()) {
            throw new IOException(location + ": no polygon features"
                    + (seen == 0 ? " (the layer is empty)" : " (" + seen + " features, none a Polygon or MultiPolygon: "
                    + ignored + ")"));
        }
        return new VectorLayer(features, crs);
    }

    /**
     * The polygonal part of {@code g}: itself if a non-empty Polygon or MultiPolygon, the
     * (Multi)Polygon of the polygons inside a GeometryCollection, or null if there is none.
     */
    static Geometry polygonalPart(Geometry g) {
        if (g.isEmpty()) {
            return null;
        }
        if (g instanceof Polygon || g instanceof MultiPolygon) {
            return g;
        }
        if (!(g instanceof GeometryCollection)) {
            return null;
        }
        List<Polygon> polygons = new ArrayList<>();
        collectPolygons(g, polygons);
        if (polygons.isEmpty()) {
            return null;
        }
        GeometryFactory f = g.getFactory();
        return polygons.size() == 1 ? polygons.get(0) : f.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static boolean hasNonPolygonalPart(Geometry g) {
        if (g instanceof Polygon || g instanceof MultiPolygon) {
            return false;
        }
        if (!(g instanceof GeometryCollection)) {
            return !g.isEmpty();
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (hasNonPolygonalPart(g.getGeometryN(i))) {
                return true;
            }
        }
        return false;
    }

    private static void collectPolygons(Geometry g, List<Polygon> out) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        } else if (g instanceof GeometryCollection) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collectPolygons(g.getGeometryN(i), out);
            }
        }
    }
}
