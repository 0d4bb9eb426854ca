package io.radnorm.raster.tiff.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads and writes 16, 32 and 64-bit values at any offset of a byte array, in either byte order.
 * <p>
 * The predictors' inner loops touch every sample, so per-sample {@code ByteBuffer} calls or
 * shift-and-mask assembly would dominate their cost. Byte-array view {@link VarHandle}s held in
 * static final fields compile to single unaligned loads and stores, with a byte swap when the
 * order differs from the machine's. The order is passed as a boolean rather than as a handle
 * because only constant handles get that treatment; the test is loop-invariant and free.
 */
final class ByteViews {

    private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = view(long[].class, ByteOrder.BIG_ENDIAN);

    private ByteViews() {
    }

    private static VarHandle view(Class<?> arrayType, ByteOrder order) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, order);
    }

    static short get16(byte[] b, int i, boolean le) {
        return le ? (short) SHORT_LE.get(b, i) : (short) SHORT_BE.get(b, i);
    }

    static void set16(byte[] b, int i, short v, boolean le) {
        if (le) {
            SHORT_LE.set(b, i, v);
        } else {
            SHORT_BE.set(b, i, v);
        }
    }

    static int get32(byte[] b, int i, boolean le) {
        return le ? (int) INT_LE.get(b, i) : (int) INT_BE.get(b, i);
    }

    static void set32(byte[] b, int i, int v, boolean le) {
        if (le) {
            INT_LE.set(b, i, v);
        } else {
            INT_BE.set(b, i, v);
        }
    }

    static long get64(byte[] b, int i, boolean le) {
        return le ? (long) LONG_LE.get(b, i) : (long) LONG_BE.get(b, i);
    }

    static void set64(byte[] b, int i, long v, boolean le) {
        if (le) {
            LONG_LE.set(b, i, v);
        } else {
            LONG_BE.set(b, i, v);
        }
    }
}
