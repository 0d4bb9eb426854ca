package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decimated reads against full reads of the level they sample, at known positions. */
class DecimatedReaderTest {

    @TempDir
    Path dir;

    private static final GeoTransform GT = GeoTransform.northUp(1000, 5000, 2, 2);

    /** 300 × 200 × 2 bands UInt16, value = band·10000 + row·300 + col (unique per pixel), nodata 0 at (1, 1). */
    private GeoTiffReader write(CogOptions opts, String name) throws Exception {
        Raster r = Raster.allocate(DataType.UINT16, 300, 200, 2);
        for (int b = 0; b < 2; b++) {
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x < 300; x++) {
                    r.set(b, x, y, (b * 10000 + y * 300 + x) % 60000);
                }
            }
        }
        r.set(0, 1, 1, 0); // under target pixel (0, 0)
        Path f = dir.resolve(name);
        CogWriter.write(RasterSource.of(r), new GeoMetadata(GT, null, 0.0), f.toString(), null, opts);
        return GeoTiffReader.open(f.toString());
    }

    @Test
    void fullResolutionSamplesAreThePixelsUnderTheTargetCentres() throws Exception {
        // One huge tile: no overviews, so level 0 is sampled.
        try (GeoTiffReader r = write(CogOptions.defaults().withTileSize(512), "flat.tif")) {
            assertEquals(0, r.overviewCount());
            // Target pixels of 7 map units = 3.5 source pixels; starts at the image's corner.
            GeoTransform target = GeoTransform.northUp(1000, 5000, 7, 7);
            Window w = new Window(0, 0, 90, 60); // reaches beyond the image (86 x 58 target pixels cover it)
            Raster s = DecimatedReader.sample(r, target, w, new int[] {1, 0}, 0);
            Raster full = r.read(Window.of(300, 200));
            for (int ty = 0; ty < 60; ty++) {
                for (int tx = 0; tx < 90; tx++) {
                    int sx = (int) ((tx + 0.5) * 3.5), sy = (int) ((ty + 0.5) * 3.5);
                    if (sx >= 300 || sy >= 200) {
                        assertTrue(Double.isNaN(s.get(0, tx, ty)), tx + "," + ty);
                        continue;
                    }
                    assertEquals(full.get(1, sx, sy), s.get(0, tx, ty), tx + "," + ty);
                    double b0 = full.get(0, sx, sy);
                    assertEquals(b0 == 0 ? Double.NaN : b0, s.get(1, tx, ty), tx + "," + ty);
                }
            }
            assertTrue(Double.isNaN(s.get(1, 0, 0)), "nodata reads as NaN");
        }
    }

    @Test
    void coarseTargetsSampleTheCoarsestSufficientOverview() throws Exception {
        CogOptions opts = CogOptions.defaults().withTileSize(32).withMinOverviewSize(16);
        try (GeoTiffReader r = write(opts, "cog.tif")) {
            assertTrue(r.overviewCount() >= 3, "overviews: " + r.overviewCount());
            GridSize l2 = r.levelSize(2); // 75 x 50: pixels of 8 map units
            assertEquals(new GridSize(75, 50), l2);
            assertEquals(2, DecimatedReader.level(r, 8.0));
            assertEquals(1, DecimatedReader.level(r, 7.9));
            assertEquals(0, DecimatedReader.level(r, 1.0));
            GeoTransform target = GeoTransform.northUp(1000 + 16, 5000 - 24, 9, 9); // offset target origin
            Window w = new Window(3, 2, 40, 30);
            Raster s = DecimatedReader.sample(r, target, w, new int[] {0}, 0);
            Raster level = r.readLevel(2, Window.of(75, 50), 0);
            for (int ty = 0; ty < 30; ty++) {
                for (int tx = 0; tx < 40; tx++) {
                    double x = 16 + (w.x() + tx + 0.5) * 9, y = 24 + (w.y() + ty + 0.5) * 9; // from the image corner
                    int sx = (int) (x / 8), sy = (int) (y / 8);
                    double expected = sx < 75 && sy < 50 ? level.get(0, sx, sy) : Double.NaN;
                    assertEquals(expected, s.get(0, tx, ty), tx + "," + ty);
                }
            }
        }
    }

    @Test
    void aTargetPixelLargerThanTheImageSamplesItsCentre() throws Exception {
        try (GeoTiffReader r = write(CogOptions.defaults().withTileSize(512), "sparse.tif")) {
            // One target pixel covering the whole image: a one-pixel read of the pixel under its centre.
            GeoTransform target = GeoTransform.northUp(1000, 5000, 600, 400);
            Raster s = DecimatedReader.sample(r, target, Window.of(1, 1), new int[] {0}, 0);
            assertEquals(100 * 300 + 150, s.get(0, 0, 0));
        }
    }
}
