package io.radnorm.algorithms.warp;

import io.radnorm.algorithms.Validity;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;

/**
 * Samples one band of a source window at fractional source pixel positions with GDAL's kernels,
 * never letting nodata into a value.
 *
 * <p>Positions are in the source image's pixel-corner coordinates: (0, 0) is the top-left corner of
 * pixel (0, 0), (0.5, 0.5) its centre (GDAL's convention). The rules, as GDAL's warp kernel applies
 * them when the source has nodata:
 * <ul>
 *   <li>The pixel <em>containing</em> the position must be valid (inside the image, not nodata, not
 *       NaN), whatever the kernel; otherwise the result is nodata. So a hole keeps its shape.</li>
 *   <li>{@link ResamplingMethod#NEAREST}: that pixel's value.</li>
 *   <li>{@link ResamplingMethod#BILINEAR} / {@link ResamplingMethod#CUBIC}: the kernel-weighted sum
 *       over the pixel centres within its radius, over <em>valid</em> pixels only, divided by the sum
 *       of their weights (so weights renormalise at nodata and at image edges); nodata when that sum
 *       is below 1e-5. Cubic is Keys' a = −0.5, GDAL's "cubic"; when not downsampling, a position
 *       whose 4×4 neighbourhood has a missing sample (nodata, image edge) is interpolated bilinearly
 *       instead, as GDAL's 4×4 cubic kernel does. A position within 1e-9 pixel of a pixel
 *       centre is taken as on it, so identical grids copy pixels exactly.</li>
 *   <li>Downsampling (a target pixel covers more than one source pixel along an axis, scale
 *       {@code s < 1}): as GDAL, the kernel is widened to radius {@code r / s} source pixels and
 *       evaluated at {@code d · s}, so it averages over the target pixel's footprint. Like GDAL, scales
 *       of 0.95 and above count as 1. Unlike GDAL, which derives the scale per warp chunk, radnorm
 *       takes it once per image (the ratio of target to source pixel size), so values do not depend on
 *       how the image is cut into windows.</li>
 * </ul>
 */
public final class Resampler {

    /** GDAL's cut-off between the plain kernel and the widened (downsampling) one. */
    static final double FULL_SCALE = 0.95;
    private static final double MIN_WEIGHT = 1e-5;

    private final ResamplingMethod method;
    private final double scaleX, scaleY;
    private final int radiusX, radiusY;

    /**
     * @param scaleX target-to-source pixel ratio along x: source pixel size / target pixel size
     *               (1 for equal sizes, 0.5 when each target pixel covers two source pixels)
     */
    public Resampler(ResamplingMethod method, double scaleX, double scaleY) {
        this.method = method;
        this.scaleX = scaleX >= FULL_SCALE || !(scaleX > 0) ? 1 : scaleX;
        this.scaleY = scaleY >= FULL_SCALE || !(scaleY > 0) ? 1 : scaleY;
        this.radiusX = method == ResamplingMethod.NEAREST ? 0 : (int) Math.ceil(method.radius() / this.scaleX);
        this.radiusY = method == ResamplingMethod.NEAREST ? 0 : (int) Math.ceil(method.radius() / this.scaleY);
    }

    public ResamplingMethod method() {
        return method;
    }

    /** Source pixels needed beyond the pixels containing the positions, on each side. */
    public int padding() {
        return Math.max(radiusX, radiusY) + 1;
    }

    /** One band of a source window, prepared for sampling: invalid samples become NaN. */
    public Band band(Raster src, Window window, int band, double nodata) {
        double[] v = new double[src.width() * src.height()];
        double[] row = new double[src.width()];
        for (int r = 0; r < src.height(); r++) {
            src.readRow(band, 0, r, src.width(), row);
            int base = r * src.width();
            for (int c = 0; c < row.length; c++) {
                v[base + c] = Validity.isValid(row[c], nodata) ? row[c] : Double.NaN;
            }
        }
        return new Band(v, window);
    }

    /** A band of a source window with its invalid samples as NaN. */
    public final class Band {
        private final double[] v;
        private final int x0, y0, w, h;

        private Band(double[] v, Window window) {
            this.v = v;
            this.x0 = window.x();
            this.y0 = window.y();
            this.w = window.width();
            this.h = window.height();
        }

        private double at(int c, int r) {
            return c < 0 || r < 0 || c >= w || r >= h ? Double.NaN : v[r * w + c];
        }

        /** The value at source position (col, row), or NaN when it is nodata. */
        public double sample(double col, double row) {
            if (!(col == col) || !(row == row)) {
                return Double.NaN;
            }
            double u = col - x0, t = row - y0;
            int pc = (int) Math.floor(u), pr = (int) Math.floor(t);
            double centre = at(pc, pr);
            if (centre != centre || method == ResamplingMethod.NEAREST) {
                return centre;
            }
            double px = snap(u - 0.5), py = snap(t - 0.5);
            int ic = (int) Math.floor(px), ir = (int) Math.floor(py);
            if (px == ic && py == ir) {
                return at(ic, ir); // on a pixel centre: every other weight is 0
            }
            if (method == ResamplingMethod.CUBIC && radiusX == 2 && radiusY == 2 && !allValid(ic - 1, ir - 1, 4)) {
                // GDAL's 4x4 cubic falls back to bilinear where a sample is missing (nodata, image edge).
                return convolve(ResamplingMethod.BILINEAR, 1, 1, px, py, ic, ir);
            }
            return convolve(method, radiusX, radiusY, px, py, ic, ir);
        }

        private boolean allValid(int c0, int r0, int n) {
            for (int r = r0; r < r0 + n; r++) {
                for (int c = c0; c < c0 + n; c++) {
                    double s = at(c, r);
                    if (s != s) {
                        return false;
                    }
                }
            }
            return true;
        }

        private double convolve(ResamplingMethod kernel, int rx, int ry, double px, double py, int ic, int ir) {
            double sum = 0, weights = 0;
            for (int j = ir - ry + 1; j <= ir + ry; j++) {
                double wy = kernel.weight((py - j) * scaleY);
                if (wy == 0) {
                    continue;
                }
                for (int i = ic - rx + 1; i <= ic + rx; i++) {
                    double wx = kernel.weight((px - i) * scaleX);
                    if (wx == 0) {
                        continue;
                    }
                    double s = at(i, j);
                    if (s == s) {
                        double wgt = wx * wy;
                        sum += wgt * s;
                        weights += wgt;
                    }
                }
            }
            // Cubic weights can be negative: compare the magnitude, as GDAL does.
            return Math.abs(weights) < MIN_WEIGHT ? Double.NaN : sum / weights;
        }
    }

    /** Positions computed through two transforms carry 1e-12-pixel noise; on shared grids snap it away. */
    private static double snap(double s) {
        double r = Math.rint(s);
        return Math.abs(s - r) < 1e-9 ? r : s;
    }
}
