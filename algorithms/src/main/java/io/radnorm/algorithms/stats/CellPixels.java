package io.radnorm.algorithms.stats;

import io.radnorm.algorithms.BilinearSampler;
import io.radnorm.algorithms.Validity;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Walks the pixels one canvas cell contributes, from every image's pixels in the cell, read once:
 * each image's valid pixels that the cell owns ({@link CellGrid}), and for every pair (i, j),
 * i &lt; j, i's owned valid pixels where j, sampled at the pixel centre ({@link BilinearSampler}),
 * is valid too. What is accumulated is the {@link CellVisitor}'s business.
 *
 * <p>Windows passed in must cover the owned pixels of their image plus a one-pixel margin, so
 * that j can be interpolated anywhere inside the cell. Bands are compared band by band; validity is
 * per band (a value equal to that image's nodata, or NaN, is invalid).
 */
public final class CellPixels {

    private CellPixels() {
    }

    /** Feeds {@code visitor} every owned valid pixel and every overlap pixel pair of the cell, band by band. */
    public static void visit(Envelope cell, List<ImageWindow> windows, int bands, CellVisitor visitor) {
        visit(cell, windows, bands, visitor, true);
    }

    /** Feeds {@code visitor} only the owned valid pixels (whole-image statistics, no overlaps). */
    public static void visitOwnedPixels(Envelope cell, List<ImageWindow> windows, int bands, CellVisitor visitor) {
        visit(cell, windows, bands, visitor, false);
    }

    private static void visit(Envelope cell, List<ImageWindow> windows, int bands, CellVisitor visitor, boolean pairs) {
        for (int a = 0; a < windows.size(); a++) {
            ImageWindow wi = windows.get(a);
            Window owned = CellGrid.ownedPixels(wi.transform(), Integer.MAX_VALUE, Integer.MAX_VALUE, cell)
                    .intersection(wi.window());
            if (owned.isEmpty()) {
                continue;
            }
            addWhole(wi, owned, visitor, bands);
            if (!pairs) {
                continue;
            }
            for (int b2 = 0; b2 < windows.size(); b2++) {
                ImageWindow wj = windows.get(b2);
                if (wj.image() == wi.image()) {
                    continue;
                }
                if (wi.image() < wj.image()) {
                    addPair(wi, owned, wj, visitor, bands);
                }
            }
        }
    }

    private static void addWhole(ImageWindow w, Window owned, CellVisitor visitor, int bands) {
        int ox = owned.x() - w.window().x(), oy = owned.y() - w.window().y();
        for (int b = 0; b < bands; b++) {
            for (int r = 0; r < owned.height(); r++) {
                for (int c = 0; c < owned.width(); c++) {
                    double v = w.pixels().get(b, ox + c, oy + r);
                    if (Validity.isValid(v, w.nodata())) {
                        visitor.pixel(w.image(), b, v);
                    }
                }
            }
        }
    }

    private static void addPair(ImageWindow wi, Window owned, ImageWindow wj, CellVisitor visitor, int bands) {
        GeoTransform gi = wi.transform(), gj = wj.transform();
        int ox = owned.x() - wi.window().x(), oy = owned.y() - wi.window().y();
        for (int b = 0; b < bands; b++) {
            BilinearSampler sj = new BilinearSampler(wj.pixels(), b, wj.nodata());
            for (int r = 0; r < owned.height(); r++) {
                double y = gi.y(0, owned.y() + r + 0.5);
                for (int c = 0; c < owned.width(); c++) {
                    double vi = wi.pixels().get(b, ox + c, oy + r);
                    if (!Validity.isValid(vi, wi.nodata())) {
                        continue;
                    }
                    double x = gi.x(owned.x() + c + 0.5, 0);
                    double vj = sj.sample(gj.col(x, y) - wj.window().x(), gj.row(x, y) - wj.window().y());
                    if (vj == vj) {
                        visitor.pair(wi.image(), wj.image(), b, x, y, vi, vj);
                    }
                }
            }
        }
    }
}
