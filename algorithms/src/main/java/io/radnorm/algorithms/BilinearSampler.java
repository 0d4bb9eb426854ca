package io.radnorm.algorithms;

import io.radnorm.raster.Raster;

/**
 * Samples one band of a window of pixels at fractional pixel positions, bilinearly, without
 * letting nodata leak into the result.
 *
 * <p>Positions are in the window's pixel-corner coordinates: (0, 0) is the top-left corner of its
 * top-left pixel, (0.5, 0.5) that pixel's centre. A position is <em>valid</em> when the pixel
 * containing it is valid; its value is then the bilinear blend of the four nearest pixel centres,
 * where invalid or out-of-window neighbours drop out and the remaining weights are renormalised.
 * Masks and values are thus resampled separately: a nodata hole never bends the values around it
 * (the reference toolkit blends nodata in, which shifts overlap statistics).
 *
 * <p>A position exactly on a pixel centre returns that pixel unchanged, so images on the same
 * grid are compared pixel for pixel.
 */
public final class BilinearSampler {

    private final Raster raster;
    private final int band;
    private final double nodata;
    private final int width;
    private final int height;

    /** @param nodata nodata value, or NaN when only NaN is invalid */
    public BilinearSampler(Raster raster, int band, double nodata) {
        this.raster = raster;
        this.band = band;
        this.nodata = nodata;
        this.width = raster.width();
        this.height = raster.height();
    }

    private double at(int c, int r) {
        return raster.get(band, c, r);
    }

    private boolean valid(int c, int r) {
        return c >= 0 && r >= 0 && c < width && r < height && Validity.isValid(at(c, r), nodata);
    }

    /** The sampled value at (u, v), or NaN when the position is outside or its pixel is nodata. */
    public double sample(double u, double v) {
        int pc = (int) Math.floor(u), pr = (int) Math.floor(v);
        if (!valid(pc, pr)) {
            return Double.NaN;
        }
        double s = snap(u - 0.5), t = snap(v - 0.5);
        int c0 = (int) Math.floor(s), r0 = (int) Math.floor(t);
        double fx = s - c0, fy = t - r0;
        if (fx == 0 && fy == 0) {
            return at(c0, r0);
        }
        double sum = 0, weights = 0;
        for (int dr = 0; dr <= 1; dr++) {
            double wy = dr == 0 ? 1 - fy : fy;
            if (wy == 0) {
                continue;
            }
            for (int dc = 0; dc <= 1; dc++) {
                double w = wy * (dc == 0 ? 1 - fx : fx);
                if (w > 0 && valid(c0 + dc, r0 + dr)) {
                    sum += w * at(c0 + dc, r0 + dr);
                    weights += w;
                }
            }
        }
        return sum / weights; // weights > 0: the containing pixel is valid and has positive weight
    }

    /**
     * Positions computed through two geotransforms carry rounding noise (1e-12 of a pixel); on
     * coincident grids that noise would turn an exact pixel copy into a blend. Snap it away.
     */
    private static double snap(double s) {
        double r = Math.rint(s);
        return Math.abs(s - r) < 1e-9 ? r : s;
    }
}
