package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.fs.CountingRangeReader;
import io.radnorm.raster.fs.RangeReaders;
import io.radnorm.raster.testing.S3ProxyServer;
import java.io.IOException;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * COGs on a real S3 server (S3Proxy on 127.0.0.1, path-style, fake credentials): written through
 * s3a://, read back window by window with a handful of range requests.
 */
class S3CogTest {

    private static final String BUCKET = "cogs";
    private static S3ProxyServer s3;
    private static Configuration conf;
    private static Raster image;
    private static final String URI = "s3a://" + BUCKET + "/scenes/image.tif";

    @BeforeAll
    static void writeCogToS3() throws IOException {
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        conf = s3.hadoopConf();
        image = Raster.allocate(DataType.UINT16, 2048, 1536, 2);
        Random rnd = new Random(7);
        for (int i = 0; i < image.pixelsPerBand() * 2; i++) {
            image.setAt(i, (i % 2048) * 3 + rnd.nextInt(1000));
        }
        GeoMetadata meta = new GeoMetadata(GeoTransform.northUp(300000, 5000000, 10, 10),
                new Crs(32633, GeoKeyDirectory.forEpsg(32633, true)), 0.0);
        CogWriter.write(RasterSource.of(image), meta, URI, conf, CogOptions.defaults().withTileSize(256));
    }

    @AfterAll
    static void stop() throws IOException {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aWindowCostsAFewRangeRequestsNotTheFile() throws IOException {
        long fileSize = new Path(URI).getFileSystem(conf).getFileStatus(new Path(URI)).getLen();
        CountingRangeReader counting = RangeReaders.counting(RangeReaders.open(URI, conf));
        try (GeoTiffReader r = GeoTiffReader.open(counting)) {
            assertEquals(2048, r.info().width());
            assertEquals(32633, r.info().crs().epsg());
            assertTrue(r.info().layout().cog());
            long headerRequests = counting.requests();
            assertEquals(1, headerRequests, "the header of a COG is one request");

            Window w = new Window(700, 300, 256, 256); // straddles 4 tiles
            Raster got = r.read(w);
            assertTrue(image.crop(w).contentEquals(got), "window read from S3 equals what was written");
            long windowRequests = counting.requests() - headerRequests;
            assertTrue(windowRequests <= 2, "4 tiles in 2 tile rows: at most 2 ranges, was " + windowRequests);
            assertTrue(counting.bytesRead() < fileSize / 10,
                    "read " + counting.bytesRead() + " bytes of a " + fileSize + "-byte file");

            Raster overview = r.readLevel(2, Window.of(512, 384), 1);
            assertEquals(512, overview.width());
        }
    }

    @Test
    void cogWrittenToS3ReadsBackWhole() throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(URI, conf)) {
            assertTrue(image.contentEquals(r.read(Window.of(2048, 1536))));
            assertEquals(0.0, r.info().nodata());
        }
    }
}
