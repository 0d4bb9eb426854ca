package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.ByteViews.NATIVE_LITTLE_ENDIAN;
import static io.radnorm.raster.tiff.codec.ByteViews.get16;
import static io.radnorm.raster.tiff.codec.ByteViews.get32;
import static io.radnorm.raster.tiff.codec.ByteViews.get64;
import static io.radnorm.raster.tiff.codec.ByteViews.reverseBytes;
import static io.radnorm.raster.tiff.codec.ByteViews.set16;
import static io.radnorm.raster.tiff.codec.ByteViews.set32;
import static io.radnorm.raster.tiff.codec.ByteViews.set64;

/**
 * TIFF predictor 3, the floating-point predictor of Adobe's TIFF Technical Note 3, on validated
 * arguments (see {@link Predictors}); the same transform as libtiff's fpDiff and fpAcc.
 * <p>
 * Encoding one row of {@code n} values of {@code bps} bytes:
 * <ol>
 * <li>shuffle: byte plane {@code p} (0 = most significant byte) of value {@code k} goes to
 * {@code row[p * n + k]}, so the row holds all sign/exponent bytes first and the noisy low
 * mantissa bytes last;</li>
 * <li>difference the whole row bytewise: {@code row[i] -= row[i - samplesPerPixel]}, running
 * from one plane into the next.</li>
 * </ol>
 * Floats are thereby compressed as bytes without any floating-point arithmetic, so the
 * transform is exactly reversible, NaN payloads and negative zero included.
 * <p>
 * The planes are most-significant-first whatever the file's byte order: TN3 has readers and
 * writers leave byte order to the predictor. Decoding therefore yields the values in the file's
 * byte order, which makes the decoded block look like any other uncompressed block of that file. (libtiff up to at least 4.5.0 writes big-endian predictor-3 files with the planes
 * reversed when running on a little-endian host, and cannot read them back itself; such files
 * are damaged, not a second convention.)
 * <p>
 * The shuffles work in the machine's byte order, and a block in the other order is swapped
 * after decoding or before encoding (see {@link ByteViews} for why). The shuffle needs a second
 * row buffer; one is allocated per call.
 */
final class FloatingPointPredictor {

    private FloatingPointPredictor() {
    }

    static void decode(byte[] b, int off, int rowBytes, int rows, int spp, int bps, boolean littleEndian) {
        byte[] planes = new byte[rowBytes];
        int n = rowBytes / bps;
        for (int r = 0, start = off; r < rows; r++, start += rowBytes) {
            accumulate(b, start, planes, rowBytes, spp);
            switch (bps) {
                case 2 -> unshuffle16(planes, n, b, start);
                case 4 -> unshuffle32(planes, n, b, start);
                case 8 -> unshuffle64(planes, n, b, start);
                default -> unshuffle(planes, n, bps, b, start);
            }
        }
        if (littleEndian != NATIVE_LITTLE_ENDIAN) {
            reverseBytes(b, off, rowBytes * rows, bps);
        }
    }

    static void encode(byte[] b, int off, int rowBytes, int rows, int spp, int bps, boolean littleEndian) {
        if (littleEndian != NATIVE_LITTLE_ENDIAN) {
            reverseBytes(b, off, rowBytes * rows, bps);
        }
        byte[] planes = new byte[rowBytes];
        int n = rowBytes / bps;
        for (int r = 0, start = off; r < rows; r++, start += rowBytes) {
            switch (bps) {
                case 2 -> shuffle16(b, start, planes, n);
                case 4 -> shuffle32(b, start, planes, n);
                case 8 -> shuffle64(b, start, planes, n);
                default -> shuffle(b, start, planes, n, bps);
            }
            difference(planes, b, start, rowBytes, spp);
        }
    }

    /** Undoes the bytewise differencing of one row, from {@code b} into {@code planes}. */
    private static void accumulate(byte[] b, int start, byte[] planes, int len, int spp) {
        if (spp == 1) {
            byte acc = 0;
            for (int i = 0; i < len; i++) {
                acc += b[start + i];
                planes[i] = acc;
            }
        } else {
            int head = Math.min(spp, len);
            System.arraycopy(b, start, planes, 0, head);
            for (int i = head; i < len; i++) {
                planes[i] = (byte) (planes[i - spp] + b[start + i]);
            }
        }
    }

    /** Differences one shuffled row bytewise, from {@code planes} into {@code b}. */
    private static void difference(byte[] planes, byte[] b, int start, int len, int spp) {
        int head = Math.min(spp, len);
        System.arraycopy(planes, 0, b, start, head);
        for (int i = head; i < len; i++) {
            b[start + i] = (byte) (planes[i] - planes[i - spp]);
        }
    }

    // The (un)shuffles work in the machine's byte order; decode and encode swap around them.

    private static void unshuffle16(byte[] p, int n, byte[] b, int start) {
        for (int k = 0; k < n; k++) {
            set16(b, start + 2 * k, (short) ((p[k] & 0xFF) << 8 | (p[n + k] & 0xFF)));
        }
    }

    private static void unshuffle32(byte[] p, int n, byte[] b, int start) {
        for (int k = 0; k < n; k++) {
            int v = (p[k] & 0xFF) << 24 | (p[n + k] & 0xFF) << 16 | (p[2 * n + k] & 0xFF) << 8
                    | (p[3 * n + k] & 0xFF);
            set32(b, start + 4 * k, v);
        }
    }

    private static void unshuffle64(byte[] p, int n, byte[] b, int start) {
        for (int k = 0; k < n; k++) {
            int hi = (p[k] & 0xFF) << 24 | (p[n + k] & 0xFF) << 16 | (p[2 * n + k] & 0xFF) << 8
                    | (p[3 * n + k] & 0xFF);
            int lo = (p[4 * n + k] & 0xFF) << 24 | (p[5 * n + k] & 0xFF) << 16 | (p[6 * n + k] & 0xFF) << 8
                    | (p[7 * n + k] & 0xFF);
            set64(b, start + 8 * k, (long) hi << 32 | (lo & 0xFFFFFFFFL));
        }
    }

    /** Any value size: plane {@code q} holds the values' bytes of significance {@code q}. */
    private static void unshuffle(byte[] p, int n, int bps, byte[] b, int start) {
        for (int k = 0; k < n; k++) {
            int value = start + k * bps;
            for (int q = 0; q < bps; q++) {
                b[value + memoryIndex(q, bps)] = p[q * n + k];
            }
        }
    }

    private static void shuffle16(byte[] b, int start, byte[] p, int n) {
        for (int k = 0; k < n; k++) {
            short v = get16(b, start + 2 * k);
            p[k] = (byte) (v >>> 8);
            p[n + k] = (byte) v;
        }
    }

    private static void shuffle32(byte[] b, int start, byte[] p, int n) {
        for (int k = 0; k < n; k++) {
            int v = get32(b, start + 4 * k);
            p[k] = (byte) (v >>> 24);
            p[n + k] = (byte) (v >>> 16);
            p[2 * n + k] = (byte) (v >>> 8);
            p[3 * n + k] = (byte) v;
        }
    }

    private static void shuffle64(byte[] b, int start, byte[] p, int n) {
        for (int k = 0; k < n; k++) {
            long v = get64(b, start + 8 * k);
            for (int q = 0; q < 8; q++) {
                p[q * n + k] = (byte) (v >>> (56 - 8 * q));
            }
        }
    }

    private static void shuffle(byte[] b, int start, byte[] p, int n, int bps) {
        for (int k = 0; k < n; k++) {
            int value = start + k * bps;
            for (int q = 0; q < bps; q++) {
                p[q * n + k] = b[value + memoryIndex(q, bps)];
            }
        }
    }

    /** Where the byte of significance {@code q} (0 = most significant) of a native value is. */
    private static int memoryIndex(int q, int bps) {
        return NATIVE_LITTLE_ENDIAN ? bps - 1 - q : q;
    }
}
