package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.spark.manifest.ManifestJson;
import io.radnorm.spark.manifest.RunManifest;
import io.radnorm.spark.manifest.RunRecorder;
import io.radnorm.testing.SparkTest;
import io.radnorm.testing.SyntheticScenes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume}: a run killed after its first output finishes, byte for byte, like one never
 * interrupted; a deleted output is written again, the others kept; a changed input is measured
 * again; a different {@code --blocks} is refused.
 */
class ResumeCommandTest {

    private static final String[] NAMES = {"nw", "ne", "sw", "se"};

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();

    @BeforeAll
    static void spark() {
        SparkTest.session();
    }

    /** Four 160 x 160 3-band UInt16 images in a 2 x 2 mosaic overlapping by 48 px, each with its own gain. */
    private Path scenes() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int k = 0; k < 4; k++) {
            scene(in, k, 1.0 + 0.1 * k);
        }
        return in;
    }

    private static void scene(Path in, int k, double gain) throws IOException {
        SyntheticScenes.write(in.resolve(NAMES[k] + ".tif"), DataType.UINT16, 3, (k % 2) * 112, (k / 2) * 112, 160,
                160, gain, 10 * k, 0.0, null);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private static List<Path> outputs(Path folder, String suffix) {
        List<Path> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(folder.resolve(n + suffix));
        }
        return out;
    }

    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        for (String n : NAMES) {
            Path e = expected.resolve(n + "_Normalized.tif").toFile().exists() ? expected.resolve(n + "_Normalized.tif")
                    : expected.resolve(n + "_Global.tif");
            Path a = actual.resolve(e.getFileName());
            assertEquals(-1L, Files.mismatch(e, a), a + " differs from " + e);
        }
    }

    private static RunManifest manifest(Path output) throws IOException {
        return ManifestJson.read(RunManifest.location(output.toString()), new Configuration());
    }

    @Test
    void killedRunResumesToTheBytesOfAnUninterruptedRun() throws Exception {
        Path in = scenes();
        Path clean = dir.resolve("clean"), killed = dir.resolve("killed");
        assertEquals(0, run("pipeline", "-i", in.toString(), "-o", clean.toString(), "--blocks", "3x3"), cli.err());

        Process p = childCli(dir.resolve("child.log"), "pipeline", "-i", in.toString(), "-o", killed.toString(),
                "--blocks", "3x3");
        try {
            RunManifest m = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while ((m == null || m.outputs().isEmpty()) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                m = readQuietly(killed);
            }
            assertTrue(m != null && m.outputs().size() == 1,
                    "the child should pause after its first recorded output: " + Files.readString(dir.resolve("child.log")));
        } finally {
            p.destroyForcibly().waitFor();
        }
        assertEquals(1, manifest(killed).outputs().size());
        assertTrue(manifest(killed).model() != null);

        assertEquals(0, run("pipeline", "-i", in.toString(), "-o", killed.toString(), "--blocks", "3x3", "--resume"),
                cli.err());
        assertTrue(cli.out().contains("applying the model saved"), cli.out());
        assertTrue(cli.out().contains("kept finished output"), cli.out());
        assertSameBytes(clean, killed);
        assertEquals(4, manifest(killed).outputs().size());
    }

    @Test
    void deletedOutputIsWrittenAgainAndTheOthersKept() throws Exception {
        Path in = scenes();
        Path out = dir.resolve("out"), copy = Files.createDirectories(dir.resolve("copy"));
        assertEquals(0, run("pipeline", "-i", in.toString(), "-o", out.toString(), "--blocks", "3x3"), cli.err());
        for (Path f : outputs(out, "_Normalized.tif")) {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        Path gone = out.resolve("ne_Normalized.tif"), kept = out.resolve("sw_Normalized.tif");
        Files.delete(gone);
        FileTime keptTime = Files.getLastModifiedTime(kept);

        assertEquals(0, run("pipeline", "-i", in.toString(), "-o", out.toString(), "--blocks", "3x3", "--resume"),
                cli.err());
        assertTrue(cli.out().contains("writing " + gone + " again: it was deleted"), cli.out());
        assertTrue(cli.out().contains("kept finished output " + kept), cli.out());
        assertEquals(keptTime, Files.getLastModifiedTime(kept));
        assertSameBytes(copy, out);
    }

    @Test
    void changedInputIsMeasuredAgainAndMatchesACleanRunOnTheNewInputs() throws Exception {
        Path in = scenes();
        Path out = dir.resolve("out"), clean = dir.resolve("clean");
        assertEquals(0, run("global", "-i", in.toString(), "-o", out.toString()), cli.err());
        String before = manifest(out).model().adjustments().sha256();

        Path changed = in.resolve("se.tif");
        scene(in, 3, 1.7);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(0, run("global", "-i", in.toString(), "-o", out.toString(), "--resume"), cli.err());
        assertTrue(cli.out().contains("input " + changed + " changed since the recorded run"), cli.out());
        assertTrue(cli.out().contains("measuring all 4 inputs again"), cli.out());
        assertTrue(!before.equals(manifest(out).model().adjustments().sha256()), "the model is solved again");

        assertEquals(0, run("global", "-i", in.toString(), "-o", clean.toString()), cli.err());
        assertSameBytes(clean, out);
    }

    @Test
    void differentBlocksAreRefusedAndSameOptionsKeepEverything() throws Exception {
        Path in = scenes();
        Path out = dir.resolve("out");
        assertEquals(0, run("local", "-i", in.toString(), "-o", out.toString(), "--blocks", "3x3"), cli.err());
        CliSession again = new CliSession();
        assertEquals(0, again.run("local", "-i", in.toString(), "-o", out.toString(), "--blocks", "3x3", "--quiet",
                "--resume"), again.err());
        assertEquals(4, again.out().split("kept finished output", -1).length - 1, again.out());
        assertTrue(!again.out().contains("wrote "), again.out());

        assertEquals(RadnormCli.EXIT_FAILED, run("local", "-i", in.toString(), "-o", out.toString(), "--blocks", "4x4",
                "--resume"));
        assertTrue(cli.err().contains("option --blocks differs from the run recorded in")
                && cli.err().contains("('3x3' there, '4x4' now)"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
    }

    @Test
    void failedWriteKeepsWhatFinishedAndResumeWritesTheRest() throws Exception {
        Path in = scenes();
        Path out = dir.resolve("out");
        // A folder where the last image's output goes: its task (the last to start) fails, the job stops.
        Path blocked = Files.createDirectories(out.resolve("sw_Global.tif"));
        assertEquals(RadnormCli.EXIT_FAILED, run("global", "-i", in.toString(), "-o", out.toString()));
        assertTrue(cli.err().contains("sw_Global.tif"), cli.err());
        int finished = manifest(out).outputs().size(); // those whose task ended before the failure stopped the job
        assertTrue(finished >= 1 && finished <= 3, "finished outputs are recorded: " + finished);

        Files.delete(blocked);
        CliSession again = new CliSession();
        assertEquals(0, again.run("global", "-i", in.toString(), "-o", out.toString(), "--resume"), again.err());
        assertEquals(finished, again.out().split("kept finished output", -1).length - 1, again.out());
        assertTrue(again.out().contains("wrote " + blocked), again.out());
        assertEquals(4, manifest(out).outputs().size());
    }

    @Test
    void manifestFolderOfTemplates() {
        assertEquals("out/_radnorm/", RunManifest.folder("out"));
        assertEquals("out/_radnorm/", RunManifest.folder("out/$_N.tif"));
        assertEquals("s3a://b/run/_radnorm/", RunManifest.folder("s3a://b/run/$/x.tif"));
        assertEquals("./_radnorm/", RunManifest.folder("$_N.tif"));
    }

    private static RunManifest readQuietly(Path output) {
        try {
            return manifest(output);
        } catch (IOException e) {
            return null;
        }
    }

    /** The CLI in a child JVM (the test classpath and the project's Spark JVM options), paused after one output. */
    private static Process childCli(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-XX:TieredStopAtLevel=1"); // a short run: start fast rather than optimise
        cmd.add("-XX:+UseSerialGC");
        try (InputStream opts = RadnormCli.class.getResourceAsStream("/radnorm/jvm-options.txt")) {
            for (String o : new String(opts.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+")) {
                cmd.add(o);
            }
        }
        cmd.add("-D" + RunRecorder.PAUSE_PROPERTY + "=1");
        cmd.add("-Dspark.master=local[1]");
        cmd.add("-Dspark.driver.bindAddress=127.0.0.1");
        cmd.add("-Dspark.driver.host=127.0.0.1");
        cmd.add("-Dspark.ui.enabled=false");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RadnormCli.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }
}
