package io.radnorm.raster.fs;

import java.io.IOException;
import java.io.OutputStream;

/** Deterministic test content: the byte at offset {@code i} is a fixed function of {@code i}. */
final class TestBytes {

    private TestBytes() {
    }

    /** The byte at {@code offset}; not periodic with any power of two, so misplaced reads show. */
    static byte at(long offset) {
        return (byte) ((offset * 31) ^ (offset >>> 9) ^ (offset / 251));
    }

    static byte[] range(long offset, int len) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = at(offset + i);
        }
        return b;
    }

    static void write(OutputStream out, long length) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (long pos = 0; pos < length; pos += chunk.length) {
            int n = (int) Math.min(chunk.length, length - pos);
            for (int i = 0; i < n; i++) {
                chunk[i] = at(pos + i);
            }
            out.write(chunk, 0, n);
        }
    }
}
