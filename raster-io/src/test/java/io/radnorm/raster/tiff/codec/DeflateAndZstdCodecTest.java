package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.CodecTestData.hex;
import static io.radnorm.raster.tiff.codec.CodecTestData.repetitive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Deflate and ZSTD decode blocks written by GDAL 3.6.2 ({@code gdal_translate -co COMPRESS=...}
 * of a one-row Byte raster holding 0,0,..,0,1,..,1,...,7: eight of each value) and honour their
 * level parameter.
 */
class DeflateAndZstdCodecTest {

    private static final byte[] RAMP = new byte[64];

    static {
        for (int i = 0; i < RAMP.length; i++) {
            RAMP[i] = (byte) (i / 8);
        }
    }

    @Test
    void decodesGdalDeflateBlock() throws IOException {
        byte[] gdal = hex("78 9c 63 80 02 46 28 60 82 02 66 28 60 81 02 56 28 60 83 02 76 28 00 00 12 30 00 e1");
        byte[] out = new byte[64];

        assertEquals(64, Compression.DEFLATE.codec(-1).decode(gdal, 0, gdal.length, out, 0, 64));
        assertArrayEquals(RAMP, out);
    }

    @Test
    void decodesGdalZstdBlock() throws IOException {
        byte[] gdal = hex("28 b5 2f fd 00 60 05 01 00 b0 00 01 02 03 04 05 06 06 06 06 06 06 06 06 07 07 07 07 07"
                + " 07 07 07 06 64 01 b0 c3 01 04 42 06");
        byte[] out = new byte[64];

        assertEquals(64, Compression.ZSTD.codec(-1).decode(gdal, 0, gdal.length, out, 0, 64));
        assertArrayEquals(RAMP, out);
    }

    @Test
    void deflateLevelIsApplied() {
        byte[] data = repetitive(100_000);

        int stored = Compression.DEFLATE.codec(0).encode(data, 0, data.length).length;
        int best = Compression.DEFLATE.codec(9).encode(data, 0, data.length).length;

        assertTrue(stored > data.length, "level 0 stores: " + stored);
        assertTrue(best < 1000, "level 9 compresses: " + best);
    }

    @Test
    void zstdLevelIsApplied() {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * i >>> 7 ^ i >>> 3);
        }

        int fast = Compression.ZSTD.codec(1).encode(data, 0, data.length).length;
        int strong = Compression.ZSTD.codec(19).encode(data, 0, data.length).length;

        assertTrue(strong < fast, "level 19 (" + strong + ") beats level 1 (" + fast + ")");
    }
}
