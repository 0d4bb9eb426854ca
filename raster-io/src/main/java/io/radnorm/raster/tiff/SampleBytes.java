package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Moves samples between TIFF block bytes (in the file's byte order) and a {@link io.radnorm.raster.Raster}'s
 * primitive array, contiguous or with a stride (pixel-interleaved blocks hold every band's sample
 * of a pixel together). These two loops run on every pixel read or written, so they use bulk
 * buffer copies where the layout allows and byte-array view handles elsewhere.
 */
public final class SampleBytes {

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_BE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private SampleBytes() {
    }

    /**
     * Copies {@code count} samples from {@code src} (starting at sample {@code srcSample}, every
     * {@code stride}-th sample) into {@code dst[dstIndex …]}. Sample positions are in units of
     * the type's size; float types keep NaN payloads (raw bit copies).
     */
    public static void read(byte[] src, int srcSample, int stride, ByteOrder order, DataType type,
                            Object dst, int dstIndex, int count) {
        int size = type.bytesPerSample();
        if (stride == 1) {
            ByteBuffer b = ByteBuffer.wrap(src, srcSample * size, count * size).slice().order(order);
            switch (type) {
                case UINT8, INT8 -> System.arraycopy(src, srcSample, dst, dstIndex, count);
                case UINT16, INT16 -> b.asShortBuffer().get((short[]) dst, dstIndex, count);
                case UINT32, INT32 -> b.asIntBuffer().get((int[]) dst, dstIndex, count);
                case FLOAT32 -> {
                    // Through int bits: FloatBuffer may canonicalise signalling NaNs on some JVMs.
                    int[] bits = new int[count];
                    b.asIntBuffer().get(bits);
                    float[] f = (float[]) dst;
                    for (int i = 0; i < count; i++) {
                        f[dstIndex + i] = Float.intBitsToFloat(bits[i]);
                    }
                }
                case FLOAT64 -> b.asDoubleBuffer().get((double[]) dst, dstIndex, count);
            }
            return;
        }
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        int p = srcSample * size, step = stride * size;
        switch (type) {
            case UINT8, INT8 -> {
                byte[] d = (byte[]) dst;
                for (int i = 0; i < count; i++, p += step) {
                    d[dstIndex + i] = src[p];
                }
            }
            case UINT16, INT16 -> {
                short[] d = (short[]) dst;
                // a constant VarHandle per loop: through a variable one the JIT cannot inline the access
                if (le) {
                    for (int i = 0; i < count; i++, p += step) {
                        d[dstIndex + i] = (short) SHORT_LE.get(src, p);
                    }
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        d[dstIndex + i] = (short) SHORT_BE.get(src, p);
                    }
                }
            }
            case UINT32, INT32 -> {
                int[] d = (int[]) dst;
                // a constant VarHandle per loop: through a variable one the JIT cannot inline the access
                if (le) {
                    for (int i = 0; i < count; i++, p += step) {
                        d[dstIndex + i] = (int) INT_LE.get(src, p);
                    }
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        d[dstIndex + i] = (int) INT_BE.get(src, p);
                    }
                }
            }
            case FLOAT32 -> {
                float[] d = (float[]) dst;
                // a constant VarHandle per loop: through a variable one the JIT cannot inline the access
                if (le) {
                    for (int i = 0; i < count; i++, p += step) {
                        d[dstIndex + i] = Float.intBitsToFloat((int) INT_LE.get(src, p));
                    }
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        d[dstIndex + i] = Float.intBitsToFloat((int) INT_BE.get(src, p));
                    }
                }
            }
            case FLOAT64 -> {
                double[] d = (double[]) dst;
                // a constant VarHandle per loop: through a variable one the JIT cannot inline the access
                if (le) {
                    for (int i = 0; i < count; i++, p += step) {
                        d[dstIndex + i] = Double.longBitsToDouble((long) LONG_LE.get(src, p));
                    }
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        d[dstIndex + i] = Double.longBitsToDouble((long) LONG_BE.get(src, p));
                    }
                }
            }
        }
    }

    /** The inverse of {@link #read}: writes {@code count} samples of {@code src} into block bytes. */
    public static void write(Object src, int srcIndex, int count, DataType type,
                             byte[] dst, int dstSample, int stride, ByteOrder order) {
        int size = type.bytesPerSample();
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        int p = dstSample * size, step = stride * size;
        switch (type) {
            case UINT8, INT8 -> {
                byte[] s = (byte[]) src;
                if (stride == 1) {
                    System.arraycopy(s, srcIndex, dst, dstSample, count);
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        dst[p] = s[srcIndex + i];
                    }
                }
            }
            case UINT16, INT16 -> {
                short[] s = (short[]) src;
                // a constant VarHandle per loop: through a variable one the JIT cannot inline the access
                if (le) {
                    for (int i = 0; i < count; i++, p += step) {
                        SHORT_LE.set(dst, p, s[srcIndex + i]);
                    }
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        SHORT_BE.set(dst, p, s[srcIndex + i]);
                    }
                }
            }
            case UINT32, INT32 -> {
                int[] s = (int[]) src;
                // a constant VarHandle per loop: through a variable one the JIT cannot inline the access
                if (le) {
                    for (int i = 0; i < count; i++, p += step) {
                        INT_LE.set(dst, p, s[srcIndex + i]);
                    }
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        INT_BE.set(dst, p, s[srcIndex + i]);
                    }
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) src;
                // a constant VarHandle per loop: through a variable one the JIT cannot inline the access
                if (le) {
                    for (int i = 0; i < count; i++, p += step) {
                        INT_LE.set(dst, p, Float.floatToRawIntBits(s[srcIndex + i]));
                    }
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        INT_BE.set(dst, p, Float.floatToRawIntBits(s[srcIndex + i]));
                    }
                }
            }
            case FLOAT64 -> {
                double[] s = (double[]) src;
                // a constant VarHandle per loop: through a variable one the JIT cannot inline the access
                if (le) {
                    for (int i = 0; i < count; i++, p += step) {
                        LONG_LE.set(dst, p, Double.doubleToRawLongBits(s[srcIndex + i]));
                    }
                } else {
                    for (int i = 0; i < count; i++, p += step) {
                        LONG_BE.set(dst, p, Double.doubleToRawLongBits(s[srcIndex + i]));
                    }
                }
            }
        }
    }

    /** Fills {@code count} samples of {@code dst} from {@code dstIndex} with {@code value} (stored as the type stores it). */
    public static void fill(Object dst, int dstIndex, int count, DataType type, double value) {
        double v = type.toStorable(value);
        switch (type) {
            case UINT8, INT8 -> java.util.Arrays.fill((byte[]) dst, dstIndex, dstIndex + count, (byte) (long) v);
            case UINT16, INT16 -> java.util.Arrays.fill((short[]) dst, dstIndex, dstIndex + count, (short) (long) v);
            case UINT32, INT32 -> java.util.Arrays.fill((int[]) dst, dstIndex, dstIndex + count, (int) (long) v);
            case FLOAT32 -> java.util.Arrays.fill((float[]) dst, dstIndex, dstIndex + count, (float) v);
            case FLOAT64 -> java.util.Arrays.fill((double[]) dst, dstIndex, dstIndex + count, v);
        }
    }
}
