package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.CodecTestData.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PackBitsCodecTest {

    private static final TiffCodec PACKBITS = Compression.PACKBITS.codec(-1);

    /** The example of TIFF 6.0, section 9. */
    private static final byte[] SPEC_PACKED = hex("FE AA 02 80 00 2A FD AA 03 80 00 2A 22 F7 AA");
    private static final byte[] SPEC_UNPACKED =
            hex("AA AA AA 80 00 2A AA AA AA AA 80 00 2A 22 AA AA AA AA AA AA AA AA AA AA");

    @Test
    void decodesSpecificationExample() throws IOException {
        byte[] out = new byte[SPEC_UNPACKED.length];

        assertEquals(24, PACKBITS.decode(SPEC_PACKED, 0, SPEC_PACKED.length, out, 0, out.length));
        assertArrayEquals(SPEC_UNPACKED, out);
    }

    @Test
    void encodesSpecificationExampleAsTheSpecificationDoes() {
        assertArrayEquals(SPEC_PACKED, PACKBITS.encode(SPEC_UNPACKED, 0, SPEC_UNPACKED.length));
    }

    @Test
    void decodesGdalBlockWithTwoByteReplicateRun() throws IOException {
        // libtiff packs uint16 1000, 1001, 1003, 1000, 65535, 0, 2, 2 (little-endian) like this.
        byte[] gdal = hex("07 e8 03 e9 03 eb 03 e8 03 ff ff ff 00 03 02 00 02 00");
        byte[] out = new byte[16];

        assertEquals(16, PACKBITS.decode(gdal, 0, gdal.length, out, 0, 16));
        assertArrayEquals(hex("e8 03 e9 03 eb 03 e8 03 ff ff 00 00 02 00 02 00"), out);
    }

    @Test
    void splitsRunsLongerThan128() {
        // 128 + 128 + 44 zeros: headers -127 (0x81), -127, -43 (0xD5).
        assertArrayEquals(hex("81 00 81 00 D5 00"), PACKBITS.encode(new byte[300], 0, 300));
    }

    @Test
    void skipsNoOpHeader() throws IOException {
        byte[] packed = hex("80 00 41 80");
        byte[] out = new byte[1];

        assertEquals(1, PACKBITS.decode(packed, 0, packed.length, out, 0, 1));
        assertEquals(0x41, out[0]);
    }
}
