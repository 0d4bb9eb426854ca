package io.radnorm.raster.vector;

import io.radnorm.raster.crs.Crs;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The polygons of one vector layer (a GeoJSON file, one feature table of a GeoPackage) and their
 * CRS: what a vector mask is made of. Read with {@link VectorLayers#read}.
 *
 * <p>Coordinates are always (x, y) = (easting, northing), or (longitude, latitude) for a geographic
 * CRS, whatever axis order the EPSG database gives the CRS: that is how GeoJSON and GeoPackage
 * store them, and how {@link #reprojectedTo} interprets them.
 *
 * <p>Serializable (JTS geometries, plain property values), so a layer or a mask made of it can be
 * broadcast to Spark executors.
 *
 * @param features the polygonal features, in file order (never empty when read from a file)
 * @param crs      the CRS of the coordinates (an EPSG code)
 */
public record VectorLayer(List<Feature> features, Crs crs) implements Serializable {

    private static final long serialVersionUID = 1L;

    public VectorLayer {
        features = List.copyOf(features);
        Objects.requireNonNull(crs, "crs");
    }

    /**
     * One polygonal feature.
     *
     * @param geometry   a {@link Polygon} or {@link MultiPolygon}, in the layer's CRS
     * @param properties the attributes, in file order; values are {@code String}, {@code Long},
     *                   {@code Double}, {@code Boolean}, {@code byte[]} (GeoPackage BLOB), null, or
     *                   (GeoJSON only) nested {@code List}/{@code Map} of these
     */
    public record Feature(Geometry geometry, Map<String, Object> properties) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Feature {
            Objects.requireNonNull(geometry, "geometry");
            if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
                throw new IllegalArgumentException("a mask feature must be a Polygon or MultiPolygon, not "
                        + geometry.getGeometryType());
            }
            // Unmodifiable but null-tolerant (Map.copyOf rejects null values, which attributes have).
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        /** A feature without attributes. */
        public static Feature of(Geometry geometry) {
            return new Feature(geometry, Map.of());
        }
    }

    /** The geometries of all features, in order. */
    public List<Geometry> geometries() {
        List<Geometry> out = new ArrayList<>(features.size());
        for (Feature f : features) {
            out.add(f.geometry());
        }
        return out;
    }

    /**
     * This layer in {@code target}'s coordinates: every vertex is transformed with Apache SIS (the
     * operation {@code CRS.findOperation} picks for the two EPSG CRSs, both in their right-handed
     * (x = east/longitude) axis order); edges stay straight lines between the transformed vertices,
     * as in GDAL's {@code ogr2ogr -t_srs} without {@code -segmentize}. Properties are kept.
     *
     * @return this layer itself if it is already in {@code target} (same EPSG code)
     * @throws IllegalArgumentException if either CRS has no EPSG code, SIS finds no operation
     *                                  between them, or a vertex cannot be transformed (outside the
     *                                  projection's domain)
     */
    public VectorLayer reprojectedTo(Crs target) {
        Objects.requireNonNull(target, "target");
        if (crs.sameAs(target)) {
            return this;
        }
        GeometryReprojection reprojection = GeometryReprojection.between(crs, target);
        List<Feature> out = new ArrayList<>(features.size());
        for (Feature f : features) {
            out.add(new Feature(reprojection.apply(f.geometry()), f.properties()));
        }
        return new VectorLayer(out, target);
    }
}
