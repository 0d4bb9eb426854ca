package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.CodecTestData.hex;
import static io.radnorm.raster.tiff.codec.CodecTestData.random;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Predictor 2, horizontal differencing. */
class HorizontalPredictorTest {

    @Test
    void uint16LittleEndian() {
        byte[] row = hex("0A 00 0C 00 0F 00"); // 10, 12, 15

        Predictors.encodeHorizontal(row, 0, 3, 1, 1, 2, LITTLE_ENDIAN);
        assertArrayEquals(hex("0A 00 02 00 03 00"), row); // 10, +2, +3

        Predictors.decodeHorizontal(row, 0, 3, 1, 1, 2, LITTLE_ENDIAN);
        assertArrayEquals(hex("0A 00 0C 00 0F 00"), row);
    }

    @Test
    void uint16BigEndianCarriesIntoTheHighByte() {
        byte[] row = hex("00 FF 01 01"); // 255, 257

        Predictors.encodeHorizontal(row, 0, 2, 1, 1, 2, BIG_ENDIAN);
        assertArrayEquals(hex("00 FF 00 02"), row); // 255, +2
    }

    @Test
    void differencesWrapAtTheSampleWidth() {
        byte[] u8 = {(byte) 250, 5};
        byte[] u16 = hex("FF FF 01 00"); // 65535, 1 little-endian

        Predictors.encodeHorizontal(u8, 0, 2, 1, 1, 1, LITTLE_ENDIAN);
        Predictors.encodeHorizontal(u16, 0, 2, 1, 1, 2, LITTLE_ENDIAN);

        assertArrayEquals(new byte[] {(byte) 250, 11}, u8); // 5 - 250 = 11 mod 256
        assertArrayEquals(hex("FF FF 02 00"), u16); // 1 - 65535 = 2 mod 65536
    }

    @Test
    void interleavedSamplesDifferenceAgainstTheSameSample() {
        // Two rows of two RGB pixels; rows are independent.
        byte[] rgb = {10, 20, 30, 11, 22, 33, 100, 100, 100, 90, 110, 100};

        Predictors.encodeHorizontal(rgb, 0, 2, 2, 3, 1, BIG_ENDIAN);

        assertArrayEquals(new byte[] {10, 20, 30, 1, 2, 3, 100, 100, 100, -10, 10, 0}, rgb);
    }

    @Test
    void decodesGdalLzwBlockWithPredictor2() throws IOException {
        // uint16 1000, 1001, 1003, 1000, 65535, 0, 2, 2 written by GDAL with COMPRESS=LZW PREDICTOR=2.
        byte[] gdal = hex("80 3a 00 60 10 00 08 00 fd 7f 85 df 90 48 30 00 01 01");
        byte[] block = new byte[16];

        Compression.LZW.codec(-1).decode(gdal, 0, gdal.length, block, 0, 16);
        Predictors.decodeHorizontal(block, 0, 8, 1, 1, 2, LITTLE_ENDIAN);

        short[] values = new short[8];
        ByteBuffer.wrap(block).order(LITTLE_ENDIAN).asShortBuffer().get(values);
        assertArrayEquals(new short[] {1000, 1001, 1003, 1000, -1, 0, 2, 2}, values);
    }

    @ParameterizedTest(name = "{0} bytes x {1} samples, {2}")
    @CsvSource({
        "1, 1, LE", "1, 3, LE", "2, 1, LE", "2, 3, LE", "4, 1, LE", "4, 3, LE", "8, 1, LE", "8, 3, LE",
        "1, 1, BE", "1, 3, BE", "2, 1, BE", "2, 3, BE", "4, 1, BE", "4, 3, BE", "8, 1, BE", "8, 3, BE"})
    void decodeInvertsEncode(int bytesPerSample, int samplesPerPixel, String order) {
        ByteOrder bo = order.equals("LE") ? LITTLE_ENDIAN : BIG_ENDIAN;
        int width = 7;
        int rows = 3;
        int size = width * rows * samplesPerPixel * bytesPerSample;
        byte[] original = random(5 + size + 5, size);
        byte[] buf = original.clone();

        Predictors.encodeHorizontal(buf, 5, width, rows, samplesPerPixel, bytesPerSample, bo);
        assertFalse(Arrays.equals(original, buf));
        Predictors.decodeHorizontal(buf, 5, width, rows, samplesPerPixel, bytesPerSample, bo);

        assertArrayEquals(original, buf);
    }

    @Test
    void rejectsBadGeometry() {
        byte[] buf = new byte[12];

        assertThrows(IllegalArgumentException.class, () -> Predictors.decodeHorizontal(buf, 0, 4, 1, 1, 3,
                LITTLE_ENDIAN));
        assertThrows(IllegalArgumentException.class, () -> Predictors.decodeHorizontal(buf, 0, -1, 1, 1, 1,
                LITTLE_ENDIAN));
        assertThrows(IndexOutOfBoundsException.class, () -> Predictors.decodeHorizontal(buf, 1, 3, 1, 1, 4,
                LITTLE_ENDIAN));
        assertEquals(12, buf.length);
    }
}
