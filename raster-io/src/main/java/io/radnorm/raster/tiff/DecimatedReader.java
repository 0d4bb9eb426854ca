package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nearest-neighbour samples of a GeoTIFF on a coarser target grid — a quick-look or thumbnail —
 * read without ever holding the image, or even one full row of it, in memory.
 *
 * <p>The source is the coarsest overview level whose pixels are still no larger than the target's
 * ({@link #level}): a COG with overviews is sampled from a level close to the target resolution,
 * so few tiles are decoded; an image without overviews is sampled from full resolution. Each
 * target pixel takes the source pixel under its centre. The source is read in windows of at most
 * {@value #MAX_READ_SIDE}² pixels, each spanning the sample positions of a block of target
 * pixels; where target pixels lie more than that apart, each is read as a one-pixel window, which
 * decodes only the tile under it.
 *
 * <p>The target grid must be north-up, like the image (the only orientation radnorm accepts).
 */
public final class DecimatedReader {

    /** Largest side of one source window read at once, in source pixels. */
    public static final int MAX_READ_SIDE = 1024;

    private DecimatedReader() {
    }

    /**
     * The overview level to sample for target pixels of {@code targetPixelSize} map units: the
     * coarsest level (0 = full resolution) whose pixel size is at most the target's.
     */
    public static int level(GeoTiffReader r, double targetPixelSize) {
        RasterInfo info = r.info();
        double full = Math.max(Math.abs(info.geoTransform().pixelWidth()), Math.abs(info.geoTransform().pixelHeight()));
        int best = 0;
        for (int l = 1; l <= r.overviewCount(); l++) {
            GridSize s = r.levelSize(l);
            double size = full * Math.max((double) info.width() / s.width(), (double) info.height() / s.height());
            if (size <= targetPixelSize * (1 + 1e-9)) {
                best = l;
            }
        }
        return best;
    }

    /**
     * The bands {@code bands} (0-based) of the image sampled at the centres of {@code targetWindow}'s
     * pixels on the {@code target} grid, as float32 (band-sequential, {@code targetWindow}'s size):
     * NaN where the centre falls outside the image or the sample is NaN or {@code nodata}.
     */
    public static Raster sample(GeoTiffReader r, GeoTransform target, Window targetWindow, int[] bands, double nodata)
            throws IOException {
        RasterInfo info = r.info();
        if (!target.isNorthUp() || !info.geoTransform().isNorthUp()) {
            throw new IllegalArgumentException(info.location() + ": decimated reads need north-up grids");
        }
        int level = level(r, Math.min(Math.abs(target.pixelWidth()), Math.abs(target.pixelHeight())));
        GridSize size = r.levelSize(level);
        GeoTransform source = info.geoTransform().scaled((double) info.width() / size.width(),
                (double) info.height() / size.height());
        int[] cols = new int[targetWindow.width()];
        for (int k = 0; k < cols.length; k++) {
            double col = source.col(target.x(targetWindow.x() + k + 0.5, 0), 0);
            cols[k] = col >= 0 && col < size.width() ? (int) col : -1;
        }
        int[] rows = new int[targetWindow.height()];
        for (int k = 0; k < rows.length; k++) {
            double row = source.row(0, target.y(0, targetWindow.y() + k + 0.5));
            rows[k] = row >= 0 && row < size.height() ? (int) row : -1;
        }
        int n = targetWindow.width() * targetWindow.height();
        float[] out = new float[n * bands.length];
        Arrays.fill(out, Float.NaN);
        for (int[] rs : runs(rows)) {
            for (int[] cs : runs(cols)) {
                Window w = new Window(cols[cs[0]], rows[rs[0]], cols[cs[1] - 1] - cols[cs[0]] + 1,
                        rows[rs[1] - 1] - rows[rs[0]] + 1);
                Raster px = r.readLevel(level, w, bands);
                for (int b = 0; b < bands.length; b++) {
                    for (int tr = rs[0]; tr < rs[1]; tr++) {
                        for (int tc = cs[0]; tc < cs[1]; tc++) {
                            double v = px.get(b, cols[tc] - w.x(), rows[tr] - w.y());
                            if (v == v && v != nodata) {
                                out[b * n + tr * targetWindow.width() + tc] = (float) v;
                            }
                        }
                    }
                }
            }
        }
        return Raster.wrap(DataType.FLOAT32, targetWindow.width(), targetWindow.height(), bands.length, out);
    }

    /**
     * Splits the valid (non-negative, non-decreasing) source positions into runs [start, end) whose
     * span is at most {@link #MAX_READ_SIDE} source pixels.
     */
    private static List<int[]> runs(int[] positions) {
        List<int[]> runs = new ArrayList<>();
        int k = 0;
        while (k < positions.length) {
            if (positions[k] < 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < positions.length && positions[k] >= 0 && positions[k] - positions[start] < MAX_READ_SIDE) {
                k++;
            }
            runs.add(new int[] {start, k});
        }
        return runs;
    }
}
