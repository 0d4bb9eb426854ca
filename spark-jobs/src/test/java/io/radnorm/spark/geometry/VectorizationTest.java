package io.radnorm.spark.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.expr.BandExpression;
import io.radnorm.algorithms.global.ModelImageSelection;
import io.radnorm.algorithms.mask.MaskMode;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.algorithms.polygonize.SizeThreshold;
import io.radnorm.cli.RadnormCli;
import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.RasterSource;
import io.radnorm.raster.vector.VectorLayer;
import io.radnorm.raster.vector.VectorLayers;
import io.radnorm.spark.global.GlobalModel;
import io.radnorm.spark.global.GlobalRegression;
import io.radnorm.testing.SparkTest;
import io.radnorm.testing.SyntheticScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** {@code radnorm vectorize}: known polygons from a hand-made raster, window-independent, usable as a mask. */
class VectorizationTest {

    @TempDir
    static Path dir;
    static Path classes;
    static SparkSession spark;

    /**
     * 40 x 30 uint8, 10 m pixels from (500000, 4000000), nodata 255:
     * class 1: a 12 x 10 rectangle at (2, 3) with a 2 x 3 hole at (6, 6) -> 114 pixels, 4 + 4 vertices;
     * class 2: an L of 8 x 2 + 2 x 6 at (20, 20) -> 8*2 + 2*4 = 24 pixels, 6 vertices;
     * class 1: a single pixel at (35, 1); class 3: a 3 x 3 square at (30, 10); the rest 0; nodata
     * along the last row.
     */
    @BeforeAll
    static void data() throws IOException {
        spark = SparkTest.session();
        Raster r = Raster.allocate(DataType.UINT8, 40, 30, 1);
        fill(r, 2, 3, 12, 10, 1);
        fill(r, 6, 6, 2, 3, 0);
        fill(r, 20, 20, 8, 2, 2);
        fill(r, 20, 22, 2, 4, 2);
        fill(r, 35, 1, 1, 1, 1);
        fill(r, 30, 10, 3, 3, 3);
        fill(r, 0, 29, 40, 1, 255);
        Path in = Files.createDirectories(dir.resolve("in"));
        classes = in.resolve("classes.tif");
        CogWriter.write(RasterSource.of(r), new GeoMetadata(GeoTransform.northUp(500_000, 4_000_000, 10, -10),
                SyntheticScenes.CRS, 255.0), classes.toString(), null, CogOptions.defaults().withTileSize(16));
    }

    private static void fill(Raster r, int x0, int y0, int w, int h, double v) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                r.set(0, x, y, v);
            }
        }
    }

    private static VectorLayer run(int window, Map<Long, String> valueMap) throws IOException {
        return Vectorization.builder().input(classes.toString()).window(window).valueMap(valueMap).build().run(spark);
    }

    private static List<VectorLayer.Feature> ofValue(VectorLayer l, long v) {
        return l.features().stream().filter(f -> f.properties().get("value").equals(v)).toList();
    }

    @Test
    void knownPolygonsWhateverTheWindow() throws IOException {
        VectorLayer big = run(2048, Map.of(1L, "field", 2L, "road", 3L, "roof"));
        VectorLayer small = run(16, Map.of(1L, "field", 2L, "road", 3L, "roof")); // cuts every polygon but one
        for (VectorLayer l : List.of(big, small)) {
            assertEquals(4, l.features().size());
            List<VectorLayer.Feature> ones = ofValue(l, 1); // top row first: the single pixel, then the rectangle
            assertEquals(2, ones.size());
            assertEquals(100, ones.get(0).geometry().getArea(), 1e-9);
            ones = List.of(ones.get(1), ones.get(0));
            Polygon rect = (Polygon) ones.get(0).geometry();
            assertEquals(114L, ones.get(0).properties().get("pixels"));
            assertEquals(11400, rect.getArea(), 1e-9);
            assertEquals(5, rect.getExteriorRing().getNumPoints());
            assertEquals(1, rect.getNumInteriorRing());
            assertEquals(5, rect.getInteriorRingN(0).getNumPoints());
            assertEquals(500_020, rect.getEnvelopeInternal().getMinX());
            assertEquals(4_000_000 - 130, rect.getEnvelopeInternal().getMinY());
            assertEquals("field", ones.get(0).properties().get("class"));
            assertEquals("classes", ones.get(0).properties().get("image"));
            assertEquals(100, ones.get(1).geometry().getArea(), 1e-9);
            VectorLayer.Feature l2 = ofValue(l, 2).get(0);
            assertEquals(2400, l2.geometry().getArea(), 1e-9);
            assertEquals(7, ((Polygon) l2.geometry()).getExteriorRing().getNumPoints()); // an L: 6 corners
            assertEquals(900, ofValue(l, 3).get(0).geometry().getArea(), 1e-9);
            for (VectorLayer.Feature f : l.features()) {
                assertTrue(f.geometry().isValid());
            }
        }
        for (int i = 0; i < big.features().size(); i++) {
            Geometry a = big.features().get(i).geometry().norm();
            Geometry b = small.features().get(i).geometry().norm();
            assertTrue(a.equalsExact(b), a + " vs " + b);
        }
        // Without a value map, every valid value is a class: 0 (the background, with holes) too.
        VectorLayer all = run(16, Map.of());
        double total = all.features().stream().mapToDouble(f -> f.geometry().getArea()).sum();
        assertEquals(40 * 29 * 100, total, 1e-6);
        assertNull(all.features().get(0).properties().get("class"));
    }

    @Test
    void sameAreasAsGdalPolygonize() throws Exception {
        Gdal.require();
        Path gdalOut = dir.resolve("gdal.gpkg");
        Gdal.run("/usr/bin/python3", "-m", "osgeo_utils.gdal_polygonize", "-q", classes.toString(), "-f", "GPKG",
                gdalOut.toString(), "polys", "value");
        String sums = Gdal.run("ogrinfo", "-q", "-dialect", "SQLite", "-sql",
                "SELECT value, COUNT(*) AS n, SUM(ST_Area(geom)) AS a FROM polys GROUP BY value ORDER BY value",
                gdalOut.toString());
        VectorLayer ours = run(16, Map.of());
        for (long v : new long[] {0, 1, 2, 3}) {
            List<VectorLayer.Feature> fs = ofValue(ours, v);
            double area = fs.stream().mapToDouble(f -> f.geometry().getArea()).sum();
            String expected = "value (Integer) = " + v + "\n  n (Integer) = " + fs.size() + "\n  a (Real) = "
                    + (long) area + "\n";
            assertTrue(sums.replace("\r", "").contains(expected), "GDAL: " + sums + "\nexpected: " + expected);
        }
    }

    @Test
    void expressionMinSizeAndBuffer() throws Exception {
        Path out = dir.resolve("big.geojson");
        assertEquals(0, RadnormCli.run("vectorize", "-q", "-i", classes.toString(), "-o", out.toString(),
                "--expression", "b1 >= 1 & b1 <= 3", "--min-size", ">20", "--value-map", "1=object", "--window", "16"));
        VectorLayer l = VectorLayers.read(out.toString(), new Configuration());
        assertEquals(2, l.features().size()); // the rectangle and the L; not the square (9) nor the pixel (1)
        assertEquals(32633, l.crs().epsg());
        assertEquals("object", l.features().get(0).properties().get("class"));
        // The 95th percentile of {114, 1, 24, 9} keeps only the rectangle.
        VectorLayer top = Vectorization.builder().input(classes.toString()).expression(BandExpression.parse("b1 > 0 & b1 < 4"))
                .minSize(SizeThreshold.parse(">95%")).build().run(spark);
        assertEquals(1, top.features().size());
        assertEquals(11400, top.features().get(0).geometry().getArea(), 1e-9);
        // A 5 m buffer grows the 30 m square to (30 + 10)^2 minus the rounded corners' loss.
        VectorLayer grown = Vectorization.builder().input(classes.toString()).valueMap(Map.of(3L, "roof"))
                .buffer(5).build().run(spark);
        assertEquals(1, grown.features().size());
        assertEquals(900 + 4 * 30 * 5 + Math.PI * 25, grown.features().get(0).geometry().getArea(), 1);
    }

    @Test
    void nonIntegerValuesNeedAnExpression() throws Exception {
        Path in = Files.createDirectories(dir.resolve("float"));
        SyntheticScenes.write(in.resolve("f.tif"), DataType.FLOAT32, 1, 0, 0, 20, 20, 1.001, 0, -9999.0, null);
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = RadnormCli.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        Path out = dir.resolve("f.gpkg");
        assertEquals(1, cl.execute("vectorize", "-q", "-i", in.toString(), "-o", out.toString()));
        assertTrue(err.toString().contains("f.tif: band 1 has the non-integer value"), err.toString());
        assertTrue(!Files.exists(out));
    }

    /**
     * A PIF mask from vectorize, fed to global --mask: B = 2·truth + 10 carries a cloud (3000); the
     * clear pixels of B (b1 < 2500) vectorized and used as an include mask keep the cloud out of
     * the statistics, so B's gain relative to A is exactly 0.5 again.
     */
    @Test
    void pifMaskFeedsGlobalStatistics() throws Exception {
        Path in = Files.createDirectories(dir.resolve("pif-in"));
        SyntheticScenes.write(in.resolve("A.tif"), DataType.FLOAT32, 1, 0, 0, 200, 150, 1, 0, -9999.0, null);
        Path bOnly = Files.createDirectories(dir.resolve("pif-b"));
        SyntheticScenes.write(bOnly.resolve("B.tif"), DataType.FLOAT32, 1, 120, 30, 180, 160, 2, 10, -9999.0,
                new int[] {20, 30, 30, 30}, 3000.0);
        Files.copy(bOnly.resolve("B.tif"), in.resolve("B.tif"));
        Path pif = dir.resolve("pif.gpkg");
        assertEquals(0, RadnormCli.run("vectorize", "-q", "-i", bOnly.toString(), "-o", pif.toString(),
                "--expression", "b1 < 2500", "--value-map", "1=pif", "--window", "64"));
        VectorLayer l = VectorLayers.read(pif.toString(), new Configuration());
        assertEquals(1, l.features().size());
        assertEquals((180 * 160 - 30 * 30) * 100.0, l.features().get(0).geometry().getArea(), 1e-6);

        VectorMask include = VectorMask.of(MaskMode.INCLUDE, l);
        GlobalModel masked = GlobalRegression.builder().input(in.toString()).modelImages(ModelImageSelection.include("A"))
                .mask(include).build().run(spark);
        assertEquals(0.5, masked.gainOffset("B", 0).gain(), 1e-6);
        assertEquals(-5, masked.gainOffset("B", 0).offset(), 1e-3);
        assertEquals(180 * 160 - 30 * 30, masked.statistics().whole().get("B").get(0).count());
        // The same through the CLI.
        java.io.StringWriter text = new java.io.StringWriter();
        picocli.CommandLine cl = RadnormCli.commandLine();
        cl.setOut(new java.io.PrintWriter(text));
        assertEquals(0, cl.execute("global", "-q", "-i", in.toString(), "--model-images", "include", "A",
                "--mask", "include", pif.toString()));
        assertTrue(text.toString().matches("(?s).*\\nB +1 +0\\.500000 +-5\\.0000.*"), text.toString());
    }
}
