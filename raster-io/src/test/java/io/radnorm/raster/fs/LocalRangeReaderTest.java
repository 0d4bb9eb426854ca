package io.radnorm.raster.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRangeReaderTest {

    private static final int LENGTH = 1_000_003;

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        file = dir.resolve("data.bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            TestBytes.write(out, LENGTH);
        }
    }

    @Test
    void positionedReadsReturnTheBytesAtTheirOffsets() throws IOException {
        try (RangeReader r = LocalRangeReader.open(file)) {
            assertEquals(LENGTH, r.length());
            assertArrayEquals(TestBytes.range(0, 100), r.read(0, 100));
            assertArrayEquals(TestBytes.range(777_777, 4096), r.read(777_777, 4096));
            assertArrayEquals(TestBytes.range(LENGTH - 10, 10), r.read(LENGTH - 10, 10));
            byte[] buf = new byte[50];
            r.readFully(500, buf, 20, 30);
            assertArrayEquals(TestBytes.range(500, 30), java.util.Arrays.copyOfRange(buf, 20, 50));
            assertEquals(0, buf[0], "bytes outside [off, off+len) untouched");
            assertEquals(0, r.read(LENGTH, 0).length, "an empty read at the end is fine");
        }
    }

    @Test
    void eightThreadsReadingConcurrentlyGetTheirOwnBytes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (RangeReader r = LocalRangeReader.open(file)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 500; i++) {
                        int len = 1 + random.nextInt(8192);
                        long pos = random.nextInt(LENGTH - len);
                        assertArrayEquals(TestBytes.range(pos, len), r.read(pos, len),
                                "bytes at " + pos);
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(500, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readPastTheEndNamesFileOffsetAndLength() throws IOException {
        try (RangeReader r = LocalRangeReader.open(file, "file:" + file)) {
            EOFException e = assertThrows(EOFException.class, () -> r.read(LENGTH - 5, 10));
            assertTrue(e.getMessage().contains("file:" + file), e.getMessage());
            assertTrue(e.getMessage().contains("offset " + (LENGTH - 5)), e.getMessage());
            assertTrue(e.getMessage().contains("10 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("length " + LENGTH), e.getMessage());
        }
    }

    @Test
    void negativeOffsetIsRejected() throws IOException {
        try (RangeReader r = LocalRangeReader.open(file)) {
            assertThrows(IllegalArgumentException.class, () -> r.read(-1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> r.readFully(0, new byte[4], 2, 3));
        }
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheOtherThreads() throws Exception {
        try (RangeReader r = LocalRangeReader.open(file)) {
            // An interrupted thread's channel read closes the channel (ClosedByInterruptException).
            Thread.currentThread().interrupt();
            try {
                assertThrows(InterruptedIOException.class, () -> r.read(0, 10));
            } finally {
                Thread.interrupted();
            }
            // Another (non-interrupted) read reopens it.
            assertArrayEquals(TestBytes.range(12345, 100), r.read(12345, 100));
        }
    }

    @Test
    void readAfterCloseFails() throws IOException {
        RangeReader r = LocalRangeReader.open(file);
        r.close();
        IOException e = assertThrows(IOException.class, () -> r.read(0, 1));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
