package io.radnorm.algorithms.polygonize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns a grid of integer labels into polygons, one per 4-connected region of equal label, as
 * GDAL's {@code gdal_polygonize} does: raster values → vector features.
 *
 * <h2>Result</h2>
 * Every region of pixels that share a label and are connected through pixel sides (not corners)
 * becomes one {@link Polygon} in <b>pixel coordinates</b>: x = column, y = row, pixel (c, r) being
 * the unit square [c, c + 1] × [r, r + 1], plus the window's offset, so pieces of neighbouring
 * windows of one image share exact (integer) coordinates. Boundaries run along pixel edges, so a
 * polygon's area is exactly its pixel count, and its vertices are exactly the corners where the
 * boundary turns (no collinear vertices). Holes are the regions of other labels (or background)
 * enclosed by the region. Two regions of one label touching only at a corner are two polygons
 * touching at a point; a region touching itself at a corner gets a hole touching its shell at that
 * point (valid JTS/OGC geometry either way). Pixels labelled {@code background} form no polygon.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>4-connected components by runs: each row is cut into runs of equal label, and runs of one
 *       label overlapping in consecutive rows are joined with a union-find.</li>
 *   <li>Boundary edges between pixels of different components, merged into maximal horizontal and
 *       vertical segments, each oriented with its component on its right (in row-down pixel
 *       space); a region's outer ring then has positive shoelace area and its holes negative.</li>
 *   <li>Rings are traced by following edges end to start; where two edges of one component leave
 *       a vertex (two of its pixels touching at a corner) the tracer turns left, which keeps each
 *       ring simple (see {@code Edges.next}).</li>
 * </ol>
 * Cost: O(pixels) to label, O(edges · log edges) to link; no geometry union.
 *
 * <p>Thread-safe (no state); one call per window.
 */
public final class RasterPolygonizer {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private RasterPolygonizer() {
    }

    /**
     * A polygon of one label.
     *
     * @param label   the label of its pixels
     * @param polygon in pixel coordinates (with the window offset)
     */
    public record Region(int label, Polygon polygon) {
        /** Its size in pixels (its area in pixel coordinates). */
        public long pixelCount() {
            return Math.round(polygon.getArea());
        }
    }

    /**
     * Polygonizes a window of labels.
     *
     * @param labels     row-major labels, {@code width * height} of them
     * @param width      window width
     * @param height     window height
     * @param background the label that forms no polygon (e.g. 0 for a mask, or a nodata code)
     * @param x0         column of the window's left edge in the image (added to every x)
     * @param y0         row of the window's top edge in the image (added to every y)
     * @return the regions, ordered by their first pixel in row-major order
     */
    public static List<Region> polygonize(int[] labels, int width, int height, int background, int x0, int y0) {
        Objects.requireNonNull(labels, "labels");
        if (width < 0 || height < 0 || (long) width * height != labels.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, not " + width + " x " + height);
        }
        if (labels.length == 0) {
            return List.of();
        }
        Components c = Components.label(labels, width, height, background);
        if (c.count == 0) {
            return List.of();
        }
        Edges e = Edges.build(c.ids, width, height);
        List<List<LinearRing>> holes = new ArrayList<>();
        LinearRing[] shells = new LinearRing[c.count];
        for (int i = 0; i < c.count; i++) {
            holes.add(new ArrayList<>());
        }
        for (Edges.Ring r : e.trace(x0, y0)) {
            LinearRing ring = FACTORY.createLinearRing(r.coordinates());
            if (r.signedArea2() > 0) {
                shells[r.component()] = ring;
            } else {
                holes.get(r.component()).add(ring);
            }
        }
        List<Region> out = new ArrayList<>(c.count);
        for (int i = 0; i < c.count; i++) {
            Polygon p = FACTORY.createPolygon(shells[i], holes.get(i).toArray(LinearRing[]::new));
            out.add(new Region(c.labelOf[i], p));
        }
        return out;
    }

    /** Boolean form: the polygons of the true pixels. */
    public static List<Polygon> polygonize(boolean[] mask, int width, int height, int x0, int y0) {
        int[] labels = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            labels[i] = mask[i] ? 1 : 0;
        }
        List<Polygon> out = new ArrayList<>();
        for (Region r : polygonize(labels, width, height, 0, x0, y0)) {
            out.add(r.polygon());
        }
        return out;
    }

    /** 4-connected components, numbered densely in order of their first pixel. */
    private static final class Components {
        final int[] ids;
        final int[] labelOf;
        final int count;

        private Components(int[] ids, int[] labelOf, int count) {
            this.ids = ids;
            this.labelOf = labelOf;
            this.count = count;
        }

        static Components label(int[] labels, int w, int h, int background) {
            // Runs of equal non-background label, row by row.
            int[] start = new int[64];
            int[] end = new int[64];
            int[] rowFirst = new int[h + 1];
            int n = 0;
            for (int y = 0; y < h; y++) {
                rowFirst[y] = n;
                int base = y * w;
                int x = 0;
                while (x < w) {
                    int v = labels[base + x];
                    int s = x;
                    while (x < w && labels[base + x] == v) {
                        x++;
                    }
                    if (v != background) {
                        if (n == start.length) {
                            start = Arrays.copyOf(start, n * 2);
                            end = Arrays.copyOf(end, n * 2);
                        }
                        start[n] = base + s;
                        end[n] = base + x;
                        n++;
                    }
                }
            }
            rowFirst[h] = n;
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (int y = 1; y < h; y++) {
                int a = rowFirst[y - 1];
                int aEnd = rowFirst[y];
                int b = rowFirst[y];
                int bEnd = rowFirst[y + 1];
                while (a < aEnd && b < bEnd) {
                    int as = start[a] - (y - 1) * w;
                    int ae = end[a] - (y - 1) * w;
                    int bs = start[b] - y * w;
                    int be = end[b] - y * w;
                    if (as < be && bs < ae && labels[start[a]] == labels[start[b]]) {
                        union(parent, a, b);
                    }
                    if (ae <= be) {
                        a++;
                    } else {
                        b++;
                    }
                }
            }
            int[] ids = new int[labels.length];
            Arrays.fill(ids, -1);
            int[] dense = new int[n];
            Arrays.fill(dense, -1);
            int[] labelOf = new int[Math.max(1, n)];
            int count = 0;
            for (int i = 0; i < n; i++) {
                int root = find(parent, i);
                if (dense[root] < 0) {
                    dense[root] = count;
                    labelOf[count] = labels[start[i]];
                    count++;
                }
                Arrays.fill(ids, start[i], end[i], dense[root]);
            }
            return new Components(ids, Arrays.copyOf(labelOf, count), count);
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private static void union(int[] parent, int a, int b) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            if (ra != rb) {
                // The smaller index stays root: components keep the order of their first pixel.
                if (ra < rb) {
                    parent[rb] = ra;
                } else {
                    parent[ra] = rb;
                }
            }
        }
    }
}
