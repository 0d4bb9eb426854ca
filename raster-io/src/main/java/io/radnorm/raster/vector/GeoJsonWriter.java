package io.radnorm.raster.vector;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a layer as a GeoJSON FeatureCollection with Jackson's streaming generator (see
 * {@link VectorWriter} for the conventions).
 */
final class GeoJsonWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private GeoJsonWriter() {
    }

    static void write(VectorLayer layer, String name, OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeStringField("name", name);
        if (layer.crs().hasEpsg() && layer.crs().epsg() != GeoJsonFormat.DEFAULT_EPSG) {
            g.writeObjectFieldStart("crs");
            g.writeStringField("type", "name");
            g.writeObjectFieldStart("properties");
            g.writeStringField("name", "urn:ogc:def:crs:EPSG::" + layer.crs().epsg());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeArrayFieldStart("features");
        for (VectorLayer.Feature f : layer.features()) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeObjectFieldStart("properties");
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
            g.writeFieldName("geometry");
            geometry(g, f.geometry());
            g.writeEndObject();
            g.writeRaw('\n');
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private static void geometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        if (geom instanceof Polygon p) {
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            polygon(g, p);
        } else if (geom instanceof MultiPolygon m) {
            g.writeStringField("type", "MultiPolygon");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < m.getNumGeometries(); i++) {
                polygon(g, (Polygon) m.getGeometryN(i));
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write a " + geom.getGeometryType() + " feature");
        }
        g.writeEndObject();
    }

    private static void polygon(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        if (!p.isEmpty()) {
            ring(g, p.getExteriorRing(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(g, p.getInteriorRingN(i), false);
            }
        }
        g.writeEndArray();
    }

    /** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
    private static void ring(JsonGenerator g, LineString ring, boolean ccw) throws IOException {
        Coordinate[] cs = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(cs) != ccw;
        g.writeStartArray();
        for (int k = 0; k < cs.length; k++) {
            Coordinate c = cs[reverse ? cs.length - 1 - k : k];
            g.writeStartArray();
            g.writeNumber(c.x);
            g.writeNumber(c.y);
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
