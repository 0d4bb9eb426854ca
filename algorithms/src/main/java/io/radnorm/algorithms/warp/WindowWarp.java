package io.radnorm.algorithms.warp;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;

/**
 * Resamples one window of a target grid from one window of a source image: the pure core of
 * {@code radnorm align}, called once per output window by the Spark job.
 *
 * <p>Every target pixel centre is mapped into the source ({@link PixelMapping}), every band is
 * sampled there ({@link Resampler}), and the value is stored in the output type: integers rounded
 * to nearest and clipped; a valid value that would be stored as the output nodata is moved one step
 * inside the range (as radnorm's corrections do), so resampling never turns data into holes. Pixels
 * that map outside the source, or onto nodata, get the output nodata (or 0, NaN for floats, when
 * the output has none).
 */
public final class WindowWarp {

    private WindowWarp() {
    }

    /**
     * @param src        the source pixels read for this window ({@code null} or empty: nothing to sample)
     * @param srcWindow  where {@code src} lies in the source image
     * @param srcNodata  the source nodata, NaN when only NaN is invalid
     * @param target     the window of the target grid to render
     * @param bands      band count of the output
     */
    public static Raster render(Raster src, Window srcWindow, double srcNodata, PixelMapping mapping,
                                Resampler resampler, Window target, int bands, DataType outType, Double outNodata) {
        Raster out = Raster.allocate(outType, target.width(), target.height(), bands);
        double fill = outType.fillValue(outNodata);
        if (fill != 0) {
            for (int i = 0; i < target.width() * target.height() * bands; i++) {
                out.setAt(i, fill);
            }
        }
        if (src == null || srcWindow.isEmpty()) {
            return out;
        }
        int w = target.width(), h = target.height();
        double[] cols = new double[w * h], rows = new double[w * h];
        double[] rc = new double[w], rr = new double[w];
        for (int y = 0; y < h; y++) {
            mapping.mapRow(target.x(), target.y() + y, w, rc, rr);
            System.arraycopy(rc, 0, cols, y * w, w);
            System.arraycopy(rr, 0, rows, y * w, w);
        }
        for (int b = 0; b < bands; b++) {
            Resampler.Band band = resampler.band(src, srcWindow, b, srcNodata);
            int base = out.index(b, 0, 0);
            for (int i = 0; i < w * h; i++) {
                double v = band.sample(cols[i], rows[i]);
                if (v == v) {
                    out.setAt(base + i, outType.toStorableAvoiding(v, outNodata));
                }
            }
        }
        return out;
    }
}
