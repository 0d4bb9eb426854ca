package io.radnorm.algorithms.polygonize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The oriented boundary segments of a component grid ({@link RasterPolygonizer}'s step 2) and
 * the rings they link into (step 3). Vertices are grid corners (x in 0..w, y in 0..h); each
 * segment has its component on its right in row-down space.
 */
final class Edges {

    private final int gridWidth; // w + 1 vertices per line
    private int[] sx = new int[256];
    private int[] sy = new int[256];
    private int[] ex = new int[256];
    private int[] ey = new int[256];
    private int[] comp = new int[256];
    private int n;

    private Edges(int w) {
        this.gridWidth = w + 1;
    }

    /** One traced ring, closed, in pixel coordinates with the window offset. */
    record Ring(int component, Coordinate[] coordinates, long signedArea2) {
    }

    static Edges build(int[] ids, int w, int h) {
        Edges e = new Edges(w);
        // Horizontal lines y = 0..h: above pixel a, below pixel b.
        for (int y = 0; y <= h; y++) {
            int topComp = -1; // open segment along the top of b's row, going +x
            int topStart = 0;
            int botComp = -1; // open segment along the bottom of a's row, going -x
            int botStart = 0;
            for (int x = 0; x <= w; x++) {
                int a = x < w && y > 0 ? ids[(y - 1) * w + x] : -1;
                int b = x < w && y < h ? ids[y * w + x] : -1;
                int wantTop = a != b ? b : -1;
                int wantBot = a != b ? a : -1;
                if (wantTop != topComp) {
                    if (topComp >= 0) {
                        e.add(topStart, y, x, y, topComp);
                    }
                    topComp = wantTop;
                    topStart = x;
                }
                if (wantBot != botComp) {
                    if (botComp >= 0) {
                        e.add(x, y, botStart, y, botComp);
                    }
                    botComp = wantBot;
                    botStart = x;
                }
            }
        }
        // Vertical lines x = 0..w: left pixel a, right pixel b.
        for (int x = 0; x <= w; x++) {
            int rightComp = -1; // open segment along the right side of a, going +y
            int rightStart = 0;
            int leftComp = -1; // open segment along the left side of b, going -y
            int leftStart = 0;
            for (int y = 0; y <= h; y++) {
                int a = y < h && x > 0 ? ids[y * w + x - 1] : -1;
                int b = y < h && x < w ? ids[y * w + x] : -1;
                int wantRight = a != b ? a : -1;
                int wantLeft = a != b ? b : -1;
                if (wantRight != rightComp) {
                    if (rightComp >= 0) {
                        e.add(x, rightStart, x, y, rightComp);
                    }
                    rightComp = wantRight;
                    rightStart = y;
                }
                if (wantLeft != leftComp) {
                    if (leftComp >= 0) {
                        e.add(x, y, x, leftStart, leftComp);
                    }
                    leftComp = wantLeft;
                    leftStart = y;
                }
            }
        }
        return e;
    }

    private void add(int x0, int y0, int x1, int y1, int c) {
        if (n == sx.length) {
            int m = n * 2;
            sx = Arrays.copyOf(sx, m);
            sy = Arrays.copyOf(sy, m);
            ex = Arrays.copyOf(ex, m);
            ey = Arrays.copyOf(ey, m);
            comp = Arrays.copyOf(comp, m);
        }
        sx[n] = x0;
        sy[n] = y0;
        ex[n] = x1;
        ey[n] = y1;
        comp[n] = c;
        n++;
    }

    private long vertex(int x, int y) {
        return (long) y * gridWidth + x;
    }

    /** Links the segments into closed rings. */
    List<Ring> trace(int offsetX, int offsetY) {
        // Segments sorted by start vertex: entry = start vertex << 32 | segment index.
        long[] byStart = new long[n];
        for (int i = 0; i < n; i++) {
            byStart[i] = vertex(sx[i], sy[i]) << 32 | i;
        }
        Arrays.sort(byStart);
        boolean[] used = new boolean[n];
        List<Ring> rings = new ArrayList<>();
        List<Coordinate> coords = new ArrayList<>();
        for (int first = 0; first < n; first++) {
            if (used[first]) {
                continue;
            }
            coords.clear();
            int c = comp[first];
            int cur = first;
            long area2 = 0;
            while (true) {
                used[cur] = true;
                coords.add(new Coordinate(sx[cur] + offsetX, sy[cur] + offsetY));
                area2 += (long) sx[cur] * ey[cur] - (long) ex[cur] * sy[cur];
                int next = next(byStart, used, cur, c, first);
                if (next == first || next < 0) {
                    if (next < 0) {
                        throw new IllegalStateException("open boundary at (" + ex[cur] + ", " + ey[cur] + ")");
                    }
                    break;
                }
                cur = next;
            }
            coords.add(coords.get(0).copy());
            rings.add(new Ring(c, coords.toArray(Coordinate[]::new), area2));
        }
        return rings;
    }

    /**
     * The segment of component {@code c} that continues {@code cur}: the only one leaving its end,
     * or the left turn when two leave it (two pixels of {@code c} meet at a corner and the two
     * other pixels are not {@code c}). {@code c} is 4-connected, so a path of it joins the two pixels
     * and encloses one of the other two: turning left pairs each edge with the one bounding the
     * same non-{@code c} region, so the enclosed region becomes a hole touching the outer ring at
     * this vertex (valid), where turning right would make one ring pass the vertex twice (a
     * self-touching ring, invalid). {@code first} (already used) closes the ring.
     */
    private int next(long[] byStart, boolean[] used, int cur, int c, int first) {
        long key = vertex(ex[cur], ey[cur]);
        int lo = lowerBound(byStart, key << 32);
        int found1 = -1;
        int found2 = -1;
        for (int k = lo; k < byStart.length && (byStart[k] >>> 32) == key; k++) {
            int s = (int) byStart[k];
            if (comp[s] != c || (used[s] && s != first)) {
                continue;
            }
            if (found1 < 0) {
                found1 = s;
            } else {
                found2 = s;
            }
        }
        if (found2 < 0) {
            return found1;
        }
        // Left turn of direction (dx, dy) in row-down space is (dy, -dx): east (1, 0) -> north (0, -1).
        int dx = Integer.signum(ex[cur] - sx[cur]);
        int dy = Integer.signum(ey[cur] - sy[cur]);
        int rx = dy;
        int ry = -dx;
        int s = found1;
        if (Integer.signum(ex[s] - sx[s]) == rx && Integer.signum(ey[s] - sy[s]) == ry) {
            return found1;
        }
        return found2;
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
