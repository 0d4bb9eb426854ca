package io.radnorm.algorithms.stats;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;
import org.locationtech.jts.geom.Envelope;

/**
 * Which pixels of an image a canvas cell <em>owns</em>: those whose centres lie in the cell,
 * half-open {@code [minX, maxX) × [minY, maxY)}. Cells tile the canvas, so every pixel of every
 * image is counted in exactly one cell however the canvas is cut, and statistics do not depend on
 * the cell size. Adjacent cells compute a shared edge from the same expression, so the floating
 * point comparison agrees on both sides.
 *
 * <p>North-up grids only (no rotation terms); radnorm's inputs are checked for that up front.
 */
public final class CellGrid {

    private CellGrid() {
    }

    /** The owned pixels of a {@code width × height} image in {@code cell}; empty if none. */
    public static Window ownedPixels(GeoTransform gt, int width, int height, Envelope cell) {
        if (!gt.isNorthUp()) {
            throw new IllegalArgumentException("rotated rasters are not supported");
        }
        int[] cols = range(gt.originX(), gt.pixelWidth(), cell.getMinX(), cell.getMaxX(), width);
        int[] rows = range(gt.originY(), gt.pixelHeight(), cell.getMinY(), cell.getMaxY(), height);
        return new Window(cols[0], rows[0], Math.max(0, cols[1] - cols[0]), Math.max(0, rows[1] - rows[0]));
    }

    /** Indices k in [0, n) with {@code lo <= origin + (k + 0.5)·step < hi}, as [first, end). */
    static int[] range(double origin, double step, double lo, double hi, int n) {
        double a = (lo - origin) / step - 0.5, b = (hi - origin) / step - 0.5;
        long first, end;
        if (step > 0) {
            first = (long) Math.ceil(a);     // centre >= lo
            end = (long) Math.ceil(b);       // centre < hi
        } else {
            // Decreasing coordinate (rows of a north-up image): centre < hi ⇔ k > b; centre >= lo ⇔ k <= a.
            first = (long) Math.floor(b) + 1;
            end = (long) Math.floor(a) + 1;
        }
        first = Math.max(0, Math.min(n, first));
        end = Math.max(first, Math.min(n, end));
        return new int[] {(int) first, (int) end};
    }

    /** {@code w} grown by {@code margin} pixels on every side and clipped to the image. */
    public static Window expand(Window w, int margin, int width, int height) {
        int x0 = Math.max(0, w.x() - margin), y0 = Math.max(0, w.y() - margin);
        int x1 = Math.min(width, w.maxX() + margin), y1 = Math.min(height, w.maxY() + margin);
        return new Window(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
