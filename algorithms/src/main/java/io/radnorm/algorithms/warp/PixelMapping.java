package io.radnorm.algorithms.warp;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;

/**
 * Where each target pixel centre falls in a source image: target pixel → target map coordinates
 * (the target geotransform) → source map coordinates ({@link PointTransform}, the CRS change) →
 * source pixel coordinates (the inverse source geotransform).
 *
 * <h2>Approximation</h2>
 * With an error threshold {@code e > 0} (GDAL's {@code -et}, default 0.125 pixel in gdalwarp and
 * here), rows are mapped as GDAL's approximate transformer does: the first, middle and last pixel
 * of a run are transformed exactly; if linear interpolation between the ends misses the middle by at
 * most {@code e} source pixels (|dx| + |dy|), the whole run is interpolated linearly, otherwise it is
 * split in two and each half handled the same way; runs of fewer than 5 pixels are transformed
 * exactly. With {@code e = 0} every pixel is transformed exactly. Between two grids of one CRS the
 * mapping is affine and always exact.
 */
public final class PixelMapping {


    private final GeoTransform target;
    private final GeoTransform source;
    private final PointTransform transform;
    private final boolean identity;
    private final double errorThreshold;

    /**
     * @param transform      target CRS → source CRS, or {@link PointTransform#IDENTITY}
     * @param errorThreshold in source pixels; 0 for exact
     */
    public PixelMapping(GeoTransform target, GeoTransform source, PointTransform transform, double errorThreshold) {
        this.target = target;
        this.source = source;
        this.transform = transform;
        this.identity = transform == PointTransform.IDENTITY;
        this.errorThreshold = errorThreshold;
    }

    /**
     * Source pixel coordinates of the centres of target pixels {@code (col0 + i, row)},
     * {@code i < n}, into {@code cols}/{@code rows} (NaN where the transform has no image).
     */
    public void mapRow(int col0, int row, int n, double[] cols, double[] rows) {
        if (identity || errorThreshold <= 0) {
            exact(col0, row, 0, n, cols, rows);
            return;
        }
        approximate(col0, row, 0, n, cols, rows);
    }

    private void approximate(int col0, int row, int from, int n, double[] cols, double[] rows) {
        if (n < 5) {
            exact(col0, row, from, n, cols, rows);
            return;
        }
        int mid = from + n / 2, last = from + n - 1;
        exact(col0, row, from, 1, cols, rows);
        exact(col0, row, mid, 1, cols, rows);
        exact(col0, row, last, 1, cols, rows);
        double t = (double) (mid - from) / (last - from);
        double ex = cols[from] + t * (cols[last] - cols[from]) - cols[mid];
        double ey = rows[from] + t * (rows[last] - rows[from]) - rows[mid];
        double error = Math.abs(ex) + Math.abs(ey);
        if (!(error <= errorThreshold)) { // NaN too: split until the bad points are isolated
            approximate(col0, row, from, mid - from, cols, rows);
            approximate(col0, row, mid, last - mid + 1, cols, rows);
            return;
        }
        double c0 = cols[from], r0 = rows[from], dc = (cols[last] - c0) / (last - from), dr = (rows[last] - r0) / (last - from);
        for (int i = from + 1; i < last; i++) {
            cols[i] = c0 + (i - from) * dc;
            rows[i] = r0 + (i - from) * dr;
        }
    }

    private void exact(int col0, int row, int from, int n, double[] cols, double[] rows) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double c = col0 + from + i + 0.5, r = row + 0.5;
            xy[2 * i] = target.x(c, r);
            xy[2 * i + 1] = target.y(c, r);
        }
        if (!identity) {
            transform.transform(xy, n);
        }
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i], y = xy[2 * i + 1];
            cols[from + i] = source.col(x, y);
            rows[from + i] = source.row(x, y);
        }
    }

    /**
     * The source pixels a target window needs: the bounding box of where its edges (and a coarse
     * interior grid, for transforms that bulge) map to, widened by {@code padding} pixels, clipped to
     * the {@code width × height} source image. Empty when the window maps outside the image.
     */
    public Window sourceWindow(Window targetWindow, int padding, int width, int height) {
        int steps = 16;
        double minC = Double.POSITIVE_INFINITY, maxC = Double.NEGATIVE_INFINITY;
        double minR = Double.POSITIVE_INFINITY, maxR = Double.NEGATIVE_INFINITY;
        double[] xy = new double[2 * (steps + 1) * (steps + 1)];
        int n = 0;
        for (int j = 0; j <= steps; j++) {
            for (int i = 0; i <= steps; i++) {
                // Corners of the window's pixels, not centres: the extent of every pixel it covers.
                double c = targetWindow.x() + targetWindow.width() * (double) i / steps;
                double r = targetWindow.y() + targetWindow.height() * (double) j / steps;
                xy[2 * n] = target.x(c, r);
                xy[2 * n + 1] = target.y(c, r);
                n++;
            }
        }
        if (!identity) {
            transform.transform(xy, n);
        }
        for (int k = 0; k < n; k++) {
            double sc = source.col(xy[2 * k], xy[2 * k + 1]), sr = source.row(xy[2 * k], xy[2 * k + 1]);
            if (Double.isFinite(sc) && Double.isFinite(sr)) {
                minC = Math.min(minC, sc);
                maxC = Math.max(maxC, sc);
                minR = Math.min(minR, sr);
                maxR = Math.max(maxR, sr);
            }
        }
        if (minC > maxC) {
            return new Window(0, 0, 0, 0);
        }
        long x0 = Math.max(0, (long) Math.floor(minC) - padding);
        long y0 = Math.max(0, (long) Math.floor(minR) - padding);
        long x1 = Math.min(width, (long) Math.ceil(maxC) + padding);
        long y1 = Math.min(height, (long) Math.ceil(maxR) + padding);
        if (x1 <= x0 || y1 <= y0) {
            return new Window(0, 0, 0, 0);
        }
        return new Window((int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0));
    }
}
