package io.radnorm.raster.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GeoJsonReadTest {

    private static final Configuration CONF = new Configuration(false);

    @TempDir
    Path tmp;

    static VectorLayer read(String uri) throws IOException {
        return VectorLayers.read(uri, CONF);
    }

    private String write(String name, String json) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f.toString();
    }

    /** masks.geojson: its two polygonal features, in order, with their attributes and CRS. */
    static void assertMasksLayer(VectorLayer layer) {
        assertEquals(32633, layer.crs().epsg());
        assertEquals(2, layer.features().size(), "the LineString feature is dropped");

        VectorLayer.Feature first = layer.features().get(0);
        Polygon p = assertInstanceOf(Polygon.class, first.geometry());
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(100 * 100 - 20 * 20, p.getArea(), 1e-9);
        assertEquals(500000, p.getEnvelopeInternal().getMinX());
        assertEquals(100, p.getEnvelopeInternal().getMaxY());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("code", 1L);
        expected.put("name", "rgb1;rgb2");
        expected.put("score", 0.5);
        expected.put("valid", true);
        assertEquals(expected, first.properties());
        assertEquals(List.of("code", "name", "score", "valid"), List.copyOf(first.properties().keySet()),
                "attribute order is the file's");

        VectorLayer.Feature second = layer.features().get(1);
        MultiPolygon mp = assertInstanceOf(MultiPolygon.class, second.geometry());
        assertEquals(2, mp.getNumGeometries());
        assertEquals(2 * 30 * 30, mp.getArea(), 1e-9);
        assertEquals("RGB3-left", second.properties().get("name"));
        assertEquals(2L, second.properties().get("code"));
        assertTrue(second.properties().containsKey("score"));
        assertNull(second.properties().get("score"));
        assertEquals(false, second.properties().get("valid"));
    }

    @Test
    void readsFeatureCollectionWithLegacyCrsMember() throws IOException {
        assertMasksLayer(read(Fixtures.uri("masks.geojson")));
    }

    @Test
    void noCrsMemberMeansWgs84LonLat() throws IOException {
        VectorLayer layer = read(Fixtures.uri("zones.geojson"));
        assertEquals(4326, layer.crs().epsg());
        assertEquals(1, layer.features().size());
        assertEquals(Map.of("zone", "equator"), layer.features().get(0).properties());
        // x is the longitude, as written (RFC 7946), whatever EPSG's own axis order
        assertEquals(14.9, layer.features().get(0).geometry().getEnvelopeInternal().getMinX());
        assertEquals(-0.1, layer.features().get(0).geometry().getEnvelopeInternal().getMinY());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"name\", \"properties\": {\"name\": \"EPSG:32633\"}}                              | 32633",
            "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::32633\"}}             | 32633",
            "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG:6.6:32618\"}}           | 32618",
            "{\"type\": \"name\", \"properties\": {\"name\": \"http://www.opengis.net/def/crs/EPSG/0/3857\"}} | 3857",
            "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}}           | 4326",
            "{\"type\": \"EPSG\", \"properties\": {\"code\": 2154}}                                         | 2154",
            "null                                                                                         | 4326",
    })
    void crsMemberForms(String crs, int epsg) throws IOException {
        String uri = write("crs.geojson", "{\"type\": \"FeatureCollection\", \"crs\": " + crs + ", \"features\": ["
                + "{\"type\": \"Feature\", \"properties\": null, \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}");
        VectorLayer layer = read(uri);
        assertEquals(epsg, layer.crs().epsg());
        assertEquals(Map.of(), layer.features().get(0).properties());
    }

    @Test
    void unsupportedCrsNameIsRefusedNamingTheFile() throws IOException {
        String uri = write("odd.geojson", "{\"type\": \"Feature\", \"crs\": {\"type\": \"name\", \"properties\":"
                + " {\"name\": \"my-local-grid\"}}, \"properties\": {}, \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}");
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertEquals(uri + ": unsupported \"crs\" name \"my-local-grid\" (expected EPSG:<code>,"
                + " urn:ogc:def:crs:EPSG::<code> or CRS84)", e.getMessage());
    }

    @Test
    void singleFeatureBareGeometryAndGeometryCollection() throws IOException {
        String feature = write("one.json", "{\"type\": \"Feature\", \"properties\": {\"n\": [1, 2.5, \"x\"],"
                + " \"o\": {\"k\": null}}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\":"
                + " [[[0, 0], [2, 0], [2, 2], [0, 2]]]}}");
        VectorLayer one = read(feature);
        assertEquals(1, one.features().size());
        assertEquals(4.0, one.features().get(0).geometry().getArea(), "an unclosed ring is closed");
        assertEquals(List.of(1L, 2.5, "x"), one.features().get(0).properties().get("n"));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", null);
        assertEquals(nested, one.features().get(0).properties().get("o"));

        String bare = write("bare.geojson", "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, 1],"
                + " [0, 0]]]]}");
        assertInstanceOf(MultiPolygon.class, read(bare).features().get(0).geometry());

        String collection = write("gc.geojson", "{\"type\": \"Feature\", \"properties\": {}, \"geometry\":"
                + " {\"type\": \"GeometryCollection\", \"geometries\": ["
                + "{\"type\": \"Point\", \"coordinates\": [5, 5]},"
                + "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},"
                + "{\"type\": \"Polygon\", \"coordinates\": [[[3, 0], [4, 0], [4, 1], [3, 0]]]}]}}");
        MultiPolygon parts = assertInstanceOf(MultiPolygon.class, read(collection).features().get(0).geometry());
        assertEquals(2, parts.getNumGeometries(), "the polygons of a GeometryCollection are kept, the point dropped");
    }

    @Test
    void noPolygonFeatures() {
        String uri = Fixtures.uri("lines.geojson");
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertEquals(uri + ": no polygon features (2 features, none a Polygon or MultiPolygon: {LineString=1,"
                + " Point=1})", e.getMessage());
    }

    @Test
    void emptyCollectionHasNoPolygonFeatures() throws IOException {
        String uri = write("empty.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}");
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertEquals(uri + ": no polygon features (the layer is empty)", e.getMessage());
    }

    @Test
    void jsonThatIsNotGeoJson() {
        String uri = Fixtures.uri("not-geojson.json");
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertEquals(uri + ": not a GeoJSON file (expected an object whose \"type\" is FeatureCollection,"
                + " Feature or a geometry type)", e.getMessage());
    }

    @Test
    void invalidJson() {
        String uri = Fixtures.uri("truncated.geojson");
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertTrue(e.getMessage().startsWith(uri + ": not a GeoJSON file: invalid JSON at line "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void badCoordinatesNameTheFeature() throws IOException {
        String uri = write("bad.geojson", "{\"type\": \"FeatureCollection\", \"features\": ["
                + "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},"
                + "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0], [1, \"a\"], [1, 1], [0, 0]]]}}]}");
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertTrue(e.getMessage().startsWith(uri + ": feature 2: bad coordinates: "), e.getMessage());
    }

    @Test
    void missingFileAndUnknownExtension() {
        String missing = tmp.resolve("absent.geojson").toString();
        IOException e = assertThrows(IOException.class, () -> read(missing));
        assertEquals(missing + ": no such file", e.getMessage());

        String shp = tmp.resolve("mask.shp").toString();
        IOException f = assertThrows(IOException.class, () -> read(shp));
        assertEquals(shp + ": unsupported vector format (expected a .gpkg, .geojson or .json file)", f.getMessage());
    }

    @Test
    void layerIsSerializable() throws Exception {
        VectorLayer layer = read(Fixtures.uri("masks.geojson"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(layer);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            VectorLayer back = (VectorLayer) in.readObject();
            assertEquals(layer.crs(), back.crs());
            assertEquals(layer.features().size(), back.features().size());
            for (int i = 0; i < layer.features().size(); i++) {
                assertTrue(layer.features().get(i).geometry().equalsExact(back.features().get(i).geometry()));
                assertEquals(layer.features().get(i).properties(), back.features().get(i).properties());
            }
        }
    }
}
