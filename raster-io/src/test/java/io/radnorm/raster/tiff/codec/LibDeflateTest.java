package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.CodecTestData.repetitive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The libdeflate bridge writes zlib streams that the JDK's zlib reads back exactly and reads the
 * JDK's streams, and {@link DeflateCodec} keeps zlib's semantics at the edges (a stream longer
 * than the block). Under CI ({@code RADNORM_NATIVE_REQUIRED=1}) the bridge must have been built
 * and loaded; elsewhere these tests are skipped where it could not be built.
 */
class LibDeflateTest {

    @BeforeEach
    void bridgeLoaded() {
        if ("1".equals(System.getenv("RADNORM_NATIVE_REQUIRED"))) {
            assertTrue(LibDeflate.isAvailable(), LibDeflate.unavailableReason());
        }
        assumeTrue(LibDeflate.isAvailable(), () -> "libdeflate bridge not available: " + LibDeflate.unavailableReason());
    }

    /** Samples like a 16-bit image row after predictor 2: small differences, some structure. */
    private static byte[] imageLike(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ((i % 2 == 0) ? (i * 7 >>> 5) % 13 - 6 : (i >>> 11) & 1);
        }
        return b;
    }

    @Test
    void libdeflateStreamsInflateWithJdkZlib() throws DataFormatException {
        for (int level : new int[] {1, 6, 9}) {
            for (byte[] data : new byte[][] {new byte[0], new byte[] {42}, imageLike(512 * 512 * 2), repetitive(100_000)}) {
                byte[] packed = Compression.DEFLATE.codec(level).encode(data, 0, data.length);

                Inflater inflater = new Inflater();
                inflater.setInput(packed);
                byte[] out = new byte[data.length + 16];
                int n = inflater.inflate(out);
                assertTrue(inflater.finished(), "level " + level + ", " + data.length + " bytes: one whole stream");
                inflater.end();
                assertEquals(data.length, n);
                assertArrayEquals(data, Arrays.copyOf(out, n));
            }
        }
    }

    @Test
    void jdkZlibStreamsDecodeThroughLibdeflate() throws IOException {
        byte[] data = imageLike(300_001);
        Deflater deflater = new Deflater(6);
        deflater.setInput(data);
        deflater.finish();
        byte[] packed = new byte[data.length + 1024];
        int len = deflater.deflate(packed);
        deflater.end();

        byte[] out = new byte[data.length + 7];
        int n = LibDeflate.zlibDecompress(LibDeflate.decompressor(), packed, 0, len, out, 3, data.length);

        assertEquals(data.length, n);
        assertArrayEquals(data, Arrays.copyOfRange(out, 3, 3 + data.length));
        assertEquals(0, out[0]);
    }

    @Test
    void levelIsHonoured() {
        byte[] data = imageLike(512 * 512 * 2);

        int fast = Compression.DEFLATE.codec(1).encode(data, 0, data.length).length;
        int best = Compression.DEFLATE.codec(9).encode(data, 0, data.length).length;

        assertTrue(best < fast, "level 9 (" + best + " bytes) beats level 1 (" + fast + ")");
    }

    @Test
    void streamLongerThanTheBlockFillsTheBlockLikeZlib() throws IOException {
        byte[] data = imageLike(10_000);
        byte[] packed = Compression.DEFLATE.codec(6).encode(data, 0, data.length);

        byte[] out = new byte[4_000];
        int n = Compression.DEFLATE.codec(-1).decode(packed, 0, packed.length, out, 0, out.length);

        assertEquals(4_000, n);
        assertArrayEquals(Arrays.copyOf(data, 4_000), out);
    }

    @Test
    void eachThreadHasItsOwnState() throws Exception {
        long here = LibDeflate.compressor(1);
        long[] there = new long[1];
        Thread t = new Thread(() -> there[0] = LibDeflate.compressor(1));
        t.start();
        t.join();

        assertEquals(here, LibDeflate.compressor(1), "reused within a thread");
        assertTrue(there[0] != 0 && there[0] != here, "another thread, another compressor");
    }
}
