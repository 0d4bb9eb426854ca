package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.testing.S3ProxyServer;
import io.radnorm.spark.manifest.FileFingerprint;
import io.radnorm.spark.manifest.ManifestJson;
import io.radnorm.spark.manifest.RunManifest;
import io.radnorm.testing.SparkTest;
import io.radnorm.testing.SyntheticScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run manifest on S3 (S3Proxy): written with single PUTs, inputs and outputs recorded with their ETags. */
class S3ResumeTest {

    private static S3ProxyServer s3;
    private static Configuration conf;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        if (System.getProperty(S3ProxyServer.JAR_PROPERTY) == null) { // raster-io's build copies it there
            System.setProperty(S3ProxyServer.JAR_PROPERTY,
                    Path.of("..", "raster-io", "target", "s3proxy", "s3proxy.jar").toString());
        }
        s3 = S3ProxyServer.start();
        s3.createBucket("runs");
        conf = SparkTest.session().sparkContext().hadoopConfiguration();
        for (Map.Entry<String, String> e : s3.hadoopConf()) {
            if (e.getKey().startsWith("fs.s3a.")) {
                conf.set(e.getKey(), e.getValue());
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void resumeOnS3KeepsFinishedOutputsAndRewritesADeletedOne() throws Exception {
        org.apache.hadoop.fs.Path in = new org.apache.hadoop.fs.Path("s3a://runs/in/");
        for (int k = 0; k < 3; k++) {
            Path f = SyntheticScenes.write(dir.resolve("s" + k + ".tif"), DataType.UINT16, 2, k * 100, 0, 150, 150,
                    1 + 0.2 * k, 5 * k, 0.0, null);
            try (var out = in.getFileSystem(conf).create(new org.apache.hadoop.fs.Path(in, "s" + k + ".tif"))) {
                Files.copy(f, out);
            }
        }
        CliSession cli = new CliSession();
        assertEquals(0, cli.run("global", "-i", "s3a://runs/in/", "-o", "s3a://runs/out/"), cli.err());
        RunManifest m = ManifestJson.read("s3a://runs/out/_radnorm/manifest.json", conf);
        assertEquals(3, m.inputs().size());
        assertEquals(3, m.outputs().size());
        m.inputs().forEach(f -> assertNotNull(f.etag(), "S3 inputs are recorded with their ETag: " + f));
        m.outputs().forEach(o -> assertNotNull(o.file().etag(), "S3 outputs are recorded with their ETag: " + o));
        assertTrue(m.model().adjustments().sha256().matches("[0-9a-f]{64}"));

        String gone = "s3a://runs/out/s1_Global.tif";
        FileFingerprint kept = FileFingerprint.of("s3a://runs/out/s0_Global.tif", conf);
        new org.apache.hadoop.fs.Path(gone).getFileSystem(conf).delete(new org.apache.hadoop.fs.Path(gone), false);
        CliSession again = new CliSession();
        assertEquals(0, again.run("global", "-i", "s3a://runs/in/", "-o", "s3a://runs/out/", "--resume"), again.err());
        assertTrue(again.out().contains("writing " + gone + " again: it was deleted"), again.out());
        assertEquals(2, again.out().split("kept finished output", -1).length - 1, again.out());
        assertEquals(kept, FileFingerprint.of("s3a://runs/out/s0_Global.tif", conf));
        assertEquals(3, ManifestJson.read("s3a://runs/out/_radnorm/manifest.json", conf).outputs().size());
        assertTrue(Files.notExists(dir.resolve("_radnorm")));
    }
}
