package io.radnorm.raster.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.testing.S3ProxyServer;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Range reads over s3a:// against a real S3 server (S3Proxy, child JVM on 127.0.0.1). */
class S3RangeReaderTest {

    private static final String BUCKET = "ranges";
    private static final int SIZE = 4 * 1024 * 1024;
    private static final String KEY_URI = "s3a://" + BUCKET + "/cog/image.tif";

    private static S3ProxyServer s3;
    private static Configuration conf;
    private static FileSystem fs;

    @BeforeAll
    static void startServerAndUpload() throws IOException {
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        conf = s3.hadoopConf();
        fs = new Path(KEY_URI).getFileSystem(conf);
        try (FSDataOutputStream out = fs.create(new Path(KEY_URI), true)) {
            TestBytes.write(out, SIZE);
        }
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (fs != null) {
            fs.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private static long counter(Map<String, Long> counters, String key) {
        assertTrue(counters.containsKey(key), "S3A statistic " + key + " missing: " + counters);
        return counters.get(key);
    }

    @Test
    void threeRangesFetchThreeSmallRangesNotTheObject() throws IOException {
        long[] offsets = {0, 1_234_567, SIZE - 5000};
        int[] lengths = {16_384, 1000, 5000};
        HadoopRangeReader hadoopReader;
        try (RangeReader reader = RangeReaders.open(KEY_URI, conf)) {
            hadoopReader = assertInstanceOf(HadoopRangeReader.class, reader);
            assertEquals(SIZE, reader.length());
            for (int i = 0; i < offsets.length; i++) {
                assertArrayEquals(TestBytes.range(offsets[i], lengths[i]), reader.read(offsets[i], lengths[i]),
                        "range at " + offsets[i]);
            }
        }
        // What the S3A input streams of this reader did, summed as they closed.
        Map<String, Long> counters = hadoopReader.getIOStatistics().counters();
        long gets = counter(counters, "action_http_get_request");
        // Bytes taken off the connections (used, or drained when a stream closed) plus bytes that
        // were requested but cut off by aborting the connection: what the server was asked for.
        long fetched = counter(counters, "stream_read_total_bytes")
                + counter(counters, "stream_read_bytes_discarded_in_abort");
        String report = "S3A stream counters " + new TreeMap<>(counters);
        assertEquals(16_384 + 1000 + 5000, counter(counters, "stream_read_bytes"), report);
        // Random policy: one bounded GET per range, max(len, fs.s3a.readahead.range = 64 KiB), so
        // about 136 KiB in all. The sequential/normal policy makes each GET open-ended and aborts
        // it at the next seek: ~7 MB requested for the same three reads.
        assertEquals(3, gets, report);
        assertTrue(fetched < SIZE / 16, "fetched far less than the " + SIZE + "-byte object: " + report);
    }

    @Test
    void eightThreadsReadCorrectBytesConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (RangeReader reader = RangeReaders.open(KEY_URI, conf)) {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = 100 + t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 10; i++) {
                        int len = 1 + random.nextInt(20_000);
                        long pos = random.nextInt(SIZE - len);
                        assertArrayEquals(TestBytes.range(pos, len), reader.read(pos, len), "bytes at " + pos);
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readPastTheEndAndMissingKeysNameTheObject() throws IOException {
        try (RangeReader reader = RangeReaders.open(KEY_URI, conf)) {
            EOFException e = assertThrows(EOFException.class, () -> reader.read(SIZE - 10, 11));
            assertTrue(e.getMessage().contains(KEY_URI), e.getMessage());
        }
        String missing = "s3a://" + BUCKET + "/no/such.tif";
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> RangeReaders.open(missing, conf));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void identityOfAnObject() throws IOException {
        FileIdentity id = RangeReaders.identify(KEY_URI, conf);
        assertEquals(KEY_URI, id.uri());
        assertEquals(SIZE, id.length());
        assertTrue(id.modificationTime() > 0);
    }
}
