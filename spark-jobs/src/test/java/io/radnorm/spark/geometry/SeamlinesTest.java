package io.radnorm.spark.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.cli.RadnormCli;
import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.vector.VectorLayer;
import io.radnorm.raster.vector.VectorLayers;
import io.radnorm.testing.SparkTest;
import io.radnorm.testing.SyntheticScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.CoverageUnion;

/** {@code radnorm seamlines} on the sample mosaics: a gap-free, overlap-free coverage, one piece per image. */
class SeamlinesTest {

    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkTest.session();
    }

    /** The coverage rules, checked against the footprints computed the same way. */
    private static void assertCoverage(Map<String, Geometry> seams, Map<String, Polygon> footprints, double grid) {
        assertEquals(footprints.keySet(), seams.keySet());
        GeometryFactory gf = new GeometryFactory();
        Geometry[] pieces = seams.values().toArray(Geometry[]::new);
        Geometry[] invalid = CoverageValidator.validate(pieces);
        for (Geometry g : invalid) {
            assertNull(g, "not a valid coverage: " + g);
        }
        Geometry union = gf.buildGeometry(new ArrayList<Geometry>(footprints.values())).union();
        Geometry covered = CoverageUnion.union(gf.createGeometryCollection(pieces));
        // Footprints are snapped to the grid: area moves by at most half a grid cell along the boundary.
        double tolerance = union.getLength() * grid / 2 + 1e-9 * union.getArea();
        assertEquals(0, union.symDifference(covered).getArea(), tolerance, "pieces do not cover the footprints");
        double sum = seams.values().stream().mapToDouble(Geometry::getArea).sum();
        assertEquals(covered.getArea(), sum, 1e-9 * sum, "pieces overlap");
        for (Map.Entry<String, Geometry> e : seams.entrySet()) {
            assertTrue(e.getValue() instanceof Polygon, e.getKey() + " is one polygon");
            Polygon footprint = footprints.get(e.getKey());
            assertTrue(e.getValue().covers(footprint.getCentroid()), e.getKey() + " does not hold its centroid");
            assertTrue(footprint.buffer(grid).covers(e.getValue()), e.getKey() + " leaves its footprint");
        }
    }

    @Test
    void mosaicRectangles() throws Exception {
        Path out = dir.resolve("mosaic-seams.gpkg");
        String in = TestData.sample("mosaic").toString();
        assertEquals(0, RadnormCli.run("seamlines", "-q", "-i", in, "-o", out.toString(), "--min-point-spacing", "5"));
        Map<String, Geometry> seams = Seamlines.read(out.toString(), new Configuration());
        assertEquals(Set.of("wv_ne", "wv_nw", "wv_se", "wv_sw"), seams.keySet());
        Map<String, Polygon> footprints = Footprints.compute(spark, GeoInputs.read(spark, List.of(in)), null,
                Footprints.DEFAULT_MAX_SIZE, null);
        // The crops are valid everywhere: each footprint is its image's bounds.
        for (RasterInfo r : GeoInputs.read(spark, List.of(in))) {
            assertEquals(r.bounds().getArea(), footprints.get(r.name()).getArea(), 1e-6 * r.bounds().getArea());
        }
        assertCoverage(seams, footprints, 5.0 / 1000);
        // The centre of the mosaic, covered by all four images, lies near a seam of every piece.
        VectorLayer layer = VectorLayers.read(out.toString(), new Configuration());
        assertEquals(32610, layer.crs().epsg());
    }

    @Test
    void quadrantsWithNodataCorners() throws Exception {
        String in = TestData.sample("quadrants").toString();
        VectorLayer layer = Seamlines.builder().input(in).footprintSize(100).minPointSpacing(300.0).build().run(spark);
        Map<String, Geometry> seams = layer.features().stream().collect(java.util.stream.Collectors.toMap(
                        f -> (String) f.properties().get("image"), VectorLayer.Feature::geometry, (a, b) -> a,
                        java.util.LinkedHashMap::new));
        Map<String, Polygon> footprints = Footprints.compute(spark, GeoInputs.read(spark, List.of(in)), null, 100, null);
        for (Polygon f : footprints.values()) { // nodata corners cut the footprints well inside the bounds
            assertTrue(f.getNumPoints() > 5);
        }
        assertCoverage(seams, footprints, 300.0 / 1000);
        // Their CRS (user-defined GeoKeys, no EPSG code) cannot be named in a vector file: refused up front.
        Path out = dir.resolve("quadrant-seams.geojson");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = RadnormCli.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        assertEquals(1, cl.execute("seamlines", "-q", "-i", in, "-o", out.toString()));
        assertTrue(err.toString().contains("rgb1.tif: its CRS has no EPSG code"), err.toString());
        assertTrue(!Files.exists(out));
    }

    @Test
    void gdalReadsTheSeamlines() throws Exception {
        Gdal.require();
        Path out = dir.resolve("seams-gdal.gpkg");
        assertEquals(0, RadnormCli.run("seamlines", "-q", "-i", TestData.sample("mosaic").toString(), "-o",
                out.toString()));
        String info = Gdal.run("ogrinfo", "-al", "-so", out.toString());
        assertTrue(info.contains("Feature Count: 4"), info);
        assertTrue(info.contains("image: String"), info);
        String valid = Gdal.run("ogrinfo", "-q", "-dialect", "SQLite", "-sql",
                "SELECT SUM(ST_IsValid(geom)) AS v FROM seamlines", out.toString());
        assertTrue(valid.contains("v (Integer) = 4"), valid);
    }

    /** Footprints from an overview level and from decimated reads agree with the known valid area. */
    @Test
    void footprintsFromOverviewsAndDecimatedReads() throws Exception {
        Path f = dir.resolve("framed.tif");
        // 300 x 200, nodata in the first 20 columns and the last 40 rows: valid 280 x 160.
        SyntheticScenes.write(f, DataType.UINT16, 1, 0, 0, 300, 200, 1, 0, 0.0, new int[] {0, 0, 20, 200});
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            assertTrue(r.overviewCount() >= 2, "the synthetic COG has overviews (64-pixel tiles)");
        }
        Path g = dir.resolve("framed2.tif");
        SyntheticScenes.write(g, DataType.UINT16, 1, 0, 0, 300, 200, 1, 0, 0.0, new int[] {0, 160, 300, 40});
        double px = SyntheticScenes.PIXEL;
        for (int maxSize : new int[] {1024, 75, 100, 60}) {
            try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
                Footprints.Result res = Footprints.footprint(r, r.info(), 0, maxSize);
                Geometry fp = new org.locationtech.jts.io.WKBReader().read(res.wkb());
                // Column 20 and row 160 are multiples of every step used (1, 4, 4 = 2 x 2, 5).
                assertEquals(280 * 200 * px * px, fp.getArea(), 1e-6, "maxSize " + maxSize);
                if (maxSize == 75) {
                    assertTrue(res.level() > 0, "an overview matches step 4");
                }
            }
            try (GeoTiffReader r = GeoTiffReader.open(g.toString())) {
                Geometry fp = new org.locationtech.jts.io.WKBReader().read(Footprints.footprint(r, r.info(), 0, maxSize).wkb());
                assertEquals(300 * 160 * px * px, fp.getArea(), 1e-6, "maxSize " + maxSize);
            }
        }
    }
}
