package io.radnorm.spark.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.local.LocalAdjustmentSettings;
import io.radnorm.algorithms.local.LocalCorrectionMethod;
import io.radnorm.algorithms.local.ReferenceMode;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.global.GlobalModel;
import io.radnorm.spark.global.GlobalRegression;
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

/** The pipeline job in local[2]: equivalence with global then local, and windowing invariance. */
class PipelineJobTest {

    @TempDir
    static Path dir;
    static Path in;
    static SparkSession spark;

    @BeforeAll
    static void scenes() throws IOException {
        spark = SparkTest.session();
        in = Files.createDirectories(dir.resolve("in"));
        SyntheticScenes.write(in.resolve("A.tif"), DataType.FLOAT32, 2, 0, 0, 260, 200, 1, 0, -9999.0, null);
        SyntheticScenes.write(in.resolve("B.tif"), DataType.FLOAT32, 2, 150, 60, 240, 220, 1.3, 25, -9999.0,
                new int[] {30, 40, 20, 10});
        SyntheticScenes.write(in.resolve("C.tif"), DataType.FLOAT32, 2, 40, 170, 250, 160, 0.8, -12, -9999.0, null);
    }

    private static Raster read(Path file) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return r.read(Window.of(r.info().width(), r.info().height()));
        }
    }

    @Test
    void pipelineEqualsGlobalFollowedByLocal() throws IOException {
        LocalAdjustmentSettings linear = LocalAdjustmentSettings.DEFAULT.withMethod(LocalCorrectionMethod.LINEAR);
        Path direct = dir.resolve("direct");
        PipelineModel model = Pipeline.builder().input(in.toString()).blocks(BlockLayout.fixed(4, 5))
                .localSettings(linear).build().run(spark);
        Pipeline.apply(spark, model, direct.toString(), Pipeline.DEFAULT_OUTPUT_TEMPLATE, DataType.FLOAT64,
                CogOptions.defaults());

        Path globalOut = dir.resolve("global");
        GlobalModel g = GlobalRegression.builder().input(in.toString()).build().run(spark);
        GlobalRegression.apply(spark, g, globalOut.toString(), DataType.FLOAT64, CogOptions.defaults());
        Path twoStep = dir.resolve("twostep");
        PipelineModel local = Pipeline.builder().input(globalOut.toString()).global(false)
                .blocks(BlockLayout.fixed(4, 5)).localSettings(linear).build().run(spark);
        Pipeline.apply(spark, local, twoStep.toString(), Pipeline.LOCAL_OUTPUT_TEMPLATE, DataType.FLOAT64,
                CogOptions.defaults());

        for (String name : List.of("A", "B", "C")) {
            Raster a = read(direct.resolve(name + "_Normalized.tif"));
            Raster b = read(twoStep.resolve(name + "_Global_Local.tif"));
            double maxDiff = 0;
            for (int i = 0; i < a.pixelsPerBand() * a.bandCount(); i++) {
                maxDiff = Math.max(maxDiff, Math.abs(a.getAt(i) - b.getAt(i)));
            }
            // float64 intermediate: the only difference is the summation order of the statistics.
            assertTrue(maxDiff < 1e-6, name + ": pipeline and global+local differ by " + maxDiff);
        }
    }

    @Test
    void outputDoesNotDependOnWindowOrCellSize() throws IOException {
        Raster reference = null;
        for (int[] sizes : new int[][] {{128, 64}, {512, 1024}, {1024, 37}}) {
            int tile = sizes[0], cell = sizes[1];
            Path out = dir.resolve("win" + tile + "_" + cell);
            PipelineModel m = Pipeline.builder().input(in.toString()).cellPixels(Math.max(16, cell))
                    .blocks(BlockLayout.fixed(3, 3)).build().run(spark);
            Pipeline.apply(spark, m, out.toString(), Pipeline.DEFAULT_OUTPUT_TEMPLATE, DataType.INT16,
                    CogOptions.defaults().withTileSize(tile));
            Raster r = read(out.resolve("B_Normalized.tif"));
            if (reference == null) {
                reference = r;
            } else {
                assertTrue(reference.contentEquals(r), "tile " + tile + ", cell " + cell + " changed the output");
            }
        }
        assertEquals(-9999, reference.get(0, 35, 45), "B's nodata hole stays nodata");
    }

    @Test
    void imagesEqualOverTheirOverlapsAreLeftAloneByTheOverlapReference() throws IOException {
        Path same = Files.createDirectories(dir.resolve("same"));
        // Three crops of one scene, same radiometry, overlapping and cutting blocks in different places.
        SyntheticScenes.write(same.resolve("P.tif"), DataType.FLOAT32, 1, 0, 0, 200, 150, 1, 0, -9999.0, null);
        SyntheticScenes.write(same.resolve("Q.tif"), DataType.FLOAT32, 1, 130, 20, 170, 190, 1, 0, -9999.0, null);
        SyntheticScenes.write(same.resolve("R.tif"), DataType.FLOAT32, 1, 60, 120, 200, 100, 1, 0, -9999.0, null);
        for (ReferenceMode mode : ReferenceMode.values()) {
            Path out = dir.resolve("same-" + mode);
            PipelineModel m = Pipeline.builder().input(same.toString()).global(false).blocks(BlockLayout.fixed(5, 5))
                    .referenceMode(mode).build().run(spark);
            Pipeline.apply(spark, m, out.toString(), Pipeline.LOCAL_OUTPUT_TEMPLATE, null, CogOptions.defaults());
            double maxChange = 0;
            for (String name : List.of("P", "Q", "R")) {
                Raster before = read(same.resolve(name + ".tif")), after = read(out.resolve(name + "_Local.tif"));
                for (int i = 0; i < before.pixelsPerBand(); i++) {
                    maxChange = Math.max(maxChange, Math.abs(before.getAt(i) - after.getAt(i)));
                }
            }
            if (mode == ReferenceMode.OVERLAP) {
                assertTrue(maxChange < 1e-3, "overlap reference changed equal images by " + maxChange);
            } else {
                assertTrue(maxChange > 1, "the classic mean reference pulls partly covered blocks: " + maxChange);
            }
        }
    }

    @Test
    void anAllNodataImageIsSkipped() throws IOException {
        Path withEmpty = Files.createDirectories(dir.resolve("with-empty"));
        Files.copy(in.resolve("A.tif"), withEmpty.resolve("A.tif"));
        Files.copy(in.resolve("B.tif"), withEmpty.resolve("B.tif"));
        SyntheticScenes.write(withEmpty.resolve("E.tif"), DataType.FLOAT32, 2, 100, 100, 50, 50, 1, 0, -9999.0,
                new int[] {0, 0, 50, 50});
        Path out = dir.resolve("with-empty-out");
        PipelineModel m = Pipeline.builder().input(withEmpty.toString()).build().run(spark);
        var written = Pipeline.apply(spark, m, out.toString(), Pipeline.DEFAULT_OUTPUT_TEMPLATE, null,
                CogOptions.defaults());
        assertEquals(2, written.size());
        assertTrue(Files.exists(out.resolve("A_Normalized.tif")));
        assertTrue(!Files.exists(out.resolve("E_Normalized.tif")), "the all-nodata image is not written");
    }

    @Test
    void atEveryBlockCentreTheLocalMeanIsMappedOntoTheReference() throws IOException {
        PipelineModel m = Pipeline.builder().input(in.toString()).blocks(BlockLayout.fixed(4, 4))
                .referenceMode(ReferenceMode.MEAN).build().run(spark);
        int checked = 0;
        for (int i = 0; i < 3; i++) {
            var gt = m.images().info(i).geoTransform();
            var correction = m.localCorrections().get(i);
            for (int band = 0; band < 2; band++) {
                for (int block = 0; block < m.grid().blockCount(); block++) {
                    if (m.reference().isEmpty(band, block) || m.locals().get(i).isEmpty(band, block)) {
                        continue;
                    }
                    double cx = m.grid().centreX(m.grid().colOf(block)), cy = m.grid().centreY(m.grid().rowOf(block));
                    double local = m.locals().get(i).mean(band, block), ref = m.reference().mean(band, block);
                    double out = correction.apply(band, gt.col(cx, cy), gt.row(cx, cy), local);
                    assertEquals(ref, out, 1e-9 * Math.abs(ref), "image " + i + " band " + band + " block " + block);
                    checked++;
                }
            }
        }
        assertTrue(checked > 20, "checked " + checked + " block centres");
    }
}
