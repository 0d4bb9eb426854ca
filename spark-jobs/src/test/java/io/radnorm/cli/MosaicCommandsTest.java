package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radnorm align} then {@code radnorm merge} from the command line; bad input exits 1 with one line. */
class MosaicCommandsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SparkTest.session();
    }

    @Test
    void alignThenMerge() throws Exception {
        CliSession align = new CliSession();
        int code = align.run("align", "-i", TestData.sample("mosaic").toString(), "-o", dir.resolve("aligned") + "/",
                "--crs", "EPSG:32611", "--resolution", "3", "--tap", "--resampling", "bilinear", "-q");
        assertEquals(0, code, align.err());
        assertEquals(4, align.out().lines().filter(l -> l.startsWith("wrote ")).count(), align.out());
        RasterInfo one = GeoTiffReader.info(dir.resolve("aligned/wv_ne_Aligned.tif").toString(), null);
        assertEquals(32611, one.crs().epsg());
        assertEquals(3.0, one.geoTransform().pixelWidth());
        assertEquals(0.0, one.geoTransform().originX() % 3.0); // target-aligned

        CliSession merge = new CliSession();
        Path mosaic = dir.resolve("mosaic.tif");
        code = merge.run("merge", "-i", dir.resolve("aligned").toString(), "-o", mosaic.toString(), "--tile-size", "64",
                "--block-tiles", "2", "-q");
        assertEquals(0, code, merge.err());
        RasterInfo m = GeoTiffReader.info(mosaic.toString(), null);
        assertTrue(m.layout().cog(), "COG layout");
        assertEquals(8, m.bandCount());
        assertTrue(m.width() > one.width() && m.height() > one.height());
    }

    @Test
    void mergeOfDifferentCrsFailsWithOneLineAndNoOutput() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.copy(TestData.sample("mosaic/wv_ne.tif"), in.resolve("a.tif"));
        Files.copy(TestData.sample("quadrants/rgb1.tif"), in.resolve("b.tif"));
        CliSession s = new CliSession();
        Path out = dir.resolve("m.tif");
        int code = s.run("merge", "-i", in.toString(), "-o", out.toString());
        assertEquals(1, code);
        assertEquals(1, s.err().strip().lines().count(), s.err());
        assertTrue(s.err().contains("b.tif") && s.err().contains("align"), s.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("radnorm-tmp")));
        }
    }

    @Test
    void badResamplingIsAnError() {
        CliSession s = new CliSession();
        int code = s.run("align", "-i", TestData.sample("mosaic").toString(), "-o", dir.toString(),
                "--resampling", "lanczos");
        assertEquals(1, code);
        assertTrue(s.err().contains("unknown resampling 'lanczos'"), s.err());
    }
}
