package io.radnorm.raster.vector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radnorm.raster.crs.Crs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * A small GeoJSON reader (RFC 7946, plus the 2008 draft's {@code "crs"} member) on Jackson's tree
 * model: a FeatureCollection, a single Feature or a bare geometry.
 *
 * <p>Without a {@code "crs"} member the coordinates are WGS 84 longitude/latitude (RFC 7946 §4:
 * EPSG:4326 in (x = longitude, y = latitude) order). A {@code "crs"} member naming an EPSG code
 * ({@code EPSG:32633}, {@code urn:ogc:def:crs:EPSG::32633},
 * {@code http://www.opengis.net/def/crs/EPSG/0/32633}, or the 2008 {@code {"type": "EPSG"}} form)
 * or CRS84 sets it, as GDAL reads such files. Positions keep x and y; a third ordinate is ignored.
 * Unclosed rings are closed.
 */
final class GeoJsonFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString",
            "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");
    private static final Pattern EPSG_URN = Pattern.compile("(?i)(?:urn:ogc:def:crs:)?EPSG:(?:[0-9.]*:)?(\\d+)");
    private static final Pattern EPSG_URI = Pattern.compile("(?i).*/def/crs/EPSG/[^/]*/(\\d+)");
    private static final Pattern CRS84 = Pattern.compile("(?i)(urn:ogc:def:crs:OGC:[0-9.]*:CRS84|OGC:CRS84|CRS:?84"
            + "|.*/def/crs/OGC/[^/]*/CRS84)");

    /** RFC 7946's CRS: WGS 84, longitude then latitude. */
    static final int DEFAULT_EPSG = 4326;

    private final String location;
    private final GeometryFactory factory = new GeometryFactory();

    private GeoJsonFormat(String location) {
        this.location = location;
    }

    /**
     * Parses a whole GeoJSON document.
     *
     * @param location the file named in messages
     */
    static VectorLayer read(String location, byte[] json) throws IOException {
        return new GeoJsonFormat(location).read(json);
    }

    private VectorLayer read(byte[] json) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(location + ": not a GeoJSON file: invalid JSON"
                    + (at != null ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "")
                    + ": " + e.getOriginalMessage(), e);
        }
        String type = root != null && root.isObject() ? text(root.get("type")) : null;
        if (type == null || !(type.equals("FeatureCollection") || type.equals("Feature")
                || GEOMETRY_TYPES.contains(type))) {
            throw new IOException(location + ": not a GeoJSON file (expected an object whose \"type\" is"
                    + " FeatureCollection, Feature or a geometry type"
                    + (type != null ? ", found \"" + type + "\"" : "") + ")");
        }
        Crs crs = crs(root.get("crs"));
        FeatureCollector collector = new FeatureCollector(location);
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = root.get("features");
                if (features == null || !features.isArray()) {
                    throw new IOException(location + ": not a GeoJSON file: a FeatureCollection needs a"
                            + " \"features\" array");
                }
                int i = 0;
                for (JsonNode f : features) {
                    addFeature(collector, f, ++i);
                }
            }
            case "Feature" -> addFeature(collector, root, 1);
            default -> collector.add(geometry(root, 1), Map.of());
        }
        return collector.finish(crs);
    }

    private void addFeature(FeatureCollector collector, JsonNode f, int index) throws IOException {
        if (!f.isObject() || !"Feature".equals(text(f.get("type")))) {
            throw new IOException(location + ": feature " + index + " is not a GeoJSON Feature object");
        }
        JsonNode g = f.get("geometry");
        Geometry geometry = g == null || g.isNull() ? null : geometry(g, index);
        JsonNode props = f.get("properties");
        Map<String, Object> properties = new LinkedHashMap<>();
        if (props != null && props.isObject()) {
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                properties.put(e.getKey(), value(e.getValue()));
            }
        } else if (props != null && !props.isNull()) {
            throw new IOException(location + ": feature " + index + ": \"properties\" must be an object or null");
        }
        collector.add(geometry, properties);
    }

    /** A property value as a plain Java value: String, Long, Double, Boolean, null, List, Map. */
    private static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            for (JsonNode e : v) {
                list.add(value(e));
            }
            return Collections.unmodifiableList(list);
        }
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                map.put(e.getKey(), value(e.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        return v.asText();
    }

    private Geometry geometry(JsonNode g, int index) throws IOException {
        String type = g.isObject() ? text(g.get("type")) : null;
        if (type == null || !GEOMETRY_TYPES.contains(type)) {
            throw new IOException(location + ": feature " + index + ": not a GeoJSON geometry"
                    + (type != null ? " (type \"" + type + "\")" : ""));
        }
        if (type.equals("GeometryCollection")) {
            JsonNode members = g.get("geometries");
            if (members == null || !members.isArray()) {
                throw new IOException(location + ": feature " + index + ": a GeometryCollection needs a"
                        + " \"geometries\" array");
            }
            List<Geometry> parts = new ArrayList<>();
            for (JsonNode m : members) {
                parts.add(geometry(m, index));
            }
            return factory.createGeometryCollection(parts.toArray(Geometry[]::new));
        }
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new IOException(location + ": feature " + index + ": a " + type + " needs a \"coordinates\" array");
        }
        try {
            return coordinatesGeometry(type, c, index);
        } catch (IllegalArgumentException e) { // JTS: too few points for a line or ring
            throw badCoordinates(index, e.getMessage());
        }
    }

    private Geometry coordinatesGeometry(String type, JsonNode c, int index) throws IOException {
        return switch (type) {
            case "Polygon" -> polygon(c, index);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(c.get(i), index);
                }
                yield factory.createMultiPolygon(polygons);
            }
            // Not used by masks: only their type and emptiness matter (they are counted and dropped).
            case "Point" -> c.isEmpty() ? factory.createPoint() : factory.createPoint(position(c, index));
            case "MultiPoint" -> factory.createMultiPointFromCoords(positions(c, index));
            case "LineString" -> factory.createLineString(positions(c, index));
            default -> { // MultiLineString
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = factory.createLineString(positions(c.get(i), index));
                }
                yield factory.createMultiLineString(lines);
            }
        };
    }

    private Polygon polygon(JsonNode rings, int index) throws IOException {
        if (!rings.isArray()) {
            throw badCoordinates(index, "a Polygon is an array of rings");
        }
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), index);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), index);
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode positions, int index) throws IOException {
        Coordinate[] cs = positions(positions, index);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = new Coordinate[cs.length + 1];
            System.arraycopy(cs, 0, closed, 0, cs.length);
            closed[cs.length] = cs[0].copy();
            cs = closed;
        }
        if (cs.length < 4) {
            throw badCoordinates(index, "a Polygon ring needs at least 4 positions, found " + positions.size());
        }
        return factory.createLinearRing(cs);
    }

    private Coordinate[] positions(JsonNode array, int index) throws IOException {
        if (!array.isArray()) {
            throw badCoordinates(index, "expected an array of positions");
        }
        Coordinate[] out = new Coordinate[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = position(array.get(i), index);
        }
        return out;
    }

    private Coordinate position(JsonNode p, int index) throws IOException {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw badCoordinates(index, "a position is an array of at least two numbers, found " + p);
        }
        return new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
    }

    private IOException badCoordinates(int index, String what) {
        return new IOException(location + ": feature " + index + ": bad coordinates: " + what);
    }

    private Crs crs(JsonNode crs) throws IOException {
        if (crs == null || crs.isNull()) {
            return epsg(DEFAULT_EPSG);
        }
        String type = text(crs.get("type"));
        JsonNode props = crs.get("properties");
        if ("name".equals(type) && props != null && text(props.get("name")) != null) {
            String name = text(props.get("name")).trim();
            if (CRS84.matcher(name).matches()) {
                return epsg(DEFAULT_EPSG);
            }
            Matcher m = EPSG_URN.matcher(name);
            if (!m.matches()) {
                m = EPSG_URI.matcher(name);
            }
            if (m.matches()) {
                return epsg(Integer.parseInt(m.group(1)));
            }
            throw new IOException(location + ": unsupported \"crs\" name \"" + name + "\" (expected EPSG:<code>,"
                    + " urn:ogc:def:crs:EPSG::<code> or CRS84)");
        }
        if ("EPSG".equalsIgnoreCase(type) && props != null && props.path("code").canConvertToInt()) {
            return epsg(props.get("code").asInt());
        }
        throw new IOException(location + ": unsupported \"crs\" member " + crs
                + " (expected {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:<code>\"}})");
    }

    private Crs epsg(int code) throws IOException {
        try {
            return Crs.fromEpsg(code);
        } catch (IllegalArgumentException e) {
            throw new IOException(location + ": unknown CRS EPSG:" + code + " in \"crs\"", e);
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }
}
