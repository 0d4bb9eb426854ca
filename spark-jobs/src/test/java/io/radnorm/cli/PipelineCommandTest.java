package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.testing.TestData;
import io.radnorm.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radnorm pipeline} and {@code radnorm local} end to end on the Landsat sample set. */
class PipelineCommandTest {

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

    private double rmse(String before, String after) throws Exception {
        Path json = Files.createTempFile(dir, "seams", ".json");
        assertEquals(0, run("stats", "compare", "--before", before, "--after", after, "--json", json.toString()),
                cli.err());
        return new ObjectMapper().readTree(json.toFile()).get("summary").get("after").get("rmse").asDouble();
    }

    @Test
    void seamsFallAfterGlobalAndAgainAfterThePipeline() throws Exception {
        String landsat = TestData.shared("landsat").toString();
        Path g = dir.resolve("global"), p = dir.resolve("pipeline");
        assertEquals(0, run("global", "-i", landsat, "-o", g.toString()), cli.err());
        assertEquals(0, run("pipeline", "-i", landsat, "-o", p.toString(),
                "--save-block-maps", dir.resolve("ref.tif").toString(), dir + "/maps/$_blocks.tif"), cli.err());
        assertTrue(cli.out().contains("block grid: 18 rows x 27 columns"), cli.out());

        double input = rmse(landsat, landsat); // "after" of a set with itself: the input's own seams
        double afterGlobal = rmse(landsat, g.toString());
        double afterPipeline = rmse(landsat, p.toString());
        assertTrue(afterGlobal < 0.8 * input, input + " -> global " + afterGlobal);
        assertTrue(afterPipeline < 0.8 * afterGlobal, "global " + afterGlobal + " -> pipeline " + afterPipeline);

        try (GeoTiffReader r = GeoTiffReader.open(dir.resolve("ref.tif").toString())) {
            RasterInfo ref = r.info();
            assertEquals(27, ref.width());
            assertEquals(18, ref.height());
            assertEquals(11, ref.bandCount());
            assertEquals(DataType.FLOAT32, ref.dataType());
            assertEquals(32605, ref.crs().epsg());
        }
        assertTrue(Files.exists(dir.resolve("maps/Landsat_20210326_blocks.tif")));
    }

    @Test
    void localBringsImagesToASavedReferenceMap() throws Exception {
        String landsat = TestData.shared("landsat").toString();
        Path ref = dir.resolve("ref.tif");
        assertEquals(0, run("local", "-i", landsat, "--blocks", "6x9", "--save-block-maps", ref.toString()),
                cli.err());
        Path out1 = dir.resolve("one");
        assertEquals(0, run("local", "-i", landsat + "/Landsat_20230503.tif", "--load-block-maps", ref.toString(),
                "-o", out1.toString()), cli.err());
        assertTrue(cli.out().contains("block grid: 6 rows x 9 columns"), cli.out());
        assertTrue(Files.exists(out1.resolve("Landsat_20230503_Local.tif")));
    }

    @Test
    void badBlocksOptionIsAnError() {
        assertEquals(RadnormCli.EXIT_FAILED, run("pipeline", "-i", "x.tif", "--blocks", "lots"));
        assertTrue(cli.err().contains("--blocks takes N"), cli.err());
    }
}
