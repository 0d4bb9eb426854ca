package io.radnorm.cli;

import io.radnorm.testing.OutputFolders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.fs.TemporarySiblings;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.FaultInjection;
import io.radnorm.spark.SparkSessions;
import io.radnorm.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark retries failed tasks; radnorm's outputs must not care. With {@code local[2,4]} (each task
 * tried up to 4 times) and {@link FaultInjection} failing the first attempt of chosen statistics
 * and write tasks mid-way, {@code radnorm pipeline} writes exactly the bytes of a clean run and
 * leaves no temporary or spill file behind.
 */
class TaskRetryTest {

    private static SparkSession spark;
    private static final AtomicInteger failedTasks = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void sessionWithTaskRetries() {
        SparkTest.session().stop(); // local[2] gives a task one attempt; restored in stopSession()
        System.setProperty("spark.master", "local[2,4]");
        spark = SparkSessions.getOrCreate("radnorm-task-retry-tests");
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) {
                    failedTasks.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stopSession() {
        System.clearProperty(FaultInjection.PROPERTY);
        if (spark != null) {
            spark.stop();
        }
        System.setProperty("spark.master", "local[2]");
    }

    private static List<Path> files(Path folder) throws IOException {
        return OutputFolders.entries(folder);
    }

    @Test
    void retriedTasksWriteTheSameBytesAndLeaveNothingBehind() throws Exception {
        String input = TestData.sample("mosaic").toString();
        // Small cells and tiles: several statistics tasks, four rows of tiles per output.
        String[] options = {"--window", "64", "--tile-size", "64", "--quiet"};
        Path clean = dir.resolve("clean"), retried = dir.resolve("retried"), spill = dir.resolve("tmp");
        CliSession cli = new CliSession();
        assertEquals(0, cli.run(concat(new String[] {"pipeline", "-i", input, "-o", clean.toString()}, options)),
                cli.err());
        assertEquals(0, failedTasks.get());

        GeoTiffReader.clearHeaderCache();
        String tmpdir = System.getProperty("java.io.tmpdir");
        Files.createDirectories(spill);
        System.setProperty(FaultInjection.PROPERTY, "cells:0,cells:1,write:0,write:2");
        System.setProperty("java.io.tmpdir", spill.toString()); // where CogWriter spills tiles
        try {
            assertEquals(0, cli.run(concat(new String[] {"pipeline", "-i", input, "-o", retried.toString()}, options)),
                    cli.err());
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
            System.setProperty("java.io.tmpdir", tmpdir);
        }
        assertEquals(4, failedTasks.get(), "two statistics and two write attempts failed and were retried");

        List<Path> expected = files(clean), got = files(retried);
        assertEquals(4, expected.size(), expected.toString());
        assertEquals(expected.stream().map(p -> p.getFileName().toString()).toList(),
                got.stream().map(p -> p.getFileName().toString()).toList(), "no temporary file remains");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(Files.readAllBytes(expected.get(i)), Files.readAllBytes(got.get(i)), got.get(i).toString());
            assertTrue(!TemporarySiblings.isTemporary(got.get(i).getFileName().toString()));
        }
        assertEquals(List.of(), files(spill), "spill files of the failed attempts are deleted");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
