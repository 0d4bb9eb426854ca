package io.radnorm.cli;

import io.radnorm.testing.OutputFolders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.testing.FaultyProxy;
import io.radnorm.raster.testing.FaultyProxy.Fault;
import io.radnorm.raster.testing.FaultyS3;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radnorm pipeline} reading its inputs from s3a:// through a {@link FaultyProxy}: with
 * throttling, reset connections and cut-off or short bodies on many GETs, the outputs are byte
 * for byte those of a clean run; an object that cannot be read fails the run with one line
 * naming it and writes nothing.
 */
class S3FaultsPipelineTest {

    private static final String BUCKET = "scenes";
    private static final String INPUT = "s3a://" + BUCKET + "/mosaic/";

    @RegisterExtension
    static final FaultyS3 S3 = new FaultyS3(BUCKET, direct -> {
        try (FileSystem fs = new org.apache.hadoop.fs.Path(INPUT).getFileSystem(direct);
             Stream<Path> files = Files.list(TestData.sample("mosaic"))) {
            for (Path f : files.sorted().toList()) {
                fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toUri()),
                        new org.apache.hadoop.fs.Path(INPUT + f.getFileName()));
            }
        }
    });
    private static FaultyProxy proxy;
    private static final List<String> keysSet = new ArrayList<>();

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();

    @BeforeAll
    static void start() {
        Configuration sparkConf = SparkTest.session().sparkContext().hadoopConfiguration();
        proxy = S3.proxy();
        // The session is shared by every test class: set only the s3a keys, and unset them after.
        for (Map.Entry<String, String> e : proxy.hadoopConf()) {
            if (e.getKey().startsWith("fs.s3a.") && !e.getValue().equals(sparkConf.get(e.getKey()))) {
                sparkConf.set(e.getKey(), e.getValue());
                keysSet.add(e.getKey());
            }
        }
    }

    @AfterAll
    static void stop() {
        Configuration sparkConf = SparkTest.session().sparkContext().hadoopConfiguration();
        keysSet.forEach(sparkConf::unset);
    }

    private static List<Path> files(Path folder) throws IOException {
        return OutputFolders.files(folder);
    }

    @Test
    void outputsThroughFaultsEqualACleanRun() throws IOException {
        Path clean = dir.resolve("clean"), faulty = dir.resolve("faulty");
        assertEquals(0, cli.run("pipeline", "-i", INPUT, "-o", clean.toString(), "--quiet"), cli.err());

        GeoTiffReader.clearHeaderCache(); // the headers too are read again, through the faults
        // About half of the object GETs fail, some several times in a row; listings pass.
        proxy.everyKthGet(3, Fault.TRUNCATE, ".tif").everyKthGet(4, Fault.SLOW_DOWN, ".tif")
                .everyKthGet(5, Fault.RESET, ".tif").everyKthGet(7, Fault.SHORT_BODY, ".tif");
        int before = proxy.faultsInjected();
        assertEquals(0, cli.run("pipeline", "-i", INPUT, "-o", faulty.toString(), "--quiet"), cli.err());
        assertTrue(proxy.faultsInjected() - before >= 10, "faults injected: " + (proxy.faultsInjected() - before));

        List<Path> expected = files(clean), got = files(faulty);
        assertEquals(4, expected.size(), expected.toString());
        assertEquals(expected.stream().map(p -> clean.relativize(p).toString()).toList(),
                got.stream().map(p -> faulty.relativize(p).toString()).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(Files.readAllBytes(expected.get(i)), Files.readAllBytes(got.get(i)),
                    got.get(i) + " differs from the clean run's");
        }
    }

    /** The one line on stderr of a failed run, checked to be the only one. */
    private String oneErrorLine() {
        List<String> lines = cli.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), cli.err());
        return lines.get(0);
    }

    @Test
    void aForbiddenObjectFailsTheRunNamingIt() throws IOException {
        String bad = INPUT + "wv_se.tif";
        proxy.always("/" + BUCKET + "/mosaic/wv_se.tif", Fault.FORBIDDEN);
        GeoTiffReader.clearHeaderCache();
        Path out = dir.resolve("out");
        assertEquals(RadnormCli.EXIT_FAILED, cli.run("pipeline", "-i", INPUT, "-o", out.toString(), "--quiet"));
        String line = oneErrorLine();
        assertTrue(line.startsWith("radnorm: error: " + bad + ": access denied"), line);
        assertEquals(List.of(), files(out));
    }

    @Test
    void anObjectThatStaysThrottledFailsTheRunNamingIt() throws IOException {
        String bad = INPUT + "wv_nw.tif";
        proxy.everyKthGet(1, Fault.SLOW_DOWN, "/" + BUCKET + "/mosaic/wv_nw.tif");
        GeoTiffReader.clearHeaderCache();
        Path out = dir.resolve("out");
        // Fewer retries inside S3A: the attempts multiply (radnorm's 4 x S3A's x the SDK's).
        Configuration sparkConf = SparkTest.session().sparkContext().hadoopConfiguration();
        String throttleLimit = sparkConf.get("fs.s3a.retry.throttle.limit");
        sparkConf.setInt("fs.s3a.retry.throttle.limit", 1);
        try {
            assertEquals(RadnormCli.EXIT_FAILED, cli.run("pipeline", "-i", INPUT, "-o", out.toString(), "--quiet"));
        } finally {
            sparkConf.set("fs.s3a.retry.throttle.limit", throttleLimit);
        }
        String line = oneErrorLine();
        assertTrue(line.startsWith("radnorm: error: " + bad + ": read of "), line);
        assertTrue(line.contains("failed after 4 attempts"), line);
        assertFalse(line.contains("\tat "), line);
        assertEquals(List.of(), files(out));
    }
}
