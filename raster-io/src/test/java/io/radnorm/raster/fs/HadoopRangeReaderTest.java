package io.radnorm.raster.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
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
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HadoopRangeReader on Hadoop's local file system (the S3A case is in S3RangeReaderTest). */
class HadoopRangeReaderTest {

    private static final int LENGTH = 300_007;

    @TempDir
    Path dir;
    private String uri;
    private final Configuration conf = new Configuration();

    @BeforeEach
    void writeFile() throws IOException {
        Path file = dir.resolve("data.bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            TestBytes.write(out, LENGTH);
        }
        uri = "file://" + file;
    }

    @Test
    void readsKnownBytesAndRejectsReadsPastTheEnd() throws IOException {
        try (HadoopRangeReader r = HadoopRangeReader.open(uri, conf)) {
            assertEquals(LENGTH, r.length());
            assertArrayEquals(TestBytes.range(123_456, 777), r.read(123_456, 777));
            EOFException e = assertThrows(EOFException.class, () -> r.read(LENGTH - 1, 2));
            assertTrue(e.getMessage().contains(uri), e.getMessage());
            assertTrue(e.getMessage().contains("offset " + (LENGTH - 1)), e.getMessage());
            assertEquals(LENGTH, r.identity().length());
        }
    }

    @Test
    void concurrentReadersShareAFewStreams() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (HadoopRangeReader r = HadoopRangeReader.open(uri, conf)) {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 200; i++) {
                        int len = 1 + random.nextInt(4096);
                        long pos = random.nextInt(LENGTH - len);
                        assertArrayEquals(TestBytes.range(pos, len), r.read(pos, len), "bytes at " + pos);
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingFileIsFileNotFoundNamingIt() {
        String missing = "file://" + dir.resolve("nope.bin");
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> HadoopRangeReader.open(missing, conf));
        assertEquals(missing + ": no such file", e.getMessage());
    }
}
