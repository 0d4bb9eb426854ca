package io.radnorm.spark.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.global.ModelImageSelection;
import io.radnorm.algorithms.stats.Moments;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.testing.SparkTest;
import io.radnorm.testing.SyntheticScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global regression job in local[2] on synthetic overlapping images with known distortions. */
class GlobalRegressionJobTest {

    @TempDir
    static Path dir;
    static Path in;
    static SparkSession spark;

    @BeforeAll
    static void scenes() throws IOException {
        spark = SparkTest.session();
        in = Files.createDirectories(dir.resolve("in"));
        // A is the truth; B = 2·truth + 10 overlaps A; C = 0.5·truth − 3 overlaps B only. Float32: no rounding.
        SyntheticScenes.write(in.resolve("A.tif"), DataType.FLOAT32, 2, 0, 0, 200, 150, 1, 0, -9999.0, null);
        SyntheticScenes.write(in.resolve("B.tif"), DataType.FLOAT32, 2, 120, 30, 180, 160, 2, 10, -9999.0,
                new int[] {10, 10, 7, 9});
        SyntheticScenes.write(in.resolve("C.tif"), DataType.FLOAT32, 2, 250, 100, 150, 140, 0.5, -3, -9999.0, null);
    }

    private static GlobalModel solve(int cellPixels, ModelImageSelection models) throws IOException {
        return GlobalRegression.builder().input(in.toString()).cellPixels(cellPixels).modelImages(models).build()
                .run(spark);
    }

    @Test
    void recoversKnownGainsWithOneModelImage() throws IOException {
        GlobalModel m = solve(64, ModelImageSelection.include("A"));
        for (int b = 0; b < 2; b++) {
            assertGainOffset(1, 0, m.gainOffset("A", b));
            assertGainOffset(0.5, -5, m.gainOffset("B", b));
            assertGainOffset(2, 6, m.gainOffset("C", b));
        }
        assertTrue(m.unanchoredImages().isEmpty());
    }

    @Test
    void statisticsDoNotDependOnTheCellSize() throws IOException {
        GlobalModel small = solve(37, ModelImageSelection.ALL);
        GlobalModel large = solve(4096, ModelImageSelection.ALL);
        for (String name : List.of("A", "B", "C")) {
            for (int b = 0; b < 2; b++) {
                Moments s = small.statistics().whole().get(name).get(b);
                Moments l = large.statistics().whole().get(name).get(b);
                assertEquals(l.count(), s.count());
                assertEquals(l.mean(), s.mean(), 1e-9 * Math.abs(l.mean()));
                assertEquals(l.std(), s.std(), 1e-9 * l.std());
                assertEquals(large.gainOffset(name, b).gain(), small.gainOffset(name, b).gain(), 1e-9);
            }
        }
        assertEquals(2, large.statistics().overlaps().size(), "A~B and B~C overlap, A~C do not");
        // B's 7x9 nodata hole is excluded from its whole statistics.
        assertEquals(180 * 160 - 63, large.statistics().whole().get("B").get(0).count());
    }

    @Test
    void appliedOutputsMatchTheTruthWhereTheModelSaysSo() throws IOException {
        GlobalModel m = solve(128, ModelImageSelection.include("A"));
        Path out = dir.resolve("out");
        GlobalRegression.apply(spark, m, out.toString(), null, CogOptions.defaults().withTileSize(64));
        try (GeoTiffReader c = GeoTiffReader.open(out.resolve("C_Global.tif").toString());
             GeoTiffReader b = GeoTiffReader.open(out.resolve("B_Global.tif").toString())) {
            Raster rc = c.read(Window.of(150, 140));
            assertEquals(SyntheticScenes.scene(1, 250 + 17, 100 + 33), rc.get(1, 17, 33), 1e-3);
            Raster rb = b.read(new Window(10, 10, 7, 9));
            assertEquals(-9999.0, rb.get(0, 3, 3), "nodata stays nodata");
            assertEquals(-9999.0, b.info().nodata());
        }
    }

    @Test
    void savedStatisticsAreReusedForKnownImages() throws IOException {
        Path ab = Files.createDirectories(dir.resolve("ab"));
        Files.copy(in.resolve("A.tif"), ab.resolve("A.tif"));
        Files.copy(in.resolve("B.tif"), ab.resolve("B.tif"));
        GlobalModel first = GlobalRegression.builder().input(ab.toString()).build().run(spark);
        String json = dir.resolve("ab.json").toString();
        AdjustmentsJson.write(first, json, spark.sparkContext().hadoopConfiguration());

        GlobalModel resumed = GlobalRegression.builder().input(in.toString()).loadStatistics(json).build().run(spark);
        GlobalModel full = GlobalRegression.builder().input(in.toString()).build().run(spark);
        for (String name : List.of("A", "B", "C")) {
            for (int b = 0; b < 2; b++) {
                assertEquals(full.gainOffset(name, b).gain(), resumed.gainOffset(name, b).gain(), 1e-9);
                assertEquals(full.gainOffset(name, b).offset(), resumed.gainOffset(name, b).offset(), 1e-6);
            }
        }
    }

    @Test
    void adjustmentsFileErrorsNameTheKey() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"A\": {\"whole_stats\": {\"band_0\": {\"mean\": 1, \"std\": 2, \"size\": 3}}}}");
        IOException e = assertThrows(IOException.class,
                () -> AdjustmentsJson.read(bad.toString(), spark.sparkContext().hadoopConfiguration(), 2));
        assertEquals(bad + ": image 'A' whole_stats: missing object 'band_1'", e.getMessage());
    }

    private static void assertGainOffset(double gain, double offset, GainOffset actual) {
        assertEquals(gain, actual.gain(), 1e-6 * Math.abs(gain), "gain");
        assertEquals(offset, actual.offset(), 1e-4, "offset");
    }
}
