package io.radnorm.raster.tiff.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Test inputs shared by the codec tests. */
final class CodecTestData {

    private CodecTestData() {
    }

    /** Parses space-separated hex bytes, as printed by Python's {@code bytes.hex(' ')}. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Long runs of a few values: the best case for every codec. */
    static byte[] repetitive(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((i / 100) % 3);
        }
        return b;
    }

    /**
     * The C library's classic rand() LCG, so that Python can generate the same bytes for GDAL:
     * {@code x = (x * 1103515245 + 12345) mod 2^31; byte = (x >> 16) & 0xFF}.
     */
    static byte[] lcg(int n, int seed) {
        byte[] b = new byte[n];
        int x = seed;
        for (int i = 0; i < n; i++) {
            x = (x * 1103515245 + 12345) & 0x7fffffff;
            b[i] = (byte) (x >> 16);
        }
        return b;
    }
}
