package io.radnorm.raster.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.testing.FaultyProxy;
import io.radnorm.raster.testing.FaultyProxy.Fault;
import io.radnorm.raster.testing.FaultyS3;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.io.FileNotFoundException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Range reads over s3a:// through a {@link FaultyProxy}: throttling, reset connections, cut-off
 * and short bodies are retried and the bytes are exactly those of the object; failures that stay
 * fail in bounded time with one line naming the object.
 */
class S3FaultsTest {

    private static final String BUCKET = "faults";
    private static final int SIZE = 1024 * 1024;
    private static final String KEY_URI = "s3a://" + BUCKET + "/cog/image.tif";

    @RegisterExtension
    static final FaultyS3 S3 = new FaultyS3(BUCKET, direct -> {
        try (FileSystem fs = new Path(KEY_URI).getFileSystem(direct);
             FSDataOutputStream out = fs.create(new Path(KEY_URI), true)) {
            TestBytes.write(out, SIZE);
        }
    });
    private static FaultyProxy proxy;
    private static Configuration conf;

    @BeforeAll
    static void start() {
        proxy = S3.proxy();
        conf = proxy.hadoopConf();
    }

    /** Twenty ranges across the object, each compared with the bytes written. */
    private static void readRangesAndCompare() throws IOException {
        try (RangeReader reader = RangeReaders.open(KEY_URI, conf)) {
            for (int i = 0; i < 20; i++) {
                long pos = (long) i * (SIZE / 20) + 13 * i;
                int len = 1000 + 2001 * i;
                assertArrayEquals(TestBytes.range(pos, len), reader.read(pos, len), "range at " + pos);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RESET", "SLOW_DOWN", "TRUNCATE", "SHORT_BODY"})
    void transientFaultsOnEveryOtherGetAreRetriedToTheExactBytes(Fault fault) throws IOException {
        proxy.everyKthGet(2, fault);
        int before = proxy.faultsInjected();
        readRangesAndCompare();
        assertTrue(proxy.faultsInjected() - before >= 5, fault + " injected " + (proxy.faultsInjected() - before));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RESET", "SLOW_DOWN", "TRUNCATE", "SHORT_BODY"})
    void aRunOfFailuresLongerThanS3ARetriesIsStillRetried(Fault fault) throws IOException {
        // S3A's own retries (the test configuration allows 2) are used up; radnorm's policy goes on.
        proxy.firstGets(4, fault);
        readRangesAndCompare();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RESET", "SLOW_DOWN"})
    void openingSurvivesFailedStatusRequests(Fault fault) throws IOException {
        proxy.firstRequests(2, fault); // the HEAD of getFileStatus, then its retry
        readRangesAndCompare();
        assertTrue(proxy.faultsInjected() >= 2);
    }

    @Test
    void aReadThatKeepsFailingGivesUpInBoundedTimeNamingTheObject() throws IOException {
        // Fewer retries inside S3A: the attempts multiply (radnorm's 4 x S3A's x the SDK's).
        Configuration impatient = new Configuration(conf);
        impatient.setInt("fs.s3a.retry.throttle.limit", 1);
        try (RangeReader reader = RangeReaders.open(KEY_URI, impatient)) {
            proxy.always("/" + BUCKET + "/", Fault.SLOW_DOWN);
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> reader.read(5000, 100));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 60, "gave up after " + seconds + " s");
            String line = e.getMessage();
            assertTrue(line.startsWith(KEY_URI + ": read of 100 bytes at offset 5000 failed after"), line);
            assertTrue(line.contains("503") || line.contains("Slow Down") || line.contains("SlowDown"), line);
            assertFalse(line.contains("\n"), line);
        }
    }

    @Test
    void forbiddenObjectFailsAtOnceNamingIt() {
        proxy.always("/" + BUCKET + "/cog/image.tif", Fault.FORBIDDEN);
        long start = System.nanoTime();
        IOException e = assertThrows(AccessDeniedException.class, () -> RangeReaders.open(KEY_URI, conf));
        assertTrue((System.nanoTime() - start) / 1e9 < 10, "not retried for long");
        assertTrue(e.getMessage().startsWith(KEY_URI + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("access denied") || e.getMessage().contains("403"), e.getMessage());
    }

    @Test
    void forbiddenAfterOpeningFailsAtOnceNamingIt() throws IOException {
        try (RangeReader reader = RangeReaders.open(KEY_URI, conf)) {
            proxy.always("/" + BUCKET + "/cog/image.tif", Fault.FORBIDDEN);
            IOException e = assertThrows(AccessDeniedException.class, () -> reader.read(0, 10));
            assertTrue(e.getMessage().startsWith(KEY_URI + ": "), e.getMessage());
        }
    }

    @Test
    void missingObjectIsNoSuchFile() {
        proxy.always("/" + BUCKET + "/cog/image.tif", Fault.NOT_FOUND);
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> RangeReaders.open(KEY_URI, conf));
        assertEquals(KEY_URI + ": no such file", e.getMessage());
    }
}
