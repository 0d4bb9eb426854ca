package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radnorm.raster.testing.TestData;
import io.radnorm.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats compare} pairs each --after image with its --before image by name, not by sorted
 * position: "a_1_Normalized" sorts before "a_Normalized" while "a" sorts before "a_1".
 */
class StatsCommandTest {

    @TempDir
    Path dir;

    @Test
    void afterImagesArePairedByName() throws Exception {
        SparkTest.session();
        Path before = Files.createDirectories(dir.resolve("before")), after = Files.createDirectories(dir.resolve("after"));
        String[][] files = {{"wv_ne", "a"}, {"wv_nw", "a_1"}, {"wv_se", "b"}};
        for (String[] f : files) {
            Path src = TestData.sample("mosaic").resolve(f[0] + ".tif");
            Files.copy(src, before.resolve(f[1] + ".tif"));
            Files.copy(src, after.resolve(f[1] + "_Normalized.tif")); // unchanged: the metric must not change
        }
        Path json = dir.resolve("seams.json");
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_OK, cli.run("stats", "compare", "--before", before.toString(), "--after",
                after.toString(), "--json", json.toString(), "--quiet"), cli.err());
        JsonNode pairs = new ObjectMapper().readTree(json.toFile()).get("pairs");
        assertEquals(3, pairs.size(), pairs.toString()); // the three crops overlap pairwise
        for (JsonNode pair : pairs) { // every pair's after metric is its own before metric
            for (JsonNode band : pair.get("bands")) {
                assertTrue(band.get("pixels").asLong() > 0, pair.toString());
                assertEquals(band.get("before").toString(), band.get("after").toString(), pair.toString());
            }
        }

        Files.copy(TestData.sample("mosaic").resolve("wv_sw.tif"), after.resolve("c_Normalized.tif"));
        CliSession unmatched = new CliSession();
        assertEquals(RadnormCli.EXIT_FAILED, unmatched.run("stats", "compare", "--before", before.toString(), "--after",
                after.toString(), "--quiet"));
        assertTrue(unmatched.err().contains("c_Normalized.tif matches no --before file"), unmatched.err());
    }
}
