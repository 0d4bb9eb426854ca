package io.radnorm.algorithms.mask;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;
import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Objects;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;

/**
 * Rasterizes polygons onto a raster's pixel grid: which pixels of a {@link Window} lie in the
 * union of the polygons.
 *
 * <h2>Rule</h2>
 * A pixel is in the mask when its <b>centre</b> lies in the union of the polygons, boundaries taken
 * half-open in pixel space, like windows and every other extent in radnorm: a centre exactly on a
 * polygon's left or top edge is inside, one exactly on its right or bottom edge is outside. Precisely:
 * a centre on the boundary is inside when the polygon's interior lies to its right (for a boundary
 * crossing the row) or below it (for a horizontal boundary), so the left edge of a hole, where the
 * polygon's interior lies to the left, excludes the centres on it. Two polygons that share an edge
 * thus claim each centre on it once, and an axis-parallel rectangle whose corners lie on pixel
 * centres covers exactly its area in pixels. "Left/top" are in pixel (column, row) space: for the
 * usual north-up grid, west and north.
 *
 * <p>With {@code allTouched}, a pixel is in the mask when its footprint (the open unit square of the
 * pixel) meets the interior of the union: the centre rule's pixels plus every pixel a polygon edge
 * passes through. A polygon that only touches a pixel along its border or at a corner does not
 * claim it, so a polygon aligned to pixel edges covers the same pixels either way.
 *
 * <h2>Method</h2>
 * Scanline rasterization, not a point-in-polygon test per pixel: the polygon edges are taken once
 * into the grid's pixel coordinates ({@link #of}); for each window row, the horizontal line through
 * the pixel centres is intersected with the edges, the crossings sorted, and the spans between them
 * filled by the <b>non-zero winding</b> rule over all rings, with shells and holes oriented
 * opposite ways: inside a hole the winding is 0, inside two overlapping polygons it is 2. That gives
 * the union of any number of (valid) polygons, holes included, with no union computed. An edge
 * counts for the scanline {@code y} when {@code min(y0, y1) <= y < max(y0, y1)} (so a vertex on the
 * line is counted once and horizontal edges never). Cost: O(edges + crossings + pixels).
 *
 * <p>Any affine {@link GeoTransform} works (the polygons are mapped to pixel space, where pixels are
 * unit squares); rotated grids included. Polygons must be in the grid's CRS. Non-polygonal
 * geometries are ignored; the polygons of a GeometryCollection are used.
 *
 * <p>Immutable and thread-safe: prepare once per image grid with {@link #of}, then call
 * {@link #rasterize(Window, boolean)} for each window (from any thread).
 */
public final class PolygonMask implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Edge i goes from (ex0[i], ey0[i]) to (ex1[i], ey1[i]) in pixel space, sorted by min y. */
    private final double[] ex0;
    private final double[] ey0;
    private final double[] ex1;
    private final double[] ey1;
    /** min(ey0, ey1) of each edge, ascending. */
    private final double[] eyMin;
    private final int edgeCount;
    /** Largest max(ey0, ey1) of the edges: rows below it have no crossing. */
    private final double yMax;

    private PolygonMask(double[] ex0, double[] ey0, double[] ex1, double[] ey1, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.min(ey0[a], ey1[a]), Math.min(ey0[b], ey1[b])));
        this.ex0 = new double[n];
        this.ey0 = new double[n];
        this.ex1 = new double[n];
        this.ey1 = new double[n];
        this.eyMin = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            this.ex0[k] = ex0[i];
            this.ey0[k] = ey0[i];
            this.ex1[k] = ex1[i];
            this.ey1[k] = ey1[i];
            this.eyMin[k] = Math.min(ey0[i], ey1[i]);
            max = Math.max(max, Math.max(ey0[i], ey1[i]));
        }
        this.edgeCount = n;
        this.yMax = max;
    }

    /**
     * Prepares the polygons for rasterizing onto the grid of {@code transform}.
     *
     * @param geometries polygons in the grid's map coordinates (Polygon, MultiPolygon, or collections
     *                   of them; other geometries are ignored)
     */
    public static PolygonMask of(Collection<? extends Geometry> geometries, GeoTransform transform) {
        Objects.requireNonNull(transform, "transform");
        EdgeBuilder b = new EdgeBuilder(transform);
        for (Geometry g : geometries) {
            b.add(g);
        }
        return new PolygonMask(b.x0, b.y0, b.x1, b.y1, b.n);
    }

    /**
     * The pixels of {@code window} in the union of {@code geometries}: one-shot form of
     * {@code of(geometries, transform).rasterize(window, allTouched)}.
     */
    public static boolean[] rasterize(Collection<? extends Geometry> geometries, GeoTransform transform,
                                      Window window, boolean allTouched) {
        return of(geometries, transform).rasterize(window, allTouched);
    }

    /** Whether there is no polygon at all (every window rasterizes to all false). */
    public boolean isEmpty() {
        return edgeCount == 0;
    }

    /**
     * The mask of one window.
     *
     * @param window     pixels of the grid this mask was prepared for (may extend past the image)
     * @param allTouched false: pixels whose centre is inside; true: pixels whose footprint meets
     *                   the polygons' interior
     * @return {@code window.width() * window.height()} flags, row-major, true = inside
     */
    public boolean[] rasterize(Window window, boolean allTouched) {
        long size = window.pixelCount();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("window " + window + " is too large for one mask array");
        }
        boolean[] mask = new boolean[(int) size];
        if (edgeCount == 0 || window.isEmpty()) {
            return mask;
        }
        int last = candidateEnd(window.maxY());
        fillCentres(window, mask, last);
        if (allTouched) {
            markTouched(window, mask, last);
        }
        return mask;
    }

    /** {@link #rasterize(Window, boolean)} as a BitSet (bit {@code row * width + col}). */
    public BitSet rasterizeBits(Window window, boolean allTouched) {
        boolean[] mask = rasterize(window, allTouched);
        BitSet bits = new BitSet(mask.length);
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                bits.set(i);
            }
        }
        return bits;
    }

    /** Number of pixels of {@code window} in the mask. */
    public long count(Window window, boolean allTouched) {
        long n = 0;
        for (boolean b : rasterize(window, allTouched)) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** One past the last edge whose min y is below {@code maxY} (edges are sorted by min y). */
    private int candidateEnd(double maxY) {
        int lo = 0;
        int hi = edgeCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eyMin[mid] < maxY) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The centre rule: scanlines through the pixel centres, non-zero winding. */
    private void fillCentres(Window window, boolean[] mask, int last) {
        int h = window.height();
        int w = window.width();
        int y0 = window.y();
        // Crossings of each row, split by edge direction so that each half sorts as a double[].
        Crossings[] up = new Crossings[h];
        Crossings[] down = new Crossings[h];
        for (int e = 0; e < last; e++) {
            double ya = ey0[e];
            double yb = ey1[e];
            if (ya == yb) {
                continue;
            }
            double lo = Math.min(ya, yb);
            double hi = Math.max(ya, yb);
            if (hi <= y0 + 0.5 || lo > y0 + h - 0.5) {
                continue;
            }
            // Rows r with lo <= r + 0.5 < hi.
            long rFirst = Math.max((long) Math.ceil(lo - 0.5), y0);
            long rLast = Math.min((long) Math.ceil(hi - 0.5) - 1, (long) y0 + h - 1);
            if (rFirst > rLast) {
                continue;
            }
            double xa = ex0[e];
            double slope = (ex1[e] - xa) / (yb - ya);
            Crossings[] side = yb > ya ? down : up;
            for (long r = rFirst; r <= rLast; r++) {
                double s = r + 0.5;
                double x = xa + (s - ya) * slope;
                int row = (int) (r - y0);
                Crossings c = side[row];
                if (c == null) {
                    c = side[row] = new Crossings();
                }
                c.add(x);
            }
        }
        int x0 = window.x();
        for (int row = 0; row < h; row++) {
            if (up[row] == null && down[row] == null) {
                continue;
            }
            double[] a = sorted(up[row]);
            double[] b = sorted(down[row]);
            int na = up[row] == null ? 0 : up[row].n;
            int nb = down[row] == null ? 0 : down[row].n;
            int ia = 0;
            int ib = 0;
            int winding = 0;
            int base = row * w;
            while (ia < na || ib < nb) {
                double x = Math.min(ia < na ? a[ia] : Double.POSITIVE_INFINITY, ib < nb ? b[ib] : Double.POSITIVE_INFINITY);
                while (ia < na && a[ia] == x) {
                    winding++;
                    ia++;
                }
                while (ib < nb && b[ib] == x) {
                    winding--;
                    ib++;
                }
                if (winding != 0) {
                    double next = Math.min(ia < na ? a[ia] : Double.POSITIVE_INFINITY,
                            ib < nb ? b[ib] : Double.POSITIVE_INFINITY);
                    // Columns j with x <= j + 0.5 < next, clipped to the window.
                    long jFirst = Math.max((long) Math.ceil(x - 0.5), x0);
                    long jEnd = next == Double.POSITIVE_INFINITY ? (long) x0 + w
                            : Math.min((long) Math.ceil(next - 0.5), (long) x0 + w);
                    if (jFirst < jEnd) {
                        Arrays.fill(mask, base + (int) (jFirst - x0), base + (int) (jEnd - x0), true);
                    }
                }
            }
        }
    }

    /** allTouched: add every pixel whose open footprint an edge passes through. */
    private void markTouched(Window window, boolean[] mask, int last) {
        int h = window.height();
        int w = window.width();
        int x0 = window.x();
        int y0 = window.y();
        for (int e = 0; e < last; e++) {
            double xa = ex0[e];
            double ya = ey0[e];
            double xb = ex1[e];
            double yb = ey1[e];
            double lo = Math.min(ya, yb);
            double hi = Math.max(ya, yb);
            if (hi <= y0 || lo >= y0 + h) {
                continue;
            }
            if (ya == yb) {
                // Horizontal: touches the open strip of row floor(y) unless it lies on a row border.
                double r = Math.floor(ya);
                if (r != ya) {
                    markColumns(mask, (long) r, Math.min(xa, xb), Math.max(xa, xb), x0, y0, w, h);
                }
                continue;
            }
            // Rows whose open strip (r, r + 1) the edge crosses with positive length.
            long rFirst = Math.max((long) Math.floor(lo), y0);
            long rLast = Math.min((long) Math.ceil(hi) - 1, (long) y0 + h - 1);
            double slope = (xb - xa) / (yb - ya);
            for (long r = rFirst; r <= rLast; r++) {
                double s0 = Math.max(lo, r);
                double s1 = Math.min(hi, r + 1);
                double c0 = s0 == ya ? xa : s0 == yb ? xb : xa + (s0 - ya) * slope;
                double c1 = s1 == ya ? xa : s1 == yb ? xb : xa + (s1 - ya) * slope;
                markColumns(mask, r, Math.min(c0, c1), Math.max(c0, c1), x0, y0, w, h);
            }
        }
    }

    /**
     * Marks the pixels of row {@code r} whose open column interval (j, j + 1) meets the open
     * interval (xLo, xHi), or contains xLo when the two are equal (a vertical piece).
     */
    private static void markColumns(boolean[] mask, long r, double xLo, double xHi, int x0, int y0, int w, int h) {
        if (r < y0 || r >= (long) y0 + h) {
            return;
        }
        long jFirst = Math.max((long) Math.floor(xLo), x0);
        long jLast = Math.min((long) Math.ceil(xHi) - 1, (long) x0 + w - 1);
        if (jFirst > jLast) {
            return;
        }
        int base = (int) (r - y0) * w;
        Arrays.fill(mask, base + (int) (jFirst - x0), base + (int) (jLast - x0) + 1, true);
    }

    private static double[] sorted(Crossings c) {
        if (c == null) {
            return null;
        }
        Arrays.sort(c.x, 0, c.n);
        return c.x;
    }

    /** A growable list of crossing abscissae. */
    private static final class Crossings {
        double[] x = new double[4];
        int n;

        void add(double v) {
            if (n == x.length) {
                x = Arrays.copyOf(x, n * 2);
            }
            x[n++] = v;
        }
    }

    /** Collects the oriented edges of all rings, in pixel coordinates. */
    private static final class EdgeBuilder {
        private final GeoTransform t;
        private final boolean northUp;
        double[] x0 = new double[64];
        double[] y0 = new double[64];
        double[] x1 = new double[64];
        double[] y1 = new double[64];
        int n;

        EdgeBuilder(GeoTransform t) {
            this.t = t;
            this.northUp = t.isNorthUp();
            double det = t.pixelWidth() * t.pixelHeight() - t.rowRotation() * t.columnRotation();
            if (det == 0 || !Double.isFinite(det)) {
                throw new IllegalArgumentException("degenerate geotransform " + t);
            }
        }

        void add(Geometry g) {
            if (g instanceof Polygon p) {
                if (!p.isEmpty()) {
                    // Shells one way, holes the other: non-zero winding then fills the union.
                    addRing(p.getExteriorRing().getCoordinateSequence(), true);
                    for (int i = 0; i < p.getNumInteriorRing(); i++) {
                        addRing(p.getInteriorRingN(i).getCoordinateSequence(), false);
                    }
                }
            } else if (g instanceof GeometryCollection) { // MultiPolygon too
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    add(g.getGeometryN(i));
                }
            }
        }

        private void addRing(CoordinateSequence ring, boolean shell) {
            int m = ring.size();
            if (m < 4) {
                return;
            }
            boolean reverse = Orientation.isCCW(ring) != shell;
            double px = Double.NaN;
            double py = Double.NaN;
            for (int k = 0; k < m; k++) {
                int i = reverse ? m - 1 - k : k;
                double x = ring.getX(i);
                double y = ring.getY(i);
                double cx;
                double cy;
                if (northUp) { // exact for the usual grid: no rounding through the determinant
                    cx = (x - t.originX()) / t.pixelWidth();
                    cy = (y - t.originY()) / t.pixelHeight();
                } else {
                    cx = t.col(x, y);
                    cy = t.row(x, y);
                }
                if (k > 0 && (cx != px || cy != py)) {
                    addEdge(px, py, cx, cy);
                }
                px = cx;
                py = cy;
            }
        }

        private void addEdge(double ax, double ay, double bx, double by) {
            if (n == x0.length) {
                x0 = Arrays.copyOf(x0, n * 2);
                y0 = Arrays.copyOf(y0, n * 2);
                x1 = Arrays.copyOf(x1, n * 2);
                y1 = Arrays.copyOf(y1, n * 2);
            }
            x0[n] = ax;
            y0[n] = ay;
            x1[n] = bx;
            y1[n] = by;
            n++;
        }
    }
}
