package io.radnorm.spark.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.global.ModelImageSelection;
import io.radnorm.algorithms.mask.MaskMode;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.raster.DataType;
import io.radnorm.raster.vector.VectorLayers;
import io.radnorm.testing.SparkTest;
import io.radnorm.testing.SyntheticScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vector mask keeps a cloud out of the statistics, so the known gains are recovered anyway. */
class MaskedStatisticsTest {

    @TempDir
    static Path dir;
    static Path in;
    static Path cloudMask;
    static SparkSession spark;

    @BeforeAll
    static void scenes() throws IOException {
        spark = SparkTest.session();
        in = Files.createDirectories(dir.resolve("in"));
        SyntheticScenes.write(in.resolve("A.tif"), DataType.FLOAT32, 1, 0, 0, 200, 150, 1, 0, -9999.0, null);
        // B = 2·truth + 10, with a bright "cloud" over scene x 140..170, y 60..90 (B pixels 20..50, 30..60).
        SyntheticScenes.write(in.resolve("B.tif"), DataType.FLOAT32, 1, 120, 30, 180, 160, 2, 10, -9999.0,
                new int[] {20, 30, 30, 30}, 3000.0);
        // The cloud's footprint in map coordinates (scene pixel x → 500000 + 10x, y → 4000000 − 10y), a bit wider.
        cloudMask = dir.resolve("clouds.geojson");
        Files.writeString(cloudMask, """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "EPSG:32633"}},
                 "features": [{"type": "Feature", "properties": {"kind": "cloud"},
                   "geometry": {"type": "Polygon", "coordinates": [[[501380, 3999080], [501720, 3999080],
                     [501720, 3999420], [501380, 3999420], [501380, 3999080]]]}}]}
                """);
    }

    @Test
    void excludingTheCloudRecoversTheTrueGain() throws IOException {
        VectorMask exclude = VectorMask.of(MaskMode.EXCLUDE, VectorLayers.read(cloudMask.toString(),
                spark.sparkContext().hadoopConfiguration()));
        GlobalModel masked = GlobalRegression.builder().input(in.toString()).modelImages(ModelImageSelection.include("A"))
                .mask(exclude).build().run(spark);
        GlobalModel unmasked = GlobalRegression.builder().input(in.toString())
                .modelImages(ModelImageSelection.include("A")).build().run(spark);

        assertEquals(0.5, masked.gainOffset("B", 0).gain(), 1e-6);
        assertEquals(-5, masked.gainOffset("B", 0).offset(), 1e-3);
        assertTrue(Math.abs(unmasked.gainOffset("B", 0).gain() - 0.5) > 0.05,
                "without the mask the cloud skews the gain: " + unmasked.gainOffset("B", 0));
        long maskedPixels = 34 * 34; // the polygon reaches 2 pixels beyond the cloud on every side
        assertEquals(180 * 160 - maskedPixels, masked.statistics().whole().get("B").get(0).count());
    }
}
