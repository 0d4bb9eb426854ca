package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Geotransform, CRS keys and nodata survive a write and a read, and a COG can be rewritten from a reader. */
class CogWriterGeoreferencingTest {

    @TempDir
    Path dir;

    private RasterInfo roundTrip(DataType type, GeoMetadata meta, String name) throws Exception {
        Raster src = CogTestData.random(type, 70, 50, 1, name.hashCode());
        Path f = dir.resolve(name);
        CogWriter.write(RasterSource.of(src), meta, f.toString(), null,
                CogOptions.defaults().withTileSize(32).withThreads(1));
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            CogTestData.assertBitIdentical(src, r.read(Window.of(70, 50)));
            return r.info();
        }
    }

    @Test
    void epsgNorthUpWithNegativeNodata() throws Exception {
        GeoTransform gt = GeoTransform.northUp(600000.5, 4200000.25, 0.3, 0.3);
        Crs crs = new Crs(32633, GeoKeyDirectory.forEpsg(32633, true));
        RasterInfo info = roundTrip(DataType.INT16, new GeoMetadata(gt, crs, -9999.0), "epsg.tif");
        assertEquals(gt, info.geoTransform());
        assertEquals(32633, info.crs().epsg());
        assertEquals(crs.geoKeys(), info.crs().geoKeys());
        assertEquals(-9999.0, info.nodata());
    }

    @Test
    void rotatedTransformAndNanNodata() throws Exception {
        GeoTransform gt = new GeoTransform(1000, 2, 0.5, 5000, 0.25, -2);
        Crs crs = new Crs(4326, GeoKeyDirectory.forEpsg(4326, false));
        RasterInfo info = roundTrip(DataType.FLOAT32, new GeoMetadata(gt, crs, Double.NaN), "rotated.tif");
        assertEquals(gt, info.geoTransform());
        assertEquals(4326, info.crs().epsg());
        assertTrue(info.nodata().isNaN());
    }

    @Test
    void userDefinedKeysAreWrittenVerbatim() throws Exception {
        // A user-defined Lambert projection: keys in the directory, the double params and the ASCII params.
        GeoKeyDirectory keys = new GeoKeyDirectory(new int[] {
            1, 1, 0, 6,
            GeoKeyDirectory.GT_MODEL_TYPE, 0, 1, 1,
            GeoKeyDirectory.GT_RASTER_TYPE, 0, 1, 1,
            GeoKeyDirectory.GT_CITATION, 34737, 11, 0,
            GeoKeyDirectory.PROJECTED_CS_TYPE, 0, 1, GeoKeyDirectory.USER_DEFINED,
            3078, 34736, 1, 0,   // ProjStdParallel1GeoKey
            3079, 34736, 1, 1},  // ProjStdParallel2GeoKey
            new double[] {44.0, 49.0}, "custom lcc|");
        GeoTransform gt = GeoTransform.northUp(700000, 6600000, 25, 25);
        RasterInfo info = roundTrip(DataType.UINT16, new GeoMetadata(gt, Crs.fromGeoKeys(keys), null), "user.tif");
        assertEquals(keys, info.crs().geoKeys());
        assertFalse(info.crs().hasEpsg());
        assertEquals("custom lcc", info.crs().name());
        assertNull(info.nodata());
    }

    @Test
    void pixelIsPointTransformRoundTrips() throws Exception {
        GeoKeyDirectory keys = new GeoKeyDirectory(new int[] {
            1, 1, 0, 3,
            GeoKeyDirectory.GT_MODEL_TYPE, 0, 1, 1,
            GeoKeyDirectory.GT_RASTER_TYPE, 0, 1, GeoKeyDirectory.RASTER_PIXEL_IS_POINT,
            GeoKeyDirectory.PROJECTED_CS_TYPE, 0, 1, 32605}, new double[0], "");
        GeoTransform gt = GeoTransform.northUp(500000, 4100000, 10, 10);
        Path f = dir.resolve("point.tif");
        CogWriter.write(RasterSource.of(CogTestData.random(DataType.UINT8, 40, 40, 1, 3)),
                new GeoMetadata(gt, Crs.fromGeoKeys(keys), null), f.toString(), null,
                CogOptions.defaults().withTileSize(16).withThreads(1));
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            assertEquals(gt, r.info().geoTransform());
            // The file ties the centre of the first pixel, as GDAL writes PixelIsPoint files.
            double[] tie = r.structure().directories().get(0).doubles(TiffTag.MODEL_TIEPOINT);
            assertArrayEquals(new double[] {0, 0, 0, 500005, 4099995, 0}, tie, 0);
        }
    }

    @Test
    void noMetadataWritesNoGeoTags() throws Exception {
        RasterInfo info = roundTrip(DataType.FLOAT64, GeoMetadata.none(), "plain.tif");
        assertNull(info.geoTransform());
        assertNull(info.crs());
        assertNull(info.nodata());
    }

    @Test
    void rewriteFromReaderKeepsEverything() throws Exception {
        GeoTransform gt = GeoTransform.northUp(10, 20, 0.5, 0.5);
        Crs crs = new Crs(3857, GeoKeyDirectory.forEpsg(3857, true));
        Raster src = CogTestData.random(DataType.UINT32, 90, 65, 4, 11);
        Path a = dir.resolve("a.tif"), b = dir.resolve("b.tif");
        CogOptions opts = CogOptions.defaults().withTileSize(32).withThreads(2);
        CogWriter.write(RasterSource.of(src), new GeoMetadata(gt, crs, 7.0), a.toString(), null, opts);
        try (GeoTiffReader ra = GeoTiffReader.open(a.toString())) {
            new CogWriter(RasterSource.of(ra), GeoMetadata.of(ra.info()))
                    .setOptions(opts.withCompression(io.radnorm.raster.tiff.codec.Compression.LZW)).write(b.toString());
        }
        try (GeoTiffReader rb = GeoTiffReader.open(b.toString())) {
            RasterInfo info = rb.info();
            assertEquals(gt, info.geoTransform());
            assertEquals(crs.geoKeys(), info.crs().geoKeys());
            assertEquals(7.0, info.nodata());
            assertEquals(4, info.bandCount());
            CogTestData.assertBitIdentical(src, rb.read(Window.of(90, 65)));
        }
    }
}
