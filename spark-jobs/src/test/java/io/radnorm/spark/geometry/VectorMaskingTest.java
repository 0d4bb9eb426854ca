package io.radnorm.spark.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.testing.SparkTest;
import io.radnorm.testing.SyntheticScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radnorm mask} against {@code gdal_rasterize} (centre rule and -at), pixel for pixel. */
class VectorMaskingTest {

    @TempDir
    static Path dir;
    static Path in;
    static Path polygons;
    static SparkSession spark;

    @BeforeAll
    static void data() throws IOException {
        spark = SparkTest.session();
        in = Files.createDirectories(dir.resolve("in"));
        // 70 x 50 pixels of 10 m from (500000, 4000000), nodata -9999, a nodata hole at 5..9 x 5..9.
        SyntheticScenes.write(in.resolve("scene.tif"), DataType.FLOAT32, 2, 0, 0, 70, 50, 1, 0, -9999.0,
                new int[] {5, 5, 5, 5});
        // A slanted quadrilateral with a hole, and a thin sliver narrower than a pixel; vertices
        // off the pixel centres and edges, in WGS 84 / UTM 33N.
        polygons = dir.resolve("zones.geojson");
        Files.writeString(polygons, """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "EPSG:32633"}},
                 "features": [
                  {"type": "Feature", "properties": {"name": "scene"}, "geometry": {"type": "Polygon", "coordinates": [
                    [[500033.7, 3999968.1], [500412.3, 3999921.7], [500471.9, 3999612.2], [500081.4, 3999571.6], [500033.7, 3999968.1]],
                    [[500201.3, 3999851.9], [500302.8, 3999833.3], [500254.1, 3999731.4], [500201.3, 3999851.9]]]}},
                  {"type": "Feature", "properties": {"name": "other"}, "geometry": {"type": "Polygon", "coordinates": [
                    [[500523.3, 3999901.2], [500527.1, 3999901.2], [500607.7, 3999603.9], [500523.3, 3999901.2]]]}}]}
                """);
    }

    private static boolean[] gdalMask(boolean allTouched, String where) throws Exception {
        Path mask = dir.resolve("gdal-" + allTouched + "-" + (where == null ? "all" : where) + ".tif");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("gdal_rasterize", "-q", "-burn", "1",
                "-init", "0", "-ot", "Byte", "-te", "500000", "3999500", "500700", "4000000", "-tr", "10", "10"));
        if (allTouched) {
            cmd.add("-at");
        }
        if (where != null) {
            cmd.addAll(java.util.List.of("-where", where));
        }
        cmd.add(polygons.toString());
        cmd.add(mask.toString());
        Gdal.run(cmd.toArray(String[]::new));
        try (GeoTiffReader r = GeoTiffReader.open(mask.toString())) {
            Raster m = r.read(new Window(0, 0, 70, 50));
            boolean[] out = new boolean[70 * 50];
            for (int i = 0; i < out.length; i++) {
                out[i] = m.getAt(i) == 1;
            }
            return out;
        }
    }

    private static void assertMasked(Path output, boolean[] inside, boolean include) throws IOException {
        try (GeoTiffReader src = GeoTiffReader.open(in.resolve("scene.tif").toString());
             GeoTiffReader out = GeoTiffReader.open(output.toString())) {
            assertEquals(-9999.0, out.info().nodata());
            assertEquals(DataType.FLOAT32, out.info().dataType());
            Raster a = src.read(new Window(0, 0, 70, 50));
            Raster b = out.read(new Window(0, 0, 70, 50));
            int n = 70 * 50;
            int kept = 0;
            for (int band = 0; band < 2; band++) {
                for (int i = 0; i < n; i++) {
                    double expected = inside[i] == include ? a.getAt(band * n + i) : -9999.0;
                    assertEquals(expected, b.getAt(band * n + i), "band " + band + " pixel " + i % 70 + "," + i / 70);
                    kept += band == 0 && inside[i] == include ? 1 : 0;
                }
            }
            assertTrue(kept > 100 && kept < n - 100, "a mask that keeps " + kept + " pixels tests little");
        }
    }

    @Test
    void centreRuleMatchesGdalRasterize() throws Exception {
        Gdal.require();
        Path out = dir.resolve("centre");
        assertEquals(0, io.radnorm.cli.RadnormCli.run("mask", "-q", "-i", in.toString(), "-o", out + "/",
                "--vector", polygons.toString()));
        assertMasked(out.resolve("scene_Masked.tif"), gdalMask(false, null), true);
    }

    @Test
    void allTouchedMatchesGdalRasterizeAt() throws Exception {
        Gdal.require();
        Path out = dir.resolve("at");
        assertEquals(0, io.radnorm.cli.RadnormCli.run("mask", "-q", "-i", in.toString(), "-o", out + "/$_at.tif",
                "--vector", polygons.toString(), "--all-touched", "--mode", "exclude"));
        boolean[] at = gdalMask(true, null);
        boolean[] centre = gdalMask(false, null);
        int extra = 0;
        for (int i = 0; i < at.length; i++) {
            extra += at[i] && !centre[i] ? 1 : 0;
        }
        assertTrue(extra > 50, "all-touched adds the boundary pixels: " + extra);
        assertMasked(out.resolve("scene_at.tif"), at, false);
    }

    @Test
    void fieldFilterUsesOnlyTheImagesOwnFeatures() throws Exception {
        Gdal.require();
        Path out = dir.resolve("field");
        assertEquals(0, io.radnorm.cli.RadnormCli.run("mask", "-q", "-i", in.toString(), "-o", out + "/",
                "--vector", polygons.toString(), "--field", "name", "--all-touched"));
        assertMasked(out.resolve("scene_Masked.tif"), gdalMask(true, "name = 'scene'"), true);
    }

    @Test
    void integerImageWithoutNodataIsRefusedWithoutPartialOutput() throws Exception {
        Path noNodata = Files.createDirectories(dir.resolve("nonodata"));
        SyntheticScenes.write(noNodata.resolve("plain.tif"), DataType.UINT16, 1, 0, 0, 20, 20, 1, 0, null, null);
        Path out = dir.resolve("refused");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = io.radnorm.cli.RadnormCli.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        assertEquals(1, cl.execute("mask", "-q", "-i", noNodata.toString(), "-o", out + "/", "--vector",
                polygons.toString()));
        assertTrue(err.toString().contains("plain.tif: has no nodata value"), err.toString());
        assertFalse(Files.exists(out.resolve("plain_Masked.tif")));
        // With --nodata it works.
        assertEquals(0, io.radnorm.cli.RadnormCli.run("mask", "-q", "-i", noNodata.toString(), "-o", out + "/",
                "--vector", polygons.toString(), "--nodata", "0"));
        assertTrue(Files.exists(out.resolve("plain_Masked.tif")));
    }
}
