package io.radnorm.raster;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A block of pixels in memory: {@code bandCount} bands of {@code width × height} samples of one
 * {@link DataType}, band-sequential in one primitive array (band 0 row 0 … band 0 row h−1, band 1 …).
 *
 * <p>The array is the narrowest primitive with the type's bit pattern (see {@link DataType}); it is
 * exposed by {@link #data()} so that hot loops can work on it directly. {@link #get}/{@link #set}
 * convert through {@code double} for generic code: {@code set} stores with
 * {@link DataType#toStorable} semantics (round to nearest, clip).
 *
 * <p>A raster is one window of an image, never a whole large image: readers and writers stream
 * windows. Equality is by type, shape and exact bits ({@link #contentEquals}).
 */
public final class Raster implements Serializable {

    private final DataType dataType;
    private final int width;
    private final int height;
    private final int bandCount;
    private final Object data;

    private Raster(DataType dataType, int width, int height, int bandCount, Object data) {
        this.dataType = Objects.requireNonNull(dataType, "dataType");
        this.width = width;
        this.height = height;
        this.bandCount = bandCount;
        this.data = data;
        long n = (long) width * height * bandCount;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("raster of " + width + "x" + height + "x" + bandCount
                    + " samples is too large for one window; read smaller windows");
        }
        if (java.lang.reflect.Array.getLength(data) != n) {
            throw new IllegalArgumentException("array of " + java.lang.reflect.Array.getLength(data)
                    + " samples does not hold " + width + "x" + height + "x" + bandCount);
        }
    }

    /** A zero-filled raster. */
    public static Raster allocate(DataType type, int width, int height, int bandCount) {
        int n = Math.multiplyExact(Math.multiplyExact(width, height), bandCount);
        Object array = switch (type) {
            case UINT8, INT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case UINT32, INT32 -> new int[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
        return new Raster(type, width, height, bandCount, array);
    }

    /** Wraps an existing band-sequential array (not copied) of the primitive type {@code type} uses. */
    public static Raster wrap(DataType type, int width, int height, int bandCount, Object data) {
        Class<?> expected = switch (type) {
            case UINT8, INT8 -> byte[].class;
            case UINT16, INT16 -> short[].class;
            case UINT32, INT32 -> int[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
        };
        if (data.getClass() != expected) {
            throw new IllegalArgumentException(type + " needs a " + expected.getSimpleName()
                    + ", not a " + data.getClass().getSimpleName());
        }
        return new Raster(type, width, height, bandCount, data);
    }

    public DataType dataType() {
        return dataType;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bandCount() {
        return bandCount;
    }

    /** The backing band-sequential primitive array (not a copy). */
    public Object data() {
        return data;
    }

    public int pixelsPerBand() {
        return width * height;
    }

    /** Index into {@link #data()} of sample (band, x, y). */
    public int index(int band, int x, int y) {
        return (band * height + y) * width + x;
    }

    public double get(int band, int x, int y) {
        return getAt(index(band, x, y));
    }

    public void set(int band, int x, int y, double value) {
        setAt(index(band, x, y), value);
    }

    /** Sample at flat index {@code i} as a double (unsigned types read without sign). */
    public double getAt(int i) {
        return switch (dataType) {
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case INT8 -> ((byte[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xFFFF;
            case INT16 -> ((short[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT32 -> ((int[]) data)[i];
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
        };
    }

    /** Stores {@code value} at flat index {@code i}, rounded and clipped as {@link DataType#toStorable}. */
    public void setAt(int i, double value) {
        double v = dataType.toStorable(value);
        switch (dataType) {
            case UINT8, INT8 -> ((byte[]) data)[i] = (byte) (long) v;
            case UINT16, INT16 -> ((short[]) data)[i] = (short) (long) v;
            case UINT32, INT32 -> ((int[]) data)[i] = (int) (long) v;
            case FLOAT32 -> ((float[]) data)[i] = (float) v;
            case FLOAT64 -> ((double[]) data)[i] = v;
        }
    }

    /**
     * Copies {@code length} samples of row {@code y} of band {@code band}, from column {@code x}, into
     * {@code dst} as doubles: one type dispatch per row instead of per sample, for hot loops.
     */
    public void readRow(int band, int x, int y, int length, double[] dst) {
        int i = index(band, x, y);
        switch (dataType) {
            case UINT8 -> { byte[] a = (byte[]) data; for (int k = 0; k < length; k++) dst[k] = a[i + k] & 0xFF; }
            case INT8 -> { byte[] a = (byte[]) data; for (int k = 0; k < length; k++) dst[k] = a[i + k]; }
            case UINT16 -> { short[] a = (short[]) data; for (int k = 0; k < length; k++) dst[k] = a[i + k] & 0xFFFF; }
            case INT16 -> { short[] a = (short[]) data; for (int k = 0; k < length; k++) dst[k] = a[i + k]; }
            case UINT32 -> { int[] a = (int[]) data; for (int k = 0; k < length; k++) dst[k] = a[i + k] & 0xFFFFFFFFL; }
            case INT32 -> { int[] a = (int[]) data; for (int k = 0; k < length; k++) dst[k] = a[i + k]; }
            case FLOAT32 -> { float[] a = (float[]) data; for (int k = 0; k < length; k++) dst[k] = a[i + k]; }
            case FLOAT64 -> System.arraycopy(data, i, dst, 0, length);
        }
    }

    /**
     * Stores {@code length} values into row {@code y} of band {@code band} from column {@code x}, each
     * rounded and clipped as {@link DataType#toStorable}: the inverse of {@link #readRow}, one type
     * dispatch per row.
     */
    public void writeRow(int band, int x, int y, int length, double[] src) {
        int i = index(band, x, y);
        DataType t = dataType;
        switch (t) {
            case UINT8, INT8 -> { byte[] a = (byte[]) data; for (int k = 0; k < length; k++) a[i + k] = (byte) (long) t.toStorable(src[k]); }
            case UINT16, INT16 -> { short[] a = (short[]) data; for (int k = 0; k < length; k++) a[i + k] = (short) (long) t.toStorable(src[k]); }
            case UINT32, INT32 -> { int[] a = (int[]) data; for (int k = 0; k < length; k++) a[i + k] = (int) (long) t.toStorable(src[k]); }
            case FLOAT32 -> { float[] a = (float[]) data; for (int k = 0; k < length; k++) a[i + k] = (float) src[k]; }
            case FLOAT64 -> System.arraycopy(src, 0, data, i, length);
        }
    }

    /** One band's samples as doubles (a copy), for statistics and tests. */
    public double[] bandAsDoubles(int band) {
        int n = pixelsPerBand();
        double[] out = new double[n];
        int base = band * n;
        for (int i = 0; i < n; i++) {
            out[i] = getAt(base + i);
        }
        return out;
    }

    /** Same type, shape and bit-identical samples (NaN payloads included). */
    public boolean contentEquals(Raster o) {
        if (o == null || o.dataType != dataType || o.width != width || o.height != height
                || o.bandCount != bandCount) {
            return false;
        }
        return switch (dataType) {
            case UINT8, INT8 -> Arrays.equals((byte[]) data, (byte[]) o.data);
            case UINT16, INT16 -> Arrays.equals((short[]) data, (short[]) o.data);
            case UINT32, INT32 -> Arrays.equals((int[]) data, (int[]) o.data);
            case FLOAT32 -> Arrays.equals((float[]) data, (float[]) o.data);
            case FLOAT64 -> Arrays.equals((double[]) data, (double[]) o.data);
        };
    }

    /** Copies window {@code w} of this raster (all bands) into a new raster. */
    public Raster crop(Window w) {
        if (!w.within(width, height)) {
            throw new IllegalArgumentException(w + " is outside a " + width + "x" + height + " raster");
        }
        Raster out = allocate(dataType, w.width(), w.height(), bandCount);
        for (int b = 0; b < bandCount; b++) {
            for (int row = 0; row < w.height(); row++) {
                System.arraycopy(data, index(b, w.x(), w.y() + row), out.data, out.index(b, 0, row), w.width());
            }
        }
        return out;
    }

    /** Copies all of {@code src} into this raster with its top-left pixel at (x, y); same type and band count. */
    public void paste(Raster src, int x, int y) {
        if (src.dataType != dataType || src.bandCount != bandCount) {
            throw new IllegalArgumentException("cannot paste " + src + " into " + this);
        }
        if (!new Window(x, y, src.width, src.height).within(width, height)) {
            throw new IllegalArgumentException(src + " at " + x + "," + y + " does not fit in " + this);
        }
        for (int b = 0; b < bandCount; b++) {
            for (int row = 0; row < src.height; row++) {
                System.arraycopy(src.data, src.index(b, 0, row), data, index(b, x, y + row), src.width);
            }
        }
    }

    @Override
    public String toString() {
        return "Raster[" + dataType.gdalName() + " " + width + "x" + height + "x" + bandCount + "]";
    }
}
