package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.codec.Compression;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overview sizes and pixels: hand-computed literals, and long pyramids streamed through many strips. */
class CogWriterOverviewTest {

    @TempDir
    Path dir;

    /** 5×3 UInt16 with nodata 0 at (1,1). */
    private static Raster literal() {
        return Raster.wrap(DataType.UINT16, 5, 3, 1, new short[] {
            10, 20, 30, 40, 50,
            11, 0, 31, 44, 7,
            1, 2, 3, 4, (short) 65535});
    }

    private GeoTiffReader write(Raster src, Double nodata, CogOptions opts, String name) throws Exception {
        Path f = dir.resolve(name);
        CogWriter.write(RasterSource.of(src), new GeoMetadata(null, null, nodata), f.toString(), null, opts);
        return GeoTiffReader.open(f.toString());
    }

    private static double[] level(GeoTiffReader r, int level) throws Exception {
        GridSize s = r.levelSize(level);
        return r.readLevel(level, Window.of(s.width(), s.height()), 0).bandAsDoubles(0);
    }

    @Test
    void averageOfValidPixelsRoundedToNearest() throws Exception {
        CogOptions opts = CogOptions.defaults().withTileSize(16).withMinOverviewSize(1).withThreads(1);
        try (GeoTiffReader r = write(literal(), 0.0, opts, "avg.tif")) {
            CogTestData.assertLevels(r, List.of(new GridSize(5, 3), new GridSize(3, 2), new GridSize(2, 1),
                    new GridSize(1, 1)));
            assertArrayEquals(new double[] {
                14, // (10 + 20 + 11) / 3 = 13.67: the nodata 0 is left out, not averaged in
                36, // (30 + 40 + 31 + 44) / 4 = 36.25
                29, // right edge, one column: (50 + 7) / 2 = 28.5, a tie, rounds away from zero
                2,  // bottom edge, one row: (1 + 2) / 2 = 1.5
                4,  // (3 + 4) / 2 = 3.5
                65535}, level(r, 1), 0);
            assertArrayEquals(new double[] {14, 32782}, level(r, 2), 0); // (14+36+2+4)/4, (29+65535)/2
            assertArrayEquals(new double[] {16398}, level(r, 3), 0);     // (14 + 32782) / 2
        }
    }

    @Test
    void cellWithoutValidPixelsIsNodataAndNanIsNeverAveraged() throws Exception {
        float nan = Float.NaN;
        Raster src = Raster.wrap(DataType.FLOAT32, 4, 2, 1, new float[] {
            1.5f, nan, -1, -1,
            2.5f, 3.0f, -1, -1});
        CogOptions opts = CogOptions.defaults().withTileSize(16).withMinOverviewSize(1).withThreads(1);
        try (GeoTiffReader r = write(src, -1.0, opts, "nan.tif")) {
            assertArrayEquals(new double[] {(float) (7.0 / 3), -1}, level(r, 1), 0);
            assertArrayEquals(new double[] {(float) (7.0 / 3)}, level(r, 2), 0);
        }
        // Without a nodata value, a cell of NaNs stays NaN.
        Raster nans = Raster.wrap(DataType.FLOAT64, 2, 2, 1, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        try (GeoTiffReader r = write(nans, null, opts, "nans.tif")) {
            assertEquals(Double.NaN, level(r, 1)[0]);
        }
    }

    @Test
    void nearestTakesTopLeftSample() throws Exception {
        CogOptions opts = CogOptions.defaults().withTileSize(16).withMinOverviewSize(1)
                .withResampling(OverviewResampling.NEAREST).withThreads(1);
        try (GeoTiffReader r = write(literal(), 0.0, opts, "nearest.tif")) {
            assertArrayEquals(new double[] {10, 30, 50, 1, 3, 65535}, level(r, 1), 0);
            assertArrayEquals(new double[] {10, 50}, level(r, 2), 0);
            assertArrayEquals(new double[] {10}, level(r, 3), 0);
        }
    }

    @Test
    void levelSizesHalveRoundingUpUntilBothSidesFit() {
        assertEquals(List.of(new GridSize(300, 200), new GridSize(150, 100), new GridSize(75, 50)),
                CogWriter.levelSizes(300, 200, 128));
        assertEquals(List.of(new GridSize(512, 512)), CogWriter.levelSizes(512, 512, 512));
        assertEquals(List.of(new GridSize(513, 10), new GridSize(257, 5)), CogWriter.levelSizes(513, 10, 512));
        // A long strip keeps halving (the short side stops at 1) until the long side fits.
        assertEquals(List.of(new GridSize(1, 40), new GridSize(1, 20), new GridSize(1, 10)),
                CogWriter.levelSizes(1, 40, 10));
    }

    /**
     * A tall odd-sized image in small tiles: each level is assembled from many strips of the level
     * above, with odd heights deep in the pyramid; every level must still be the exact reduction
     * of the level above it, and the full resolution bit-identical.
     */
    @Test
    void deepPyramidStreamedThroughManyStrips() throws Exception {
        for (OverviewResampling mode : OverviewResampling.values()) {
            Raster src = CogTestData.random(DataType.INT16, 301, 777, 2, 99);
            CogOptions opts = CogOptions.defaults().withTileSize(32).withMinOverviewSize(3)
                    .withCompression(Compression.ZSTD).withResampling(mode).withThreads(2);
            try (GeoTiffReader r = write(src, -7.0, opts, "deep-" + mode + ".tif")) {
                List<GridSize> sizes = CogWriter.levelSizes(301, 777, 3);
                assertEquals(List.of(new GridSize(301, 777), new GridSize(151, 389), new GridSize(76, 195),
                        new GridSize(38, 98), new GridSize(19, 49), new GridSize(10, 25), new GridSize(5, 13),
                        new GridSize(3, 7), new GridSize(2, 4), new GridSize(1, 2)), sizes);
                CogTestData.assertLevels(r, sizes);
                CogTestData.assertBitIdentical(src, r.read(Window.of(301, 777)));
                Raster above = src;
                for (int l = 1; l < sizes.size(); l++) {
                    Raster level = r.readLevel(l, Window.of(sizes.get(l).width(), sizes.get(l).height()), 0, 1);
                    if (mode == OverviewResampling.AVERAGE) {
                        CogTestData.assertAverageOf(above, -7.0, level, "level " + l);
                    } else {
                        for (int b = 0; b < 2; b++) {
                            for (int y = 0; y < level.height(); y++) {
                                for (int x = 0; x < level.width(); x++) {
                                    assertEquals(above.get(b, 2 * x, 2 * y), level.get(b, x, y),
                                            "level " + l + " band " + b + " (" + x + "," + y + ")");
                                }
                            }
                        }
                    }
                    above = level;
                }
            }
        }
    }
}
