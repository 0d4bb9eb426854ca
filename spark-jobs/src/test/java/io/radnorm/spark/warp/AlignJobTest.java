package io.radnorm.spark.warp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.warp.ResamplingMethod;
import io.radnorm.algorithms.warp.Resolution;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import io.radnorm.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Align} against gdalwarp on the WorldView sample (UTM 10N, int16, nodata −9999): the same
 * output grid (size and geotransform, with {@code -tap}), nearest-neighbour pixels identical but
 * for ties, bilinear and cubic within a small tolerance; and an identity alignment reproduces its
 * input COG byte for byte.
 */
class AlignJobTest {

    @TempDir
    Path dir;

    private final SparkSession spark = SparkTest.session();

    @Test
    void identityReproducesInputBytes() throws Exception {
        Path cog = dir.resolve("in").resolve("wv.tif");
        Files.createDirectories(cog.getParent());
        CogOptions opts = CogOptions.defaults().withTileSize(64);
        try (GeoTiffReader r = GeoTiffReader.open(TestData.sample("mosaic/wv_ne.tif").toString())) {
            CogWriter.write(RasterSource.of(r), GeoMetadata.of(r.info()), cog.toString(), null, opts);
        }
        for (ResamplingMethod m : ResamplingMethod.values()) {
            Path out = dir.resolve("out-" + m);
            Align.builder().input(cog.toString()).output(out + "/").resampling(m).options(opts).blockTiles(2)
                    .build().run(spark);
            assertArrayEquals(Files.readAllBytes(cog), Files.readAllBytes(out.resolve("wv_Aligned.tif")), m.name());
        }
    }

    @Test
    void reprojectToNeighbourZoneMatchesGdalwarp() throws Exception {
        // Exact transforms (-et 0) on both sides: nearest identical but for ties, kernels within rounding.
        compare("EPSG:32611", "2.5", "near", ResamplingMethod.NEAREST, 0, 0.001, 0);
        compare("EPSG:32611", "2", "bilinear", ResamplingMethod.BILINEAR, 0, 0.001, 1);
        compare("EPSG:32611", "2", "cubic", ResamplingMethod.CUBIC, 0, 0.001, 1);
        compare("EPSG:32611", "3", "cubic", ResamplingMethod.CUBIC, 0, 0.001, 1); // downsampling: widened kernel
        // GDAL's default approximation (0.125 pixel) on both sides: a few pixels near a boundary may flip.
        compare("EPSG:32611", "2.5", "near", ResamplingMethod.NEAREST, 0.125, 0.02, 0);
    }

    @Test
    void reprojectToGeographicMatchesGdalwarp() throws Exception {
        compare("EPSG:4326", "0.00003", "near", ResamplingMethod.NEAREST, 0, 0.001, 0);
        compare("EPSG:4326", "0.00003", "bilinear", ResamplingMethod.BILINEAR, 0, 0.001, 1);
    }

    private void compare(String crs, String res, String gdalMethod, ResamplingMethod method, double et,
                         double maxBadShare, double tolerance) throws Exception {
        Gdal.require();
        Path src = TestData.sample("mosaic/wv_sw.tif");
        Path out = dir.resolve(gdalMethod + crs.replace(":", "_") + "-" + res + "-" + et);
        Align.builder().input(src.toString()).output(out + "/").crs(crs).resolution(Resolution.parse(res)).tap(true)
                .resampling(method).errorThreshold(et).build().run(spark);
        Path ours = out.resolve("wv_sw_Aligned.tif");
        Path gdal = dir.resolve("gdal-" + gdalMethod + crs.replace(":", "_") + "-" + res + "-" + et + ".tif");
        Gdal.run("gdalwarp", "-q", "-t_srs", crs, "-tr", res, res, "-tap", "-r", gdalMethod, "-et", Double.toString(et),
                src.toString(), gdal.toString());
        try (GeoTiffReader e = GeoTiffReader.open(gdal.toString()); GeoTiffReader a = GeoTiffReader.open(ours.toString())) {
            RasterInfo ei = e.info(), ai = a.info();
            assertEquals(ei.width(), ai.width(), "width");
            assertEquals(ei.height(), ai.height(), "height");
            assertArrayEquals(ei.geoTransform().toGdal(), ai.geoTransform().toGdal(), 1e-9, "geotransform");
            assertEquals(ei.crs().epsg(), ai.crs().epsg());
            assertEquals(ei.nodata(), ai.nodata());
            Raster er = e.read(Window.of(ei.width(), ei.height())), ar = a.read(Window.of(ai.width(), ai.height()));
            long bad = 0, n = 0;
            double maxDiff = 0;
            for (int b = 0; b < er.bandCount(); b++) {
                for (int i = 0; i < er.pixelsPerBand(); i++) {
                    double x = er.getAt(b * er.pixelsPerBand() + i), y = ar.getAt(b * ar.pixelsPerBand() + i);
                    n++;
                    if (Math.abs(x - y) > tolerance) {
                        bad++;
                        maxDiff = Math.max(maxDiff, Math.abs(x - y));
                    }
                }
            }
            System.out.printf("%s %s: %d of %d samples differ by more than %s (max %s)%n", crs, gdalMethod, bad, n,
                    tolerance, maxDiff);
            assertTrue(bad <= maxBadShare * n, gdalMethod + " " + crs + ": " + bad + " of " + n
                    + " samples differ by more than " + tolerance + " (max " + maxDiff + ")");
        }
        String validation = Gdal.validateCog(ours);
        assertTrue(validation.contains("is a valid cloud optimized GeoTIFF"), validation);
        assertFalse(validation.contains("NOT"), validation);
    }

    /** Without tap and with the default resolution, one input in its own CRS keeps its own grid. */
    @Test
    void defaultGridOfOneInputIsItsOwn() {
        RasterInfo in = headers(TestData.sample("mosaic/wv_nw.tif"));
        Align.Planned p = Align.builder().input("x").build().plan(List.of(in)).get(0);
        assertEquals(in.width(), p.grid().width());
        assertEquals(in.height(), p.grid().height());
        assertArrayEquals(in.geoTransform().toGdal(), p.grid().transform().toGdal(), 1e-9);
    }

    private static RasterInfo headers(Path p) {
        try {
            return GeoTiffReader.info(p.toString(), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
