package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.ByteViews.get16;
import static io.radnorm.raster.tiff.codec.ByteViews.get32;
import static io.radnorm.raster.tiff.codec.ByteViews.get64;
import static io.radnorm.raster.tiff.codec.ByteViews.set16;
import static io.radnorm.raster.tiff.codec.ByteViews.set32;
import static io.radnorm.raster.tiff.codec.ByteViews.set64;

/**
 * TIFF predictor 2, horizontal differencing, on validated arguments (see {@link Predictors}).
 * <p>
 * Samples are read and written through {@link ByteViews}, single (possibly byte-swapping) loads
 * and stores; Java's wrapping {@code short}, {@code int} and {@code long} arithmetic is exactly
 * the modular arithmetic the predictor specifies, for signed and unsigned samples alike.
 * <p>
 * For one sample per pixel the running sum is kept in a register; with several interleaved
 * samples each one reads back the sample {@code samplesPerPixel} positions earlier.
 */
final class HorizontalPredictor {

    private HorizontalPredictor() {
    }

    /** Accumulates each row: sample += previous pixel's sample. */
    static void decode(byte[] b, int off, int rowBytes, int rows, int spp, int bps, boolean le) {
        int stride = spp * bps;
        for (int r = 0, start = off; r < rows; r++, start += rowBytes) {
            int end = start + rowBytes;
            switch (bps) {
                case 1 -> accumulate8(b, start, end, stride);
                case 2 -> accumulate16(b, start, end, stride, le);
                case 4 -> accumulate32(b, start, end, stride, le);
                default -> accumulate64(b, start, end, stride, le);
            }
        }
    }

    /** Differences each row: sample -= previous pixel's sample. */
    static void encode(byte[] b, int off, int rowBytes, int rows, int spp, int bps, boolean le) {
        int stride = spp * bps;
        for (int r = 0, start = off; r < rows; r++, start += rowBytes) {
            int end = start + rowBytes;
            switch (bps) {
                case 1 -> difference8(b, start, end, stride);
                case 2 -> difference16(b, start, end, stride, le);
                case 4 -> difference32(b, start, end, stride, le);
                default -> difference64(b, start, end, stride, le);
            }
        }
    }

    private static void accumulate8(byte[] b, int start, int end, int stride) {
        if (stride == 1 && start < end) {
            byte acc = b[start];
            for (int i = start + 1; i < end; i++) {
                acc += b[i];
                b[i] = acc;
            }
        } else {
            for (int i = start + stride; i < end; i++) {
                b[i] += b[i - stride];
            }
        }
    }

    private static void accumulate16(byte[] b, int start, int end, int stride, boolean le) {
        if (stride == 2 && start < end) {
            short acc = get16(b, start, le);
            for (int i = start + 2; i < end; i += 2) {
                acc += get16(b, i, le);
                set16(b, i, acc, le);
            }
        } else {
            for (int i = start + stride; i < end; i += 2) {
                set16(b, i, (short) (get16(b, i, le) + get16(b, i - stride, le)), le);
            }
        }
    }

    private static void accumulate32(byte[] b, int start, int end, int stride, boolean le) {
        if (stride == 4 && start < end) {
            int acc = get32(b, start, le);
            for (int i = start + 4; i < end; i += 4) {
                acc += get32(b, i, le);
                set32(b, i, acc, le);
            }
        } else {
            for (int i = start + stride; i < end; i += 4) {
                set32(b, i, get32(b, i, le) + get32(b, i - stride, le), le);
            }
        }
    }

    private static void accumulate64(byte[] b, int start, int end, int stride, boolean le) {
        if (stride == 8 && start < end) {
            long acc = get64(b, start, le);
            for (int i = start + 8; i < end; i += 8) {
                acc += get64(b, i, le);
                set64(b, i, acc, le);
            }
        } else {
            for (int i = start + stride; i < end; i += 8) {
                set64(b, i, get64(b, i, le) + get64(b, i - stride, le), le);
            }
        }
    }

    // Differencing runs backwards so that each sample's predecessor is still the original value.

    private static void difference8(byte[] b, int start, int end, int stride) {
        for (int i = end - 1; i >= start + stride; i--) {
            b[i] -= b[i - stride];
        }
    }

    private static void difference16(byte[] b, int start, int end, int stride, boolean le) {
        for (int i = end - 2; i >= start + stride; i -= 2) {
            set16(b, i, (short) (get16(b, i, le) - get16(b, i - stride, le)), le);
        }
    }

    private static void difference32(byte[] b, int start, int end, int stride, boolean le) {
        for (int i = end - 4; i >= start + stride; i -= 4) {
            set32(b, i, get32(b, i, le) - get32(b, i - stride, le), le);
        }
    }

    private static void difference64(byte[] b, int start, int end, int stride, boolean le) {
        for (int i = end - 8; i >= start + stride; i -= 8) {
            set64(b, i, get64(b, i, le) - get64(b, i - stride, le), le);
        }
    }
}
