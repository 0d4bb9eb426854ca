package io.radnorm.raster.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GeoPackage fixtures made by GDAL's ogr2ogr from the GeoJSON fixtures (see the resources' README). */
class GeoPackageReadTest {

    private static final Configuration CONF = new Configuration(false);

    @TempDir
    Path tmp;

    private static VectorLayer read(String uri) throws IOException {
        return VectorLayers.read(uri, CONF);
    }

    @Test
    void firstFeatureTableByDefaultSameAsItsGeoJsonSource() throws IOException {
        VectorLayer gpkg = read(Fixtures.uri("masks.gpkg"));
        GeoJsonReadTest.assertMasksLayer(gpkg);
        VectorLayer json = read(Fixtures.uri("masks.geojson"));
        for (int i = 0; i < json.features().size(); i++) {
            assertTrue(json.features().get(i).geometry().equalsExact(gpkg.features().get(i).geometry()),
                    "feature " + i);
            assertEquals(json.features().get(i).properties(), gpkg.features().get(i).properties());
        }
    }

    @Test
    void layerAfterHash() throws IOException {
        VectorLayer zones = read(Fixtures.uri("masks.gpkg") + "#zones");
        assertEquals(4326, zones.crs().epsg());
        assertEquals(1, zones.features().size());
        assertEquals(Map.of("zone", "equator"), zones.features().get(0).properties());
        assertEquals(14.9, zones.features().get(0).geometry().getEnvelopeInternal().getMinX(), 0);
        // layer names are matched case-insensitively, as SQLite does
        assertEquals(1, read(Fixtures.uri("masks.gpkg") + "#ZONES").features().size());
    }

    @Test
    void unknownLayerListsTheFeatureTables() {
        String uri = Fixtures.uri("masks.gpkg") + "#clouds";
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertEquals(uri + ": no feature table \"clouds\" (feature tables: masks, zones, lines)", e.getMessage());
    }

    @Test
    void layerWithoutPolygons() {
        String uri = Fixtures.uri("masks.gpkg") + "#lines";
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertEquals(uri + ": no polygon features (2 features, none a Polygon or MultiPolygon: {LineString=1,"
                + " Point=1})", e.getMessage());
    }

    @Test
    void readingLeavesTheFileUntouched() throws IOException {
        Path f = Fixtures.path("masks.gpkg");
        Path copy = tmp.resolve("copy.gpkg");
        Files.copy(f, copy);
        byte[] before = Files.readAllBytes(copy);
        read(copy.toString());
        read("file://" + copy + "#zones");
        assertArrayEquals(before, Files.readAllBytes(copy));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no journal or WAL file left beside it");
        }
    }

    @Test
    void textFileIsNotAGeoPackage() {
        String uri = Fixtures.uri("not-a-geopackage.gpkg");
        IOException e = assertThrows(IOException.class, () -> read(uri));
        assertEquals(uri + ": not a GeoPackage (not an SQLite database)", e.getMessage());
    }

    @Test
    void plainSqliteDatabaseIsNotAGeoPackage() throws IOException, SQLException {
        Path db = tmp.resolve("plain.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (a INTEGER)");
        }
        IOException e = assertThrows(IOException.class, () -> read(db.toString()));
        assertEquals(db + ": not a GeoPackage (an SQLite database without the gpkg_contents and"
                + " gpkg_spatial_ref_sys tables)", e.getMessage());
    }

    @Test
    void missingFile() {
        String uri = tmp.resolve("absent.gpkg").toString();
        IOException e = assertThrows(IOException.class, () -> read(uri + "#masks"));
        assertEquals(uri + ": no such file", e.getMessage());
    }
}
