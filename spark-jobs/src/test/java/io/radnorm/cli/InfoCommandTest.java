package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

    private static final Path SAMPLES = Path.of(System.getProperty("radnorm.repoRoot", "..")).resolve("data/sample");

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
    void describesTheQuadrantsAndTheirOverlaps() {
        int code = run("info", "--input", SAMPLES.resolve("quadrants").toString());
        String text = cli.out();
        assertEquals(0, code, cli.err());
        assertTrue(text.matches("(?s).*rgb1\\s+400x400\\s+3 Byte\\s+0\\s+strips of 6 rows.*"), text);
        assertTrue(text.contains("rgb4                         392x319"), text);
        assertTrue(text.contains("overlaps (6 pairs):"), text);
        assertTrue(text.contains("rgb1 ∩ rgb2: 1 x 400 pixels"), text);
    }

    @Test
    void aMissingFileIsOneLineNamingItAndExitCodeOne() {
        String missing = dir.resolve("missing.tif").toString();
        int code = run("info", missing);
        assertEquals(RadnormCli.EXIT_FAILED, code);
        String e = cli.err().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("radnorm: error: " + missing + ": no such file"), e);
    }

    @Test
    void aBadRasterAmongGoodOnesIsNamedAndFailsTheRun() throws Exception {
        Path bad = dir.resolve("bad.tif");
        Files.writeString(bad, "not a tiff");
        int code = run("info", SAMPLES.resolve("quadrants/rgb1.tif") + "," + bad);
        assertEquals(RadnormCli.EXIT_FAILED, code);
        assertTrue(cli.out().contains("rgb1"), "the good raster is still described");
        assertTrue(cli.err().contains(bad + ": not a TIFF file"), cli.err());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(RadnormCli.EXIT_USAGE, run("info", "--no-such-option"));
        assertEquals(RadnormCli.EXIT_USAGE, run("no-such-command"));
    }
}
