package io.radnorm.raster.tiff.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads and writes 16, 32 and 64-bit values at any offset of a byte array, in the machine's
 * byte order, and converts runs of values between byte orders.
 * <p>
 * The predictors' inner loops touch every sample, so per-sample {@code ByteBuffer} calls or
 * shift-and-mask assembly would dominate their cost. Byte-array view {@link VarHandle}s held in
 * static final fields compile to single unaligned loads and stores. They are used in native
 * order only: a loop choosing between a little- and a big-endian handle per sample, even on a
 * loop-invariant flag, was measured 3.5 times slower, because the JIT keeps the test in the
 * loop. Data in the other byte order is therefore swapped with {@link #reverseBytes} before
 * and after a loop, as libtiff does; GeoTIFFs are nearly always little-endian, so that is the
 * rare path on the machines radnorm runs on.
 */
final class ByteViews {

    /** Whether the machine is little-endian, as nearly all are. */
    static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private static final VarHandle SHORT = view(short[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = view(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONG = view(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT_BIG_ENDIAN = view(int[].class, ByteOrder.BIG_ENDIAN);

    private ByteViews() {
    }

    private static VarHandle view(Class<?> arrayType, ByteOrder order) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, order);
    }

    static short get16(byte[] b, int i) {
        return (short) SHORT.get(b, i);
    }

    static void set16(byte[] b, int i, short v) {
        SHORT.set(b, i, v);
    }

    static int get32(byte[] b, int i) {
        return (int) INT.get(b, i);
    }

    static void set32(byte[] b, int i, int v) {
        INT.set(b, i, v);
    }

    static long get64(byte[] b, int i) {
        return (long) LONG.get(b, i);
    }

    static void set64(byte[] b, int i, long v) {
        LONG.set(b, i, v);
    }

    /** Reads 4 bytes as a big-endian int, whatever the machine's order. */
    static int get32BigEndian(byte[] b, int i) {
        return (int) INT_BIG_ENDIAN.get(b, i);
    }

    /**
     * Reverses the bytes of each {@code width}-byte value in {@code b[off, off + len)}, which
     * converts the values between little- and big-endian order.
     */
    static void reverseBytes(byte[] b, int off, int len, int width) {
        int end = off + len;
        switch (width) {
            case 1 -> {
            }
            case 2 -> {
                for (int i = off; i < end; i += 2) {
                    set16(b, i, Short.reverseBytes(get16(b, i)));
                }
            }
            case 4 -> {
                for (int i = off; i < end; i += 4) {
                    set32(b, i, Integer.reverseBytes(get32(b, i)));
                }
            }
            case 8 -> {
                for (int i = off; i < end; i += 8) {
                    set64(b, i, Long.reverseBytes(get64(b, i)));
                }
            }
            default -> {
                for (int v = off; v < end; v += width) {
                    for (int lo = v, hi = v + width - 1; lo < hi; lo++, hi--) {
                        byte t = b[lo];
                        b[lo] = b[hi];
                        b[hi] = t;
                    }
                }
            }
        }
    }
}
