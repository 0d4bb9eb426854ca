package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.CodecTestData.hex;
import static io.radnorm.raster.tiff.codec.CodecTestData.random;
import static io.radnorm.raster.tiff.codec.CodecTestData.repetitive;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Damaged blocks must fail with an IOException that says what is wrong, and nothing else. */
class CorruptInputTest {

    @Test
    void truncatedLzw() {
        byte[] data = random(5000, 3);
        byte[] encoded = LzwCodec.INSTANCE.encode(data, 0, data.length);

        IOException e = assertThrows(IOException.class,
                () -> LzwCodec.INSTANCE.decode(encoded, 0, encoded.length / 2, new byte[5000], 0, 5000));
        assertTrue(e.getMessage().startsWith("truncated LZW data: no EOI code after "), e.getMessage());
    }

    @Test
    void lzwCodeNotYetInTable() {
        // Clear (256) then 300 while the next free code is 258, as 9-bit MSB-first codes.
        byte[] stream = hex("80 4B 00");

        IOException e = assertThrows(IOException.class,
                () -> LzwCodec.INSTANCE.decode(stream, 0, stream.length, new byte[10], 0, 10));
        assertTrue(e.getMessage().startsWith("corrupt LZW data: code 300 out of range"), e.getMessage());
    }

    @Test
    void oldStyleLzw() {
        // Clear written LSB-first, as early libtiff versions did.
        byte[] stream = hex("00 01 00 00");

        IOException e = assertThrows(IOException.class,
                () -> LzwCodec.INSTANCE.decode(stream, 0, stream.length, new byte[10], 0, 10));
        assertTrue(e.getMessage().contains("old-style"), e.getMessage());
    }

    @Test
    void garbageDeflate() {
        byte[] garbage = hex("12 34 56 78 9A BC DE F0");

        IOException e = assertThrows(IOException.class,
                () -> Compression.DEFLATE.codec(-1).decode(garbage, 0, garbage.length, new byte[100], 0, 100));
        assertTrue(e.getMessage().startsWith("corrupt deflate data"), e.getMessage());
    }

    @Test
    void truncatedDeflate() {
        TiffCodec codec = Compression.DEFLATE.codec(-1);
        byte[] data = random(5000, 4);
        byte[] encoded = codec.encode(data, 0, data.length);

        IOException e = assertThrows(IOException.class,
                () -> codec.decode(encoded, 0, encoded.length - 100, new byte[5000], 0, 5000));
        assertTrue(e.getMessage().startsWith("truncated deflate data"), e.getMessage());
    }

    @Test
    void garbageZstd() {
        byte[] garbage = hex("12 34 56 78 9A BC DE F0");

        IOException e = assertThrows(IOException.class,
                () -> Compression.ZSTD.codec(-1).decode(garbage, 0, garbage.length, new byte[100], 0, 100));
        assertTrue(e.getMessage().startsWith("corrupt ZSTD data"), e.getMessage());
    }

    @Test
    void truncatedZstd() {
        TiffCodec codec = Compression.ZSTD.codec(-1);
        byte[] data = random(5000, 5);
        byte[] encoded = codec.encode(data, 0, data.length);

        assertThrows(IOException.class, () -> codec.decode(encoded, 0, encoded.length - 10, new byte[5000], 0, 5000));
        assertThrows(IOException.class, () -> codec.decode(encoded, 0, 0, new byte[5000], 0, 5000));
    }

    @Test
    void packBitsRunsPastTheEnd() {
        byte[] literal = hex("05 01 02");
        byte[] replicate = hex("00 41 FE");

        assertThrows(IOException.class,
                () -> PackBitsCodec.INSTANCE.decode(literal, 0, literal.length, new byte[10], 0, 10));
        assertThrows(IOException.class,
                () -> PackBitsCodec.INSTANCE.decode(replicate, 0, replicate.length, new byte[10], 0, 10));
    }

    /**
     * Random damage to valid blocks (flipped bytes, cut ends) and pure noise: decoding must either
     * succeed or throw IOException, never an unchecked exception.
     */
    @ParameterizedTest
    @EnumSource(Compression.class)
    void damageNeverLeaksUncheckedExceptions(Compression c) {
        TiffCodec codec = c.codec(-1);
        Random rnd = new Random(c.tagValue());
        byte[] data = concat(random(3000, 6), repetitive(3000));
        byte[] valid = codec.encode(data, 0, data.length);
        byte[] dst = new byte[data.length];
        for (int trial = 0; trial < 300; trial++) {
            byte[] damaged;
            switch (trial % 3) {
                case 0 -> {
                    damaged = valid.clone();
                    for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                        damaged[rnd.nextInt(damaged.length)] ^= (byte) (1 + rnd.nextInt(255));
                    }
                }
                case 1 -> damaged = Arrays.copyOf(valid, rnd.nextInt(valid.length));
                default -> damaged = random(rnd.nextInt(200), trial);
            }
            try {
                codec.decode(damaged, 0, damaged.length, dst, 0, dst.length);
            } catch (IOException expected) {
                // the only acceptable failure
            } catch (RuntimeException e) {
                fail(c + " trial " + trial + " leaked " + e, e);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
