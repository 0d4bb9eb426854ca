package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.testing.FaultyProxy;
import io.radnorm.raster.testing.FaultyProxy.Fault;
import io.radnorm.raster.testing.FaultyS3;
import io.radnorm.raster.testing.S3ProxyServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * COG windows and whole images read from S3 through a {@link FaultyProxy} that throttles, resets,
 * cuts off and shortens responses: every pixel equals a clean read's.
 */
class S3CogFaultsTest {

    private static final String BUCKET = "cog-faults";
    private static final String URI = "s3a://" + BUCKET + "/scenes/image.tif";
    @RegisterExtension
    static final FaultyS3 S3 = new FaultyS3(BUCKET, direct -> {
        Raster image = Raster.allocate(DataType.UINT16, 1024, 768, 2);
        Random rnd = new Random(11);
        for (int i = 0; i < image.pixelsPerBand() * 2; i++) {
            image.setAt(i, (i % 1024) * 7 + rnd.nextInt(3000));
        }
        GeoMetadata meta = new GeoMetadata(GeoTransform.northUp(300000, 5000000, 10, 10),
                new Crs(32633, GeoKeyDirectory.forEpsg(32633, true)), 0.0);
        CogWriter.write(RasterSource.of(image), meta, URI, direct, CogOptions.defaults().withTileSize(256));
    });
    private static FaultyProxy proxy;
    private static S3ProxyServer s3;

    @BeforeAll
    static void start() {
        proxy = S3.proxy();
        s3 = S3.store();
    }

    private static final List<Window> WINDOWS = List.of(new Window(0, 0, 1024, 768), new Window(700, 300, 256, 256),
            new Window(1, 1, 1, 1), new Window(255, 511, 300, 257), new Window(0, 700, 1024, 68));

    private static List<Raster> readAll(Configuration conf) throws IOException {
        GeoTiffReader.clearHeaderCache(); // every read goes to the store
        List<Raster> out = new ArrayList<>();
        try (GeoTiffReader r = GeoTiffReader.open(URI, conf)) {
            for (Window w : WINDOWS) {
                out.add(r.read(w));
            }
            out.add(r.readLevel(1, Window.of(512, 384), 1));
        }
        return out;
    }

    @Test
    void windowsAndTheWholeImageReadThroughFaultsEqualACleanRead() throws IOException {
        List<Raster> clean = readAll(s3.hadoopConf());
        // About half of the GETs fail, some several times in a row.
        proxy.everyKthGet(3, Fault.TRUNCATE).everyKthGet(4, Fault.SLOW_DOWN).everyKthGet(5, Fault.RESET)
                .everyKthGet(7, Fault.SHORT_BODY);
        int before = proxy.faultsInjected();
        List<Raster> faulty = readAll(proxy.hadoopConf());
        assertTrue(proxy.faultsInjected() - before >= 4, "faults injected: " + (proxy.faultsInjected() - before));
        for (int i = 0; i < clean.size(); i++) {
            assertTrue(clean.get(i).contentEquals(faulty.get(i)), "read " + i + " differs");
        }
    }

    @Test
    void theHeaderReadSurvivesAThrottledStart() throws IOException {
        List<Raster> clean = readAll(s3.hadoopConf());
        proxy.firstGets(3, Fault.SLOW_DOWN);
        List<Raster> faulty = readAll(proxy.hadoopConf());
        for (int i = 0; i < clean.size(); i++) {
            assertTrue(clean.get(i).contentEquals(faulty.get(i)), "read " + i + " differs");
        }
    }
}
