package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.codec.Compression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every data type × compression × predictor × band count written and read back: full resolution
 * bit-identical, overview sizes as GDAL's COG driver makes them, overview pixels equal to an
 * independently computed 2×2 average.
 */
class CogWriterRoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (DataType type : DataType.values()) {
            for (Compression c : Compression.values()) {
                for (Predictor p : new Predictor[] {Predictor.NONE, Predictor.AUTO}) {
                    for (int bands : new int[] {1, 3}) {
                        cases.add(Arguments.of(type, c, p, bands));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} predictor {2} bands {3}")
    @MethodSource("cases")
    void roundTrip(DataType type, Compression compression, Predictor predictor, int bands) throws Exception {
        // 300x200 in 128-pixel tiles: partial edge tiles, and two overviews (150x100, 75x50).
        Raster src = CogTestData.random(type, 300, 200, bands, type.ordinal() * 1000L + compression.ordinal() * 10 + bands);
        Double nodata = type.isFloatingPoint() ? Double.NaN : Double.valueOf(type.minValue() == 0 ? 0 : -1);
        CogOptions opts = CogOptions.defaults().withTileSize(128).withCompression(compression)
                .withPredictor(predictor).withThreads(2).withSpillDir(dir.resolve("spill").toString());
        Path out = dir.resolve(type + "-" + compression + "-" + predictor + "-" + bands + ".tif");

        CogSummary summary = CogWriter.write(RasterSource.of(src), new GeoMetadata(null, null, nodata),
                out.toString(), null, opts);

        List<GridSize> sizes = List.of(new GridSize(300, 200), new GridSize(150, 100), new GridSize(75, 50));
        assertEquals(sizes, summary.levels());
        int expectedPredictor = predictor == Predictor.NONE || !Predictor.supportedBy(compression) ? 1
                : type.isFloatingPoint() ? 3 : 2;
        assertEquals(expectedPredictor, summary.predictor());
        try (GeoTiffReader r = GeoTiffReader.open(out.toString())) {
            assertEquals(compression, r.info().layout().compression());
            assertEquals(expectedPredictor, r.info().layout().predictor());
            assertTrue(r.info().layout().cog(), "ghost header declares a COG");
            assertEquals(summary.length(), r.structure().length());
            CogTestData.assertBitIdentical(src, r.read(Window.of(300, 200)));
            CogTestData.assertLevels(r, sizes);

            int[] all = bands == 1 ? new int[] {0} : new int[] {0, 1, 2};
            Raster level1 = r.readLevel(1, Window.of(150, 100), all);
            CogTestData.assertAverageOf(src, nodata, level1, "level 1");
            // Level 2 is computed from level 1 as written (GDAL's way), not from full resolution.
            CogTestData.assertAverageOf(level1, nodata, r.readLevel(2, Window.of(75, 50), all), "level 2");
            // A window across tile boundaries of the full resolution.
            Window w = new Window(100, 90, 150, 70);
            CogTestData.assertBitIdentical(src.crop(w), r.read(w));
        }
        assertEquals(List.of(), CogTestData.filesUnder(dir.resolve("spill")), "spill files left behind");
    }
}
