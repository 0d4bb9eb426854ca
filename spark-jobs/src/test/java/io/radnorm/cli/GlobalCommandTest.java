package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import io.radnorm.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radnorm global} then {@code radnorm stats compare} end to end on the Landsat sample set. */
class GlobalCommandTest {

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();

    @BeforeAll
    static void spark() {
        SparkTest.session();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void globalShrinksTheSeamsOfTheLandsatTimeSeriesAndWritesValidCogs() throws Exception {
        Path landsat = TestData.shared("landsat");
        Path output = dir.resolve("out");
        assertEquals(0, run("global", "--input", landsat.toString(), "--output", output + "/$_Global.tif",
                "--save-adjustments", dir.resolve("adj.json").toString()), cli.err());
        try (var files = Files.list(output)) {
            assertEquals(5, files.filter(p -> p.toString().endsWith("_Global.tif")).count());
        }
        JsonNode adj = new ObjectMapper().readTree(dir.resolve("adj.json").toFile());
        assertEquals(5, adj.size());
        assertTrue(adj.get("Landsat_20210326").get("adjustments").get("band_10").has("scale"));
        assertTrue(adj.get("Landsat_20210326").get("overlap_stats").has("Landsat_20250422"));

        Path seams = dir.resolve("seams.json");
        assertEquals(0, run("stats", "compare", "--before", landsat.toString(), "--after", output.toString(),
                "--json", seams.toString()), cli.err());
        JsonNode summary = new ObjectMapper().readTree(seams.toFile()).get("summary");
        double before = summary.get("before").get("rmse").asDouble();
        double after = summary.get("after").get("rmse").asDouble();
        assertTrue(after < 0.8 * before, "RMSE over overlaps falls: " + before + " -> " + after);
        assertTrue(cli.out().contains("overall (pixel-weighted)"));

        Gdal.require();
        Path first = output.resolve("Landsat_20210326_Global.tif");
        assertTrue(Gdal.validateCog(first).contains("is a valid cloud optimized GeoTIFF"));
        String info = Gdal.run("gdalinfo", first.toString());
        assertTrue(info.contains("LAYOUT=COG") && info.contains("NoData Value=0") && info.contains("ID[\"EPSG\",32605]"),
                info);
    }

    @Test
    void mismatchedBandCountsAreOneLineNamingBothFiles() {
        Path rgb = TestData.sample("quadrants/rgb1.tif");
        Path landsat = TestData.shared("landsat/Landsat_20210326.tif");
        assertEquals(RadnormCli.EXIT_FAILED, run("global", "--input", rgb + "," + landsat, "--quiet"));
        String e = cli.err().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains(rgb.toString()) && e.contains(landsat.toString()), e);
    }

    @Test
    void refusingUnanchoredImagesNamesThem() throws Exception {
        Path q = TestData.sample("quadrants");
        int code = run("global", "--input", q.toString(), "--model-images", "include", "rgb1",
                "--unanchored", "refuse", "--nodata", "0");
        // The quadrants overlap in a chain through rgb1, so all are anchored: refusing changes nothing.
        assertEquals(0, code, cli.err());
        Path lone = dir.resolve("lone");
        Files.createDirectories(lone);
        Files.copy(q.resolve("rgb1.tif"), lone.resolve("rgb1.tif"));
        Files.copy(TestData.shared("landsat/Landsat_20210326.tif"), lone.resolve("far.tif"));
        // Different CRS: refused before any statistics, naming both files.
        assertEquals(RadnormCli.EXIT_FAILED, run("global", "--input", lone.toString()));
        assertTrue(cli.err().contains("CRSs differ") || cli.err().contains("band counts differ"),
                cli.err());
    }

    @Test
    void denseAndSparseSolversGiveTheSameAdjustments() throws Exception {
        Path mosaic = TestData.sample("mosaic");
        Path dense = dir.resolve("dense.json");
        Path sparse = dir.resolve("sparse.json");
        assertEquals(0, run("global", "--input", mosaic.toString(), "--solver", "dense",
                "--save-adjustments", dense.toString()), cli.err());
        assertEquals(0, run("global", "--input", mosaic.toString(), "--solver", "sparse",
                "--save-adjustments", sparse.toString()), cli.err());
        JsonNode d = new ObjectMapper().readTree(dense.toFile());
        JsonNode s = new ObjectMapper().readTree(sparse.toFile());
        int compared = 0;
        for (var image = d.fields(); image.hasNext(); ) {
            var e = image.next();
            for (var band = e.getValue().get("adjustments").fields(); band.hasNext(); ) {
                var b = band.next();
                for (String k : new String[] {"scale", "offset"}) {
                    double expected = b.getValue().get(k).asDouble();
                    double actual = s.get(e.getKey()).get("adjustments").get(b.getKey()).get(k).asDouble();
                    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), e.getKey() + " " + b.getKey() + " " + k);
                    compared++;
                }
            }
        }
        assertEquals(4 * 8 * 2, compared);
        assertEquals(RadnormCli.EXIT_USAGE, run("global", "--input", mosaic.toString(), "--solver", "lsqr"));
        assertTrue(cli.err().contains("--solver must be"), cli.err());
    }
}
