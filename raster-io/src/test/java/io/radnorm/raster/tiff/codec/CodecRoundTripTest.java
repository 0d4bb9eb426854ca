package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.CodecTestData.random;
import static io.radnorm.raster.tiff.codec.CodecTestData.repetitive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link TiffCodec} contract, checked the same way for every scheme. */
class CodecRoundTripTest {

    private static final int[] SIZES = {0, 1, 255, 256, 4096, 1 << 20};
    /** Marks bytes around the destination region that a decoder must leave alone. */
    private static final byte GUARD = (byte) 0xA5;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Compression c : Compression.values()) {
            for (int size : SIZES) {
                cases.add(Arguments.of(c, "random " + size, random(size, size)));
                cases.add(Arguments.of(c, "repetitive " + size, repetitive(size)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void roundTrip(Compression c, String kind, byte[] data) throws IOException {
        TiffCodec codec = c.codec(-1);
        byte[] encoded = codec.encode(data, 0, data.length);
        byte[] dst = guarded(7 + data.length + 5);

        assertEquals(data.length, codec.decode(encoded, 0, encoded.length, dst, 7, data.length));
        assertArrayEquals(data, Arrays.copyOfRange(dst, 7, 7 + data.length));
        assertGuarded(dst, 7, 7 + data.length);
        if (c != Compression.NONE && kind.startsWith("repetitive") && data.length >= 4096) {
            assertTrue(encoded.length < data.length / 10, () -> c + " compresses runs to " + encoded.length);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void encodesAndDecodesAtOffsets(Compression c) throws IOException {
        TiffCodec codec = c.codec(-1);
        byte[] data = random(3000, 1);
        byte[] encoded = codec.encode(data, 1000, 1000);
        byte[] src = new byte[encoded.length + 20];
        System.arraycopy(encoded, 0, src, 13, encoded.length);
        byte[] dst = new byte[1010];

        assertEquals(1000, codec.decode(src, 13, encoded.length, dst, 10, 1000));
        assertArrayEquals(Arrays.copyOfRange(data, 1000, 2000), Arrays.copyOfRange(dst, 10, 1010));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void truncatesOutputAtDstLen(Compression c) throws IOException {
        TiffCodec codec = c.codec(-1);
        for (byte[] data : List.of(random(4096, 2), repetitive(4096))) {
            byte[] encoded = codec.encode(data, 0, data.length);
            byte[] dst = guarded(1000 + 50);

            assertEquals(1000, codec.decode(encoded, 0, encoded.length, dst, 0, 1000));
            assertArrayEquals(Arrays.copyOf(data, 1000), Arrays.copyOf(dst, 1000));
            assertGuarded(dst, 0, 1000);
        }
    }

    /** Bytes between the count returned and dstLen are unspecified: zstd uses them as scratch. */
    @ParameterizedTest
    @EnumSource(Compression.class)
    void reportsShortOutput(Compression c) throws IOException {
        TiffCodec codec = c.codec(-1);
        byte[] data = repetitive(500);
        byte[] encoded = codec.encode(data, 0, data.length);
        byte[] dst = guarded(650);

        assertEquals(500, codec.decode(encoded, 0, encoded.length, dst, 0, 600));
        assertArrayEquals(data, Arrays.copyOf(dst, 500));
        assertGuarded(dst, 0, 600);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void isThreadSafe(Compression c) throws Exception {
        TiffCodec codec = c.codec(-1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                byte[] data = t % 2 == 0 ? random(20_000, t) : repetitive(20_000 + t);
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        byte[] encoded = codec.encode(data, 0, data.length);
                        byte[] dst = new byte[data.length];
                        codec.decode(encoded, 0, encoded.length, dst, 0, dst.length);
                        if (!Arrays.equals(data, dst)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] guarded(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, GUARD);
        return b;
    }

    private static void assertGuarded(byte[] b, int from, int to) {
        for (int i = 0; i < b.length; i++) {
            if (i < from || i >= to) {
                assertEquals(GUARD, b[i], "byte " + i + " outside the destination was written");
            }
        }
    }
}
