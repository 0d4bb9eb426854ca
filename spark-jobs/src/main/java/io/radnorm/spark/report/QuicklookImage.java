package io.radnorm.spark.report;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Turns quick-look canvases into pictures: three bands as red, green, blue (or one band as grey),
 * each stretched linearly between two percentiles and clipped; pixels no image covers are
 * transparent.
 *
 * <p>The stretch is computed once from the valid pixels of <em>all</em> the canvases given (before
 * and after together) and applied to each, so equal brightness means equal values in both
 * pictures: a per-picture stretch would make any two images look alike and hide what the
 * correction changed.
 */
public final class QuicklookImage {

    /** The value range drawn from black to full intensity, per displayed band. */
    public record Stretch(double[] low, double[] high) {
    }

    private QuicklookImage() {
    }

    /** Per band, the {@code lowPercent} and {@code highPercent} percentiles of the valid pixels of all canvases. */
    public static Stretch percentileStretch(List<Quicklook.Canvas> canvases, double lowPercent, double highPercent) {
        int bands = canvases.get(0).bands().length;
        double[] lo = new double[bands], hi = new double[bands];
        for (int b = 0; b < bands; b++) {
            int n = 0;
            for (Quicklook.Canvas c : canvases) {
                n += c.bands()[b].length;
            }
            float[] all = new float[n];
            int k = 0;
            for (Quicklook.Canvas c : canvases) {
                for (float v : c.bands()[b]) {
                    if (!Float.isNaN(v)) {
                        all[k++] = v;
                    }
                }
            }
            if (k == 0) {
                lo[b] = 0;
                hi[b] = 1;
                continue;
            }
            Arrays.sort(all, 0, k);
            lo[b] = all[(int) Math.round(lowPercent / 100 * (k - 1))];
            hi[b] = all[(int) Math.round(highPercent / 100 * (k - 1))];
        }
        return new Stretch(lo, hi);
    }

    /** The canvas as an ARGB picture of its size, RGB from its three bands or grey from its one. */
    public static BufferedImage render(Quicklook.Canvas c, Stretch s) {
        int w = c.grid().width(), h = c.grid().height();
        int bands = c.bands().length;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Float.isNaN(c.value(0, x, y))) {
                    continue; // transparent
                }
                int r = level(c.value(0, x, y), s, 0);
                int g = bands >= 3 ? level(c.value(1, x, y), s, 1) : r;
                int b = bands >= 3 ? level(c.value(2, x, y), s, 2) : r;
                img.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    private static int level(double v, Stretch s, int band) {
        double range = s.high()[band] - s.low()[band];
        double t = range > 0 ? (v - s.low()[band]) / range : 0.5;
        return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    }
}
