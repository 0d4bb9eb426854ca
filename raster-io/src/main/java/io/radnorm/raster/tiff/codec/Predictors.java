package io.radnorm.raster.tiff.codec;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The TIFF predictors: reversible transforms applied to a block's pixels before compression,
 * so that smooth images become runs of small, similar numbers that compress better.
 * <p>
 * Each method works in place on a decoded (or about to be encoded) block of {@code rows} rows of
 * {@code width} pixels, each pixel {@code samplesPerPixel} interleaved samples of
 * {@code bytesPerSample} bytes; for planar-separate data pass {@code samplesPerPixel = 1}. Rows
 * are independent: a predictor never looks at the row above. {@code order} is the file's byte
 * order: samples are read and written in that order, so the caller never swaps bytes before or
 * after a predictor.
 * <ul>
 * <li>Predictor 2, horizontal differencing ({@link #decodeHorizontal}, {@link #encodeHorizontal}),
 * stores each sample as its difference from the same sample of the previous pixel, in integer
 * arithmetic wrapping at the sample width. libtiff supports it for 8, 16, 32 and 64-bit
 * samples. On floating-point samples it is lossless but of little use.</li>
 * <li>Predictor 3, the floating-point predictor of Adobe's TIFF Technical Note 3
 * ({@link #decodeFloatingPoint}, {@link #encodeFloatingPoint}), splits each row's values into
 * byte planes, most significant byte first, and then differences the row bytewise.</li>
 * </ul>
 * These run on every pixel read or written, so they work directly on the byte array (see
 * {@code HorizontalPredictor} and {@code FloatingPointPredictor}). This class only validates
 * the arguments, so that a bad block geometry fails with a message instead of a stray
 * {@code ArrayIndexOutOfBoundsException} from a hot loop.
 */
public final class Predictors {

    private Predictors() {
    }

    /**
     * Undoes predictor 2: adds to each sample the same sample of the previous pixel in its row.
     *
     * @param buf             the block
     * @param off             offset of the block's first byte in {@code buf}
     * @param width           pixels per row
     * @param rows            number of rows
     * @param samplesPerPixel interleaved samples per pixel (1 for planar-separate data)
     * @param bytesPerSample  1, 2, 4 or 8
     * @param order           the file's byte order
     * @throws IllegalArgumentException if the geometry is invalid
     * @throws IndexOutOfBoundsException if the block does not fit in {@code buf}
     */
    public static void decodeHorizontal(byte[] buf, int off, int width, int rows, int samplesPerPixel,
            int bytesPerSample, ByteOrder order) {
        int rowBytes = rowBytes(buf, off, width, rows, samplesPerPixel, bytesPerSample, order);
        checkHorizontalSampleSize(bytesPerSample);
        HorizontalPredictor.decode(buf, off, rowBytes, rows, samplesPerPixel, bytesPerSample,
                order == ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Applies predictor 2: replaces each sample by its difference from the same sample of the
     * previous pixel in its row. The exact inverse of {@link #decodeHorizontal}.
     *
     * @param buf             the block
     * @param off             offset of the block's first byte in {@code buf}
     * @param width           pixels per row
     * @param rows            number of rows
     * @param samplesPerPixel interleaved samples per pixel (1 for planar-separate data)
     * @param bytesPerSample  1, 2, 4 or 8
     * @param order           the file's byte order
     * @throws IllegalArgumentException if the geometry is invalid
     * @throws IndexOutOfBoundsException if the block does not fit in {@code buf}
     */
    public static void encodeHorizontal(byte[] buf, int off, int width, int rows, int samplesPerPixel,
            int bytesPerSample, ByteOrder order) {
        int rowBytes = rowBytes(buf, off, width, rows, samplesPerPixel, bytesPerSample, order);
        checkHorizontalSampleSize(bytesPerSample);
        HorizontalPredictor.encode(buf, off, rowBytes, rows, samplesPerPixel, bytesPerSample,
                order == ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Undoes predictor 3: accumulates each row bytewise with a stride of {@code samplesPerPixel}
     * bytes, then reassembles the byte planes into values written in {@code order}.
     *
     * @param buf             the block
     * @param off             offset of the block's first byte in {@code buf}
     * @param width           pixels per row
     * @param rows            number of rows
     * @param samplesPerPixel interleaved samples per pixel (1 for planar-separate data)
     * @param bytesPerSample  bytes per value: 2, 3, 4 or 8 for the float formats TIFF uses; any
     *                        positive size is accepted
     * @param order           the file's byte order, in which the values are written
     * @throws IllegalArgumentException if the geometry is invalid
     * @throws IndexOutOfBoundsException if the block does not fit in {@code buf}
     */
    public static void decodeFloatingPoint(byte[] buf, int off, int width, int rows, int samplesPerPixel,
            int bytesPerSample, ByteOrder order) {
        int rowBytes = rowBytes(buf, off, width, rows, samplesPerPixel, bytesPerSample, order);
        FloatingPointPredictor.decode(buf, off, rowBytes, rows, samplesPerPixel, bytesPerSample,
                order == ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Applies predictor 3: splits each row's values (read in {@code order}) into byte planes,
     * most significant first, then differences the row bytewise with a stride of
     * {@code samplesPerPixel} bytes. The exact inverse of {@link #decodeFloatingPoint}.
     *
     * @param buf             the block
     * @param off             offset of the block's first byte in {@code buf}
     * @param width           pixels per row
     * @param rows            number of rows
     * @param samplesPerPixel interleaved samples per pixel (1 for planar-separate data)
     * @param bytesPerSample  bytes per value, as for {@link #decodeFloatingPoint}
     * @param order           the file's byte order, in which the values are read
     * @throws IllegalArgumentException if the geometry is invalid
     * @throws IndexOutOfBoundsException if the block does not fit in {@code buf}
     */
    public static void encodeFloatingPoint(byte[] buf, int off, int width, int rows, int samplesPerPixel,
            int bytesPerSample, ByteOrder order) {
        int rowBytes = rowBytes(buf, off, width, rows, samplesPerPixel, bytesPerSample, order);
        FloatingPointPredictor.encode(buf, off, rowBytes, rows, samplesPerPixel, bytesPerSample,
                order == ByteOrder.LITTLE_ENDIAN);
    }

    /** Validates the block geometry and returns the bytes per row. */
    private static int rowBytes(byte[] buf, int off, int width, int rows, int samplesPerPixel, int bytesPerSample,
            ByteOrder order) {
        Objects.requireNonNull(buf, "buf");
        Objects.requireNonNull(order, "order");
        if (width < 0 || rows < 0 || samplesPerPixel < 1 || bytesPerSample < 1) {
            throw new IllegalArgumentException("invalid block geometry: width " + width + ", rows " + rows
                    + ", samples per pixel " + samplesPerPixel + ", bytes per sample " + bytesPerSample);
        }
        long rowBytes;
        long total;
        try {
            rowBytes = Math.multiplyExact((long) width * samplesPerPixel, (long) bytesPerSample);
            total = Math.multiplyExact(rowBytes, (long) rows);
        } catch (ArithmeticException e) {
            rowBytes = total = Long.MAX_VALUE;
        }
        if (total > Integer.MAX_VALUE || rowBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("block too large for a byte array: " + width + " x " + rows
                    + " pixels of " + samplesPerPixel + " x " + bytesPerSample + " bytes");
        }
        Objects.checkFromIndexSize(off, (int) total, buf.length);
        return (int) rowBytes;
    }

    private static void checkHorizontalSampleSize(int bytesPerSample) {
        if (bytesPerSample != 1 && bytesPerSample != 2 && bytesPerSample != 4 && bytesPerSample != 8) {
            throw new IllegalArgumentException("horizontal predictor needs 1, 2, 4 or 8 bytes per sample, not "
                    + bytesPerSample);
        }
    }
}
