package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.CodecTestData.hex;
import static io.radnorm.raster.tiff.codec.CodecTestData.random;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Predictor 3 against blocks written by GDAL 3.6.2 / libtiff 4.5.0 with
 * {@code -co COMPRESS=DEFLATE -co PREDICTOR=3}; the literals are the inflated strips, i.e. the
 * predictor's output. The byte planes are most significant first in any byte order, so the same
 * literal must decode to big-endian floats when the file is big-endian. (GDAL's own big-endian
 * files are no reference: libtiff 4.5.0 writes their planes reversed and cannot read them back.)
 */
class FloatingPointPredictorTest {

    enum Order {
        LE(LITTLE_ENDIAN), BE(BIG_ENDIAN);

        final ByteOrder order;

        Order(ByteOrder order) {
            this.order = order;
        }
    }

    /** Two rows of four float32: 1.5, -2.25, 100, 0.1 / 3.14159, 0, -0, 65504. */
    private static final float[] F32 = {1.5f, -2.25f, 100f, 0.1f, 3.14159f, 0f, -0f, 65504f};
    private static final byte[] F32_PREDICTED = hex("3f 81 82 fb 83 50 b8 04 34 00 00 cc 34 00 00 cd"
            + " 40 c0 80 c7 02 b7 00 7f 90 f1 00 e0 f0 30 00 00");

    /** One row of three pixels of two interleaved float32 bands: (1, -1), (2, -2), (3, -3). */
    private static final float[] F32X2 = {1, -1, 2, -2, 3, -3};
    private static final byte[] F32X2_PREDICTED =
            hex("3f bf 01 01 00 00 40 c0 80 80 40 40 c0 c0 00 00 00 00 00 00 00 00 00 00");

    /** One row of three float64: 1, 1e10, -0.5. */
    private static final double[] F64 = {1.0, 1e10, -0.5};
    private static final byte[] F64_PREDICTED =
            hex("3f 03 7d 31 12 de 20 a0 60 00 5f a1 00 20 e0 00 00 00 00 00 00 00 00 00");

    @ParameterizedTest
    @EnumSource(Order.class)
    void decodesGdalFloat32Rows(Order o) {
        byte[] buf = F32_PREDICTED.clone();

        Predictors.decodeFloatingPoint(buf, 0, 4, 2, 1, 4, o.order);

        assertArrayEquals(floats(F32, o.order), buf);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void decodesGdalInterleavedFloat32(Order o) {
        byte[] buf = F32X2_PREDICTED.clone();

        Predictors.decodeFloatingPoint(buf, 0, 3, 1, 2, 4, o.order);

        assertArrayEquals(floats(F32X2, o.order), buf);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void decodesGdalFloat64(Order o) {
        byte[] buf = F64_PREDICTED.clone();

        Predictors.decodeFloatingPoint(buf, 0, 3, 1, 1, 8, o.order);

        assertArrayEquals(doubles(F64, o.order), buf);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void encodesLikeGdal(Order o) {
        byte[] f32 = floats(F32, o.order);
        byte[] f32x2 = floats(F32X2, o.order);
        byte[] f64 = doubles(F64, o.order);

        Predictors.encodeFloatingPoint(f32, 0, 4, 2, 1, 4, o.order);
        Predictors.encodeFloatingPoint(f32x2, 0, 3, 1, 2, 4, o.order);
        Predictors.encodeFloatingPoint(f64, 0, 3, 1, 1, 8, o.order);

        assertArrayEquals(F32_PREDICTED, f32);
        assertArrayEquals(F32X2_PREDICTED, f32x2);
        assertArrayEquals(F64_PREDICTED, f64);
    }

    @Test
    void float16ShufflesTwoPlanes() {
        // Values 0x3C00 (1.0) and 0x4000 (2.0): planes 3C 40 | 00 00, then differenced: 3C 04 C0 00.
        byte[] buf = hex("00 3C 00 40");

        Predictors.encodeFloatingPoint(buf, 0, 2, 1, 1, 2, LITTLE_ENDIAN);

        assertArrayEquals(hex("3C 04 C0 00"), buf);
    }

    @ParameterizedTest(name = "{0} bytes x {1} samples, {2}")
    @CsvSource({
        "2, 1, LE", "2, 3, BE", "3, 1, LE", "3, 3, BE", "4, 1, LE", "4, 1, BE", "4, 3, LE", "4, 3, BE",
        "8, 1, LE", "8, 1, BE", "8, 3, LE", "8, 3, BE", "1, 1, LE", "5, 2, BE"})
    void decodeInvertsEncode(int bytesPerSample, int samplesPerPixel, String order) {
        ByteOrder bo = order.equals("LE") ? LITTLE_ENDIAN : BIG_ENDIAN;
        int width = 9;
        int rows = 4;
        int size = width * rows * samplesPerPixel * bytesPerSample;
        byte[] original = random(3 + size + 3, size + bytesPerSample);
        byte[] buf = original.clone();

        Predictors.encodeFloatingPoint(buf, 3, width, rows, samplesPerPixel, bytesPerSample, bo);
        assertFalse(Arrays.equals(original, buf));
        Predictors.decodeFloatingPoint(buf, 3, width, rows, samplesPerPixel, bytesPerSample, bo);

        assertArrayEquals(original, buf);
    }

    private static byte[] floats(float[] values, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static byte[] doubles(double[] values, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
