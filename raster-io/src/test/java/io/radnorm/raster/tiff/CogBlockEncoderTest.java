package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.tiff.codec.Compression;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A COG encoded block by block ({@link CogBlockEncoder}, every stage, blocks in any order) and
 * assembled from the part files ({@link CogAssembler}) is byte for byte the file {@link CogWriter}
 * writes from the same pixels: tiles, overviews (nodata-aware averages across block edges), header.
 */
class CogBlockEncoderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        // type, width, height, bands, tileSize, blockTiles, nodata
        "UINT16, 300, 211, 3, 16, 2, 0",      // 5 stages, odd sizes at every level
        "INT16, 517, 129, 2, 32, 4, -9999",
        "FLOAT32, 100, 90, 1, 16, 8, NaN",    // one block in stage 0
        "UINT8, 40, 33, 4, 16, 2, ",          // no nodata
        "FLOAT64, 64, 64, 1, 16, 2, 5",       // sizes that divide evenly
        "UINT8, 10, 7, 1, 16, 2, 0",          // smaller than a tile: no overview, one stage
    })
    void blockwiseEqualsWholeImageWriter(DataType type, int width, int height, int bands, int tileSize,
                                         int blockTiles, Double nodata) throws IOException {
        Raster img = CogTestData.random(type, width, height, bands, width * 31L + height);
        if (nodata != null) { // holes of nodata so the overview averages must skip them
            for (int i = 0; i < img.pixelsPerBand() * bands; i += 7) {
                img.setAt(i, nodata);
            }
        }
        GeoMetadata meta = new GeoMetadata(GeoTransform.northUp(500000, 4100000, 10, 10), Crs.fromEpsg(32633), nodata);
        CogOptions opts = CogOptions.defaults().withTileSize(tileSize).withCompression(Compression.DEFLATE)
                .withThreads(1);
        Path expected = dir.resolve("expected.tif");
        CogWriter.write(RasterSource.of(img), meta, expected.toString(), null, opts);

        CogPlan plan = new CogPlan(width, height, bands, type, meta, opts, blockTiles);
        List<CogBlock> blocks = encodeAll(plan, RasterSource.of(img));
        Path actual = dir.resolve("actual.tif");
        CogSummary s = CogAssembler.write(plan, blocks, actual.toString(), new Configuration(), true);

        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual));
        assertEquals(Files.size(actual), s.length());
        assertEquals(plan.levelCount(), s.levels().size());
    }

    @ParameterizedTest
    @CsvSource({"1000, 1000, 16, 2", "300, 5000, 16, 4"})
    void stagesShrinkToOneBlock(int width, int height, int tileSize, int blockTiles) {
        CogPlan plan = new CogPlan(width, height, 1, DataType.UINT8, GeoMetadata.none(),
                CogOptions.defaults().withTileSize(tileSize), blockTiles);
        int last = plan.stageCount() - 1;
        assertEquals(plan.levelCount() - 1, plan.topLevel(last));
        assertTrue(plan.blocksAcross(last) * plan.blocksDown(last) <= blockTiles * blockTiles);
        for (int s = 0; s < last; s++) {
            assertEquals(plan.tilesAcross(plan.topLevel(s)), plan.blocksAcross(s));
            assertEquals(plan.tilesDown(plan.topLevel(s)), plan.blocksDown(s));
        }
    }

    /** Every stage in turn, its blocks in reverse order (order must not matter), each to its own part file. */
    private List<CogBlock> encodeAll(CogPlan plan, RasterSource image) throws IOException {
        CogBlockEncoder encoder = new CogBlockEncoder(plan);
        List<CogBlock> all = new ArrayList<>();
        Map<String, CogBlock> previous = new HashMap<>();
        for (int stage = 0; stage < plan.stageCount(); stage++) {
            Map<String, CogBlock> current = new HashMap<>();
            Map<String, CogBlock> prev = previous;
            RasterSource source = stage == 0 ? image : CogBlockEncoder.passUpSource(plan, stage, (tx, ty) -> {
                CogBlock b = prev.get(tx + "," + ty);
                byte[] part = Files.readAllBytes(Path.of(b.part()));
                byte[] raw = java.util.Arrays.copyOfRange(part, (int) b.passUp(),
                        (int) b.passUp() + CogBlockEncoder.passUpBytes(plan, b));
                return CogBlockEncoder.readPassUp(plan, b, raw);
            });
            for (int by = plan.blocksDown(stage) - 1; by >= 0; by--) {
                for (int bx = plan.blocksAcross(stage) - 1; bx >= 0; bx--) {
                    Path part = dir.resolve("part-" + stage + "-" + bx + "-" + by);
                    try (OutputStream os = Files.newOutputStream(part)) {
                        CogBlock b = encoder.encode(stage, bx, by, source, os, part.toString());
                        current.put(bx + "," + by, b);
                        all.add(b);
                    }
                }
            }
            previous = current;
        }
        return all;
    }
}
