package io.radnorm.raster.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CompressionTest {

    @Test
    void tagValues() {
        assertEquals(1, Compression.NONE.tagValue());
        assertEquals(5, Compression.LZW.tagValue());
        assertEquals(8, Compression.DEFLATE.tagValue());
        assertEquals(32773, Compression.PACKBITS.tagValue());
        assertEquals(50000, Compression.ZSTD.tagValue());
    }

    @Test
    void fromTagInvertsTagValue() throws Exception {
        for (Compression c : Compression.values()) {
            assertEquals(c, Compression.fromTag(c.tagValue()));
        }
    }

    @Test
    void adobeDeflateReadsAsDeflate() throws Exception {
        assertEquals(Compression.DEFLATE, Compression.fromTag(32946));
    }

    @Test
    void unsupportedSchemesAreNamed() {
        assertEquals("unsupported TIFF compression 7 (JPEG)", rejected(7).getMessage());
        assertEquals("unsupported TIFF compression 34887 (LERC)", rejected(34887).getMessage());
        assertEquals("unsupported TIFF compression 4 (CCITT Group 4 fax)", rejected(4).getMessage());
        assertEquals("unsupported TIFF compression 0 (unknown)", rejected(0).getMessage());
        assertEquals(50001, rejected(50001).tag());
    }

    private static UnsupportedCompressionException rejected(int tag) {
        return assertThrows(UnsupportedCompressionException.class, () -> Compression.fromTag(tag));
    }

    @Test
    void parseIgnoresCase() {
        assertEquals(Compression.NONE, Compression.parse("none"));
        assertEquals(Compression.LZW, Compression.parse("LZW"));
        assertEquals(Compression.DEFLATE, Compression.parse("Deflate"));
        assertEquals(Compression.PACKBITS, Compression.parse("packBits"));
        assertEquals(Compression.ZSTD, Compression.parse("zstd"));
    }

    @Test
    void parseRejectsOtherNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compression.parse("jpeg"));
        assertEquals("unknown compression 'jpeg'; expected one of none, lzw, deflate, packbits, zstd", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Compression.parse(null));
    }

    @Test
    void levelsAreCheckedPerScheme() {
        assertThrows(IllegalArgumentException.class, () -> Compression.DEFLATE.codec(10));
        assertThrows(IllegalArgumentException.class, () -> Compression.DEFLATE.codec(-2));
        assertThrows(IllegalArgumentException.class, () -> Compression.ZSTD.codec(0));
        assertThrows(IllegalArgumentException.class, () -> Compression.ZSTD.codec(23));
        // Schemes without levels ignore them.
        assertNotNull(Compression.LZW.codec(9));
        assertNotNull(Compression.PACKBITS.codec(3));
    }
}
