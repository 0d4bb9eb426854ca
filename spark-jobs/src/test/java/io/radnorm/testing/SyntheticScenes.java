package io.radnorm.testing;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.RasterSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Overlapping synthetic images cut from one deterministic scene, each with a known radiometric
 * distortion — the "known gains recovered" fixtures of the job tests. The scene has smooth
 * structure plus texture, so overlaps have non-zero, differing means and stds.
 */
public final class SyntheticScenes {

    /** UTM zone 33N: a projected EPSG CRS, without asking SIS for it. */
    public static final Crs CRS = new Crs(32633, GeoKeyDirectory.forEpsg(32633, true));
    public static final double PIXEL = 10;
    public static final double ORIGIN_X = 500_000, ORIGIN_Y = 4_000_000;

    private SyntheticScenes() {
    }

    /** The true scene value of band {@code b} at scene pixel (x, y). */
    public static double scene(int b, int x, int y) {
        return 200 + 40 * b + 60 * Math.sin(x / 23.0) * Math.cos(y / 17.0) + ((x * 7919 + y * 104729 + b * 31) % 97);
    }

    /**
     * Writes a window of the scene as a COG: pixel (c, r) = gain·scene(x0 + c, y0 + r) + offset,
     * nodata where {@code hole} covers it (a square, or null).
     */
    public static Path write(Path file, DataType type, int bands, int x0, int y0, int width, int height,
                             double gain, double offset, Double nodata, int[] hole) throws IOException {
        return write(file, type, bands, x0, y0, width, height, gain, offset, nodata, hole, nodata);
    }

    /** As {@link #write}, but the square {@code patch} holds {@code patchValue} (a cloud) instead of nodata. */
    public static Path write(Path file, DataType type, int bands, int x0, int y0, int width, int height,
                             double gain, double offset, Double nodata, int[] patch, Double patchValue)
            throws IOException {
        int[] hole = patch;
        Raster r = Raster.allocate(type, width, height, bands);
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean inHole = hole != null && x >= hole[0] && x < hole[0] + hole[2] && y >= hole[1]
                            && y < hole[1] + hole[3];
                    r.set(b, x, y, inHole ? patchValue : gain * scene(b, x0 + x, y0 + y) + offset);
                }
            }
        }
        GeoTransform gt = GeoTransform.northUp(ORIGIN_X + x0 * PIXEL, ORIGIN_Y - y0 * PIXEL, PIXEL, PIXEL);
        CogWriter.write(RasterSource.of(r), new GeoMetadata(gt, CRS, nodata), file.toString(), null,
                CogOptions.defaults().withTileSize(64));
        return file;
    }
}
