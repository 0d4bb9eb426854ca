package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.CodecTestData.hex;
import static io.radnorm.raster.tiff.codec.CodecTestData.lcg;
import static io.radnorm.raster.tiff.codec.CodecTestData.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * TIFF LZW against streams worked out by hand and streams written by GDAL 3.6.2 / libtiff 4.5.0
 * ({@code gdal_translate -co COMPRESS=LZW} of a one-row Byte raster, strip bytes extracted).
 */
class LzwCodecTest {

    private static final TiffCodec LZW = Compression.LZW.codec(-1);

    /**
     * 7,7,7,8,8,7,7,6,6 encodes as the 9-bit codes Clear, 7, 258 (7,7), 8, 8, 258, 6, 6, EOI:
     * <pre>
     * 100000000 000000111 100000010 000001000 000001000 100000010 000000110 000000110 100000001
     * </pre>
     * which, padded with zero bits to 11 bytes, is also exactly what GDAL writes.
     */
    private static final byte[] SHORT_INPUT = {7, 7, 7, 8, 8, 7, 7, 6, 6};
    private static final byte[] SHORT_STREAM = hex("80 01 E0 40 80 44 08 0C 06 80 80");

    @Test
    void decodesHandDerivedStream() throws IOException {
        byte[] out = new byte[9];

        assertEquals(9, LZW.decode(SHORT_STREAM, 0, SHORT_STREAM.length, out, 0, 9));
        assertArrayEquals(SHORT_INPUT, out);
    }

    @Test
    void encodesHandDerivedStream() {
        assertArrayEquals(SHORT_STREAM, LZW.encode(SHORT_INPUT, 0, SHORT_INPUT.length));
    }

    @Test
    void emptyBlockIsJustEoi() throws IOException {
        byte[] encoded = LZW.encode(new byte[0], 0, 0);

        assertArrayEquals(hex("80 80"), encoded);
        assertEquals(0, LZW.decode(encoded, 0, encoded.length, new byte[4], 0, 4));
    }

    @Test
    void matchesGdalOnARampWithStringsUpToEightBytes() throws IOException {
        byte[] ramp = new byte[64];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) (i / 8);
        }
        byte[] gdal = hex("80 00 20 50 38 10 06 0d 07 83 00 a1 50 b8 50 0e 1d 0f 87 01 22 51 38 90 16 2d 17 8b"
                + " 01 a3 51 b8 d0 1e 3d 1f 8f 40 40");
        byte[] out = new byte[64];

        assertArrayEquals(gdal, LZW.encode(ramp, 0, ramp.length));
        assertEquals(64, LZW.decode(gdal, 0, gdal.length, out, 0, 64));
        assertArrayEquals(ramp, out);
    }

    /**
     * 8192 random bytes fill the 4094-entry table twice, so the stream has Clear codes in the
     * middle and codes of every width from 9 to 12 bits. GDAL's strip is 11176 bytes; its SHA-256
     * is the literal below.
     */
    @Test
    void resetsTheTableWhenFullLikeLibtiff() throws IOException {
        byte[] data = lcg(8192, 1);

        byte[] encoded = LZW.encode(data, 0, data.length);
        byte[] out = new byte[data.length];

        assertEquals(11176, encoded.length);
        assertEquals("511d506b77941c4ffe1b5e3acafeae34a2ad15f2a25c13b424b0b1cef68785fc", sha256(encoded));
        assertEquals(data.length, LZW.decode(encoded, 0, encoded.length, out, 0, out.length));
        assertArrayEquals(data, out);
    }

    /**
     * A ramp, noise, then a faster ramp (80000 bytes): the table fills slowly on the ramps, so
     * libtiff's every-10000-bytes compression-ratio check decides when to clear. GDAL's strip is
     * 53249 bytes with the SHA-256 below.
     */
    @Test
    void clearsOnFallingCompressionRatioLikeLibtiff() throws IOException {
        byte[] data = new byte[80_000];
        for (int i = 0; i < 30_000; i++) {
            data[i] = (byte) (i / 64);
        }
        System.arraycopy(lcg(30_000, 7), 0, data, 30_000, 30_000);
        for (int i = 0; i < 20_000; i++) {
            data[60_000 + i] = (byte) (i / 16);
        }

        byte[] encoded = LZW.encode(data, 0, data.length);
        byte[] out = new byte[data.length];

        assertEquals(53249, encoded.length);
        assertEquals("e61fe380e922367e55229da0176897b960d37f74ac46f5cbbf413674e2205a7c", sha256(encoded));
        assertEquals(data.length, LZW.decode(encoded, 0, encoded.length, out, 0, out.length));
        assertArrayEquals(data, out);
    }

    @Test
    void decodesStreamNotStartingWithClear() throws IOException {
        // SHORT_STREAM without its leading 9-bit Clear: 7, 258, 8, 8, 258, 6, 6, EOI.
        byte[] stream = hex("03 C0 81 00 88 10 18 0D 01");
        byte[] out = new byte[9];

        assertEquals(9, LZW.decode(stream, 0, stream.length, out, 0, 9));
        assertArrayEquals(SHORT_INPUT, out);
    }
}
