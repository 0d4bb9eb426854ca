package io.radnorm.raster.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radnorm.raster.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Masks on s3a:// (S3Proxy, child JVM on 127.0.0.1): GeoJSON read in place, GeoPackage via a local copy. */
class S3VectorTest {

    private static final String BUCKET = "masks";

    private static S3ProxyServer s3;
    private static Configuration conf;
    private static FileSystem fs;

    @BeforeAll
    static void startServerAndUpload() throws IOException {
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        conf = s3.hadoopConf();
        fs = new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/").getFileSystem(conf);
        for (String name : new String[] {"masks.gpkg", "masks.geojson"}) {
            try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/v/" + name))) {
                out.write(Files.readAllBytes(Fixtures.path(name)));
            }
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

    private static long localCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("radnorm-mask-")).count();
        }
    }

    @Test
    void geoPackageIsCopiedToLocalDiskThenDeleted() throws IOException {
        long before = localCopies();
        VectorLayer masks = VectorLayers.read("s3a://" + BUCKET + "/v/masks.gpkg", conf);
        GeoJsonReadTest.assertMasksLayer(masks);
        VectorLayer zones = VectorLayers.read("s3a://" + BUCKET + "/v/masks.gpkg#zones", conf);
        assertEquals(4326, zones.crs().epsg());
        String unknown = "s3a://" + BUCKET + "/v/masks.gpkg#nope";
        IOException e = assertThrows(IOException.class, () -> VectorLayers.read(unknown, conf));
        assertEquals(unknown + ": no feature table \"nope\" (feature tables: masks, zones, lines)", e.getMessage());
        assertEquals(before, localCopies(), "the local copies are deleted, also after a failure");
    }

    @Test
    void geoJsonIsReadThroughHadoop() throws IOException {
        GeoJsonReadTest.assertMasksLayer(VectorLayers.read("s3a://" + BUCKET + "/v/masks.geojson", conf));
    }

    @Test
    void missingRemoteFiles() {
        for (String uri : new String[] {"s3a://" + BUCKET + "/v/absent.gpkg", "s3a://" + BUCKET + "/v/absent.geojson"}) {
            IOException e = assertThrows(IOException.class, () -> VectorLayers.read(uri, conf));
            assertEquals(uri + ": no such file", e.getMessage());
        }
    }
}
