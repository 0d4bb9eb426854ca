package io.radnorm.raster.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.testing.Gdal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** GeoPackage and GeoJSON written by radnorm read back identically, by radnorm and by GDAL. */
class VectorWriterTest {

    @TempDir
    Path dir;

    private static VectorLayer layer() throws Exception {
        WKTReader r = new WKTReader();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("image", "wv_ne");
        a.put("value", 1L);
        a.put("area", 12.5);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("image", "wv_nw");
        b.put("value", 2L);
        b.put("area", null);
        return new VectorLayer(List.of(
                new VectorLayer.Feature(r.read("POLYGON ((500000 4000000, 500100 4000000, 500100 4000100, 500000 4000100,"
                        + " 500000 4000000), (500010 4000010, 500010 4000020, 500020 4000020, 500020 4000010, 500010 4000010))"), a),
                new VectorLayer.Feature(r.read("MULTIPOLYGON (((500200 4000000, 500300 4000000, 500300 4000050, 500200 4000000)))"), b)),
                Crs.fromEpsg(32633));
    }

    @Test
    void geoPackageRoundTrip() throws Exception {
        Path f = dir.resolve("out.gpkg");
        VectorLayer written = layer();
        VectorWriter.write(f.toString(), written, "pifs", new Configuration());
        VectorLayer back = VectorLayers.read(f.toString(), new Configuration());
        assertSame(written, back);
        assertEquals(32633, back.crs().epsg());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("out.gpkg"), s.map(p -> p.getFileName().toString()).toList()); // no temp left
        }
    }

    @Test
    void geoJsonRoundTrip() throws Exception {
        Path f = dir.resolve("out.geojson");
        VectorLayer written = layer();
        VectorWriter.write(f.toString(), written, null, new Configuration());
        VectorLayer back = VectorLayers.read(f.toString(), new Configuration());
        assertSame(written, back);
        assertEquals(32633, back.crs().epsg());
    }

    @Test
    void gdalReadsBoth() throws Exception {
        Gdal.require();
        Path gpkg = dir.resolve("out.gpkg");
        Path json = dir.resolve("out.geojson");
        VectorWriter.write(gpkg.toString(), layer(), "pifs", new Configuration());
        VectorWriter.write(json.toString(), layer(), null, new Configuration());
        for (Path f : List.of(gpkg, json)) {
            String info = Gdal.run("ogrinfo", "-al", "-so", f.toString());
            assertTrue(info.contains("Feature Count: 2"), info);
            assertTrue(info.contains("32633"), info);
            assertTrue(info.contains("image: String"), info);
            assertTrue(info.contains("value: Integer"), info);
            assertTrue(info.contains("area: Real"), info);
            assertFalse(info.contains("ERROR"), info);
        }
        String gpkgInfo = Gdal.run("ogrinfo", "-al", "-so", gpkg.toString());
        assertTrue(gpkgInfo.contains("Layer name: pifs"), gpkgInfo);
        assertTrue(gpkgInfo.contains("Geometry: Multi Polygon"), gpkgInfo);
        assertTrue(gpkgInfo.contains("Extent: (500000.000000, 4000000.000000) - (500300.000000, 4000100.000000)"), gpkgInfo);
        // GDAL's own GeoPackage validator (GeoPackage 1.2 requirements).
        String check = Gdal.run("/usr/bin/python3", "-c", "import sys\n"
                + "from osgeo_utils.samples import validate_gpkg\n"
                + "validate_gpkg.check(sys.argv[1])\nprint('valid')", gpkg.toString());
        assertTrue(check.contains("valid"), check);
        // Areas as GDAL computes them from our binary geometries.
        String sql = Gdal.run("ogrinfo", "-q", "-dialect", "SQLite", "-sql",
                "SELECT image, ST_Area(geom) AS a FROM pifs ORDER BY image", gpkg.toString());
        assertTrue(sql.contains("a (Real) = 9900"), sql);
        assertTrue(sql.contains("a (Real) = 2500"), sql);
    }

    @Test
    void unsupportedExtensionAndNoPartialOutput() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> VectorWriter.write(dir.resolve("x.shp").toString(), layer(), null, new Configuration()));
        assertTrue(e.getMessage().contains("x.shp: unsupported vector format"), e.getMessage());
        Files.writeString(dir.resolve("file"), "not a folder");
        Path missing = dir.resolve("file/out.gpkg");
        assertThrows(IOException.class, () -> VectorWriter.write(missing.toString(), layer(), null, new Configuration()));
        assertFalse(Files.exists(missing));
    }

    private static void assertSame(VectorLayer a, VectorLayer b) {
        assertEquals(a.features().size(), b.features().size());
        for (int i = 0; i < a.features().size(); i++) {
            Geometry ga = a.features().get(i).geometry();
            Geometry gb = b.features().get(i).geometry();
            assertTrue(ga.equalsTopo(gb), ga + " vs " + gb);
            assertEquals(a.features().get(i).properties(), b.features().get(i).properties());
        }
    }
}
