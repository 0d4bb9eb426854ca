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
        int ox = owned.x() - w.window().x(), oy = owned.y() - w.window().y(), n = owned.width();
        double nodata = w.nodata();
        double[] row = new double[n];
        double[] valid = new double[n];
        for (int b = 0; b < bands; b++) {
            for (int r = 0; r < owned.height(); r++) {
                w.pixels().readRow(b, ox, oy + r, n, row);
                int count = 0;
                for (int c = 0; c < n; c++) {
                    double v = row[c];
                    if (v == v && v != nodata) { // Validity.isValid, inlined in the hottest loop
                        valid[count++] = v;
                    }
                }
                visitor.pixels(w.image(), b, valid, count);
            }
        }
    }

    /**
     * Pairs of i's owned pixels with j sampled at their centres, a row at a time. When j's grid is i's
     * shifted by whole pixels (the common case of co-registered tiles) j is read directly; otherwise
     * it is interpolated ({@link BilinearSampler}).
     */
    private static void addPair(ImageWindow wi, Window owned, ImageWindow wj, CellVisitor visitor, int bands) {
        GeoTransform gi = wi.transform(), gj = wj.transform();
        int ox = owned.x() - wi.window().x(), oy = owned.y() - wi.window().y(), n = owned.width();
        int[] shift = integerShift(gi, gj);
        double nodataI = wi.nodata(), nodataJ = wj.nodata();
        double[] rowI = new double[n];
        double[] xs = new double[n], vi = new double[n], vj = new double[n];
        for (int b = 0; b < bands; b++) {
            BilinearSampler sj = shift == null ? new BilinearSampler(wj.pixels(), b, nodataJ) : null;
            for (int r = 0; r < owned.height(); r++) {
                double y = gi.y(0, owned.y() + r + 0.5);
                wi.pixels().readRow(b, ox, oy + r, n, rowI);
                // j's row under i's row, when the grids coincide up to a whole-pixel shift.
                int jx0 = 0, jy = 0;
                if (shift != null) {
                    jx0 = owned.x() + shift[0] - wj.window().x();
                    jy = owned.y() + r + shift[1] - wj.window().y();
                    if (jy < 0 || jy >= wj.pixels().height()) {
                        continue;
                    }
                }
                int count = 0;
                for (int c = 0; c < n; c++) {
                    double a = rowI[c];
                    if (!(a == a && a != nodataI)) {
                        continue;
                    }
                    double x = gi.x(owned.x() + c + 0.5, 0);
                    double v;
                    if (shift != null) {
                        int jc = jx0 + c;
                        if (jc < 0 || jc >= wj.pixels().width()) {
                            continue;
                        }
                        v = wj.pixels().get(b, jc, jy);
                        if (!(v == v && v != nodataJ)) {
                            continue;
                        }
                    } else {
                        v = sj.sample(gj.col(x, y) - wj.window().x(), gj.row(x, y) - wj.window().y());
                        if (v != v) {
                            continue;
                        }
                    }
                    xs[count] = x;
                    vi[count] = a;
                    vj[count] = v;
                    count++;
                }
                if (count > 0) {
                    visitor.pairs(wi.image(), wj.image(), b, y, xs, vi, vj, count);
                }
            }
        }
    }

    /**
     * (dcol, drow) such that pixel (c, r) of grid i is pixel (c + dcol, r + drow) of grid j, when both
     * grids are north-up with equal pixel sizes and origins a whole number of pixels apart; else null.
     */
    static int[] integerShift(GeoTransform gi, GeoTransform gj) {
        if (!gi.isNorthUp() || !gj.isNorthUp() || gi.pixelWidth() != gj.pixelWidth()
                || gi.pixelHeight() != gj.pixelHeight()) {
            return null;
        }
        double dc = (gi.originX() - gj.originX()) / gj.pixelWidth();
        double dr = (gi.originY() - gj.originY()) / gj.pixelHeight();
        long ic = Math.round(dc), ir = Math.round(dr);
        if (Math.abs(dc - ic) > 1e-9 || Math.abs(dr - ir) > 1e-9) {
            return null;
        }
        return new int[] {(int) ic, (int) ir};
    }
}
