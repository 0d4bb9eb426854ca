package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radnorm.raster.DataType;
import io.radnorm.raster.tiff.codec.Compression;
import org.junit.jupiter.api.Test;

/** {@link CogOptions} defaults and validation, and how {@link Predictor} resolves per type and compression. */
class CogWriterOptionsTest {

    @Test
    void defaultsAreGdalCogWithDeflateAndPredictor() {
        CogOptions d = CogOptions.defaults();
        assertEquals(512, d.tileSize());
        assertEquals(Compression.DEFLATE, d.compression());
        assertEquals(-1, d.level());
        assertEquals(Predictor.AUTO, d.predictor());
        assertEquals(OverviewResampling.AVERAGE, d.resampling());
        assertEquals(512, d.minOverviewSize());
        assertEquals(BigTiffMode.AUTO, d.bigTiff());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads());
        assertEquals(null, d.spillDir());
    }

    @Test
    void minOverviewSizeFollowsTileSizeUnlessSet() {
        assertEquals(256, CogOptions.defaults().withTileSize(256).minOverviewSize());
        assertEquals(100, CogOptions.defaults().withMinOverviewSize(100).withTileSize(256).minOverviewSize());
        CogOptions o = CogOptions.defaults().withCompression(Compression.ZSTD).withLevel(3).withThreads(1)
                .withBigTiff(BigTiffMode.YES).withResampling(OverviewResampling.NEAREST).withSpillDir("/tmp/x");
        assertEquals(new CogOptions(512, Compression.ZSTD, 3, Predictor.AUTO, OverviewResampling.NEAREST, 512,
                BigTiffMode.YES, 1, "/tmp/x"), o);
    }

    @Test
    void invalidValuesAreRejected() {
        CogOptions d = CogOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withTileSize(100)); // not a multiple of 16
        assertThrows(IllegalArgumentException.class, () -> d.withTileSize(0));
        assertThrows(IllegalArgumentException.class, () -> d.withTileSize(32768));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> d.withMinOverviewSize(0));
        assertThrows(IllegalArgumentException.class, () -> d.withLevel(-2));
        assertThrows(IllegalArgumentException.class, () -> d.withLevel(99)); // Deflate accepts 0..9
        assertThrows(NullPointerException.class, () -> d.withCompression(null));
    }

    @Test
    void predictorResolution() {
        assertEquals(2, Predictor.AUTO.tagValue(DataType.UINT16, Compression.DEFLATE));
        assertEquals(2, Predictor.AUTO.tagValue(DataType.INT8, Compression.LZW));
        assertEquals(3, Predictor.AUTO.tagValue(DataType.FLOAT32, Compression.ZSTD));
        assertEquals(3, Predictor.AUTO.tagValue(DataType.FLOAT64, Compression.DEFLATE));
        assertEquals(1, Predictor.AUTO.tagValue(DataType.FLOAT64, Compression.NONE));
        assertEquals(1, Predictor.AUTO.tagValue(DataType.UINT8, Compression.PACKBITS));
        assertEquals(1, Predictor.NONE.tagValue(DataType.UINT8, Compression.DEFLATE));
        assertEquals(2, Predictor.HORIZONTAL.tagValue(DataType.FLOAT32, Compression.DEFLATE));
        assertThrows(IllegalArgumentException.class, () -> Predictor.FLOATING_POINT.tagValue(DataType.INT32, Compression.ZSTD));
        assertThrows(IllegalArgumentException.class, () -> Predictor.HORIZONTAL.tagValue(DataType.INT32, Compression.NONE));
    }
}
