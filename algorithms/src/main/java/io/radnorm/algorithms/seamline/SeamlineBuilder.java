package io.radnorm.algorithms.seamline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Voronoi centre-line seamlines for a mosaic: from each image's valid-data footprint, one polygon
 * per image saying which image to show where, such that the polygons cover the union of the
 * footprints with no gap and no overlap and each seam runs down the middle of an overlap, as far as
 * possible from both images' edges (spectralmatch's {@code voronoi_center_seamline}).
 *
 * <h2>Rule</h2>
 * <ol>
 *   <li><b>Footprints</b> are snapped to a grid of {@link #gridSize} map units (default
 *       {@code minPointSpacing / 1000}), so that all later overlays are exact; a MultiPolygon keeps
 *       its largest part.</li>
 *   <li><b>Pairwise centre lines.</b> For every pair whose footprints overlap, the boundary of the
 *       overlap O = F<sub>i</sub> ∩ F<sub>j</sub> is sampled every {@code minPointSpacing} at most
 *       (vertices included); each sample is labelled by which footprint's edge it lies on. The
 *       Voronoi diagram of the samples ({@code VoronoiDiagramBuilder}) cuts O in two: the cells of
 *       samples on j's edge go to i (there i's data lies deeper inside its image) and the others
 *       to j, so the seam is the discrete medial line between the two images' edges. When one
 *       footprint contains the other, O goes to the contained image (else it would vanish).</li>
 *   <li><b>Arrangement.</b> Footprint boundaries and pairwise cuts are noded together with snap
 *       rounding on the grid ({@code UnaryUnionNG}) and polygonized into faces, which form an
 *       exact coverage. Each face goes to the image that wins the most pairwise contests at its
 *       interior point among the images covering it (with three or more images the pairwise cuts
 *       always agree on a winner except in cyclic cases; ties go to the image whose edge is
 *       farthest).</li>
 *   <li><b>One piece per image.</b> An image's faces that are not connected (through edges) to
 *       the part holding its footprint's centroid (or its largest part, if the centroid went to
 *       another image) are handed to the neighbour they share the longest edge with, preferring
 *       neighbours whose footprint covers them; repeated until every image is one piece.</li>
 *   <li>Each image's faces are dissolved with {@code CoverageUnion}: shared edges keep identical
 *       vertices, so the result is a valid polygonal coverage (JTS {@code CoverageValidator}).</li>
 * </ol>
 * An image that ends with no face (e.g. covered by others everywhere and containing none) is not
 * in the result.
 *
 * <p>Pure geometry, single-threaded; the footprints are small (vertices on a reduced-resolution
 * grid), so this runs on the Spark driver.
 */
public final class SeamlineBuilder {

    private final Map<String, Polygon> footprints = new LinkedHashMap<>();
    private final double minPointSpacing;
    private double gridSize;

    /**
     * @param minPointSpacing largest distance between the boundary samples of an overlap, in map
     *                        units: the seam's resolution
     */
    public SeamlineBuilder(double minPointSpacing) {
        if (!(minPointSpacing > 0) || Double.isInfinite(minPointSpacing)) {
            throw new IllegalArgumentException("min point spacing must be positive, not " + minPointSpacing);
        }
        this.minPointSpacing = minPointSpacing;
        this.gridSize = minPointSpacing / 1000;
    }

    /** The snapping grid of all overlays, in map units (default {@code minPointSpacing / 1000}). */
    public SeamlineBuilder gridSize(double size) {
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("grid size must be positive, not " + size);
        }
        this.gridSize = size;
        return this;
    }

    public double gridSize() {
        return gridSize;
    }

    /** Adds an image's valid-data footprint (a Polygon or MultiPolygon in the common CRS). */
    public SeamlineBuilder add(String image, Geometry footprint) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(footprint, "footprint");
        if (footprints.containsKey(image)) {
            throw new IllegalArgumentException("footprint of " + image + " given twice");
        }
        Polygon p = largestPart(footprint);
        if (p != null) {
            footprints.put(image, p);
        }
        return this;
    }

    /** Adds footprints, in the map's order. */
    public SeamlineBuilder addAll(Map<String, ? extends Geometry> map) {
        map.forEach(this::add);
        return this;
    }

    /** The largest polygon of {@code g}, or null if it has no area. */
    public static Polygon largestPart(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty() && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        return best;
    }

    /**
     * The seamline polygon of every image that keeps some area, in the order the footprints were
     * added.
     */
    public Map<String, Polygon> build() {
        PrecisionModel pm = new PrecisionModel(1 / gridSize);
        GeometryFactory gf = new GeometryFactory(pm);
        List<String> names = new ArrayList<>();
        List<Polygon> f = new ArrayList<>();
        for (Map.Entry<String, Polygon> e : footprints.entrySet()) {
            Polygon snapped = largestPart(GeometryPrecisionReducer.reduce(e.getValue(), pm));
            if (snapped != null) {
                names.add(e.getKey());
                f.add((Polygon) gf.createGeometry(snapped));
            }
        }
        int n = f.size();
        Map<String, Polygon> out = new LinkedHashMap<>();
        if (n == 0) {
            return out;
        }
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (Polygon p : f) {
            prepared.add(PreparedGeometryFactory.prepare(p));
        }
        // 2. Pairwise splits.
        PairSplit[][] splits = new PairSplit[n][n];
        List<Geometry> linework = new ArrayList<>();
        for (Polygon p : f) {
            linework.add(p.getBoundary());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!f.get(i).getEnvelopeInternal().intersects(f.get(j).getEnvelopeInternal())) {
                    continue;
                }
                PairSplit s = PairSplit.of(f.get(i), f.get(j), minPointSpacing, pm);
                if (s != null) {
                    splits[i][j] = s;
                    if (s.cut() != null) {
                        linework.add(s.cut());
                    }
                }
            }
        }
        // 3. Arrangement and face owners.
        Geometry noded = UnaryUnionNG.union(gf.buildGeometry(linework), pm);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> rawFaces = polygonizer.getPolygons();
        List<Face> faces = new ArrayList<>();
        for (Polygon face : rawFaces) {
            Point ip = face.getInteriorPoint();
            int owner = owner(ip, f, prepared, splits);
            if (owner >= 0) {
                faces.add(new Face(face, owner, ip.getCoordinate()));
            }
        }
        FaceGraph graph = FaceGraph.of(faces);
        // 4. One piece per image.
        for (int round = 0; round < 4 * n + 4; round++) {
            if (!graph.reassignDetachedParts(f, prepared)) {
                break;
            }
        }
        // 5. Dissolve.
        for (int i = 0; i < n; i++) {
            List<Geometry> mine = new ArrayList<>();
            for (Face face : faces) {
                if (face.owner == i) {
                    mine.add(face.polygon);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            Geometry union = CoverageUnion.union(gf.buildGeometry(mine));
            Polygon piece = largestPart(union);
            if (piece != null) {
                out.put(names.get(i), piece);
            }
        }
        return out;
    }

    /** The image a point of the union belongs to, or -1 if it is in no footprint. */
    private static int owner(Point p, List<Polygon> f, List<PreparedGeometry> prepared, PairSplit[][] splits) {
        List<Integer> covering = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            if (prepared.get(i).contains(p)) {
                covering.add(i);
            }
        }
        if (covering.size() <= 1) {
            return covering.isEmpty() ? -1 : covering.get(0);
        }
        int best = -1;
        int bestWins = -1;
        double bestDepth = -1;
        for (int a : covering) {
            int wins = 0;
            for (int b : covering) {
                if (a != b) {
                    PairSplit s = a < b ? splits[a][b] : splits[b][a];
                    if (s != null && s.firstWins(p) == (a < b)) {
                        wins++;
                    }
                }
            }
            double depth = f.get(a).getExteriorRing().distance(p);
            if (wins > bestWins || (wins == bestWins && depth > bestDepth)) {
                best = a;
                bestWins = wins;
                bestDepth = depth;
            }
        }
        return best;
    }

    /** A face of the arrangement and its image. */
    static final class Face {
        final Polygon polygon;
        final Coordinate interior;
        int owner;

        Face(Polygon polygon, int owner, Coordinate interior) {
            this.polygon = polygon;
            this.owner = owner;
            this.interior = interior;
        }
    }

    /** Faces and the edge lengths they share. */
    static final class FaceGraph {
        private final List<Face> faces;
        /** For each face, neighbour face index → length of shared boundary. */
        private final List<Map<Integer, Double>> shared;

        private FaceGraph(List<Face> faces, List<Map<Integer, Double>> shared) {
            this.faces = faces;
            this.shared = shared;
        }

        static FaceGraph of(List<Face> faces) {
            Map<Segment, Integer> firstFace = new HashMap<>();
            List<Map<Integer, Double>> shared = new ArrayList<>();
            for (int k = 0; k < faces.size(); k++) {
                shared.add(new HashMap<>());
            }
            for (int k = 0; k < faces.size(); k++) {
                Polygon p = faces.get(k).polygon;
                for (int r = -1; r < p.getNumInteriorRing(); r++) {
                    LineString ring = r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r);
                    Coordinate[] cs = ring.getCoordinates();
                    for (int i = 0; i + 1 < cs.length; i++) {
                        Segment s = Segment.of(cs[i], cs[i + 1]);
                        Integer other = firstFace.putIfAbsent(s, k);
                        if (other != null && other != k) {
                            double len = cs[i].distance(cs[i + 1]);
                            shared.get(k).merge(other, len, Double::sum);
                            shared.get(other).merge(k, len, Double::sum);
                        }
                    }
                }
            }
            return new FaceGraph(faces, shared);
        }

        /**
         * For every image in several pieces, gives the pieces other than the main one to a
         * neighbour. @return whether anything changed
         */
        boolean reassignDetachedParts(List<Polygon> footprints, List<PreparedGeometry> prepared) {
            boolean changed = false;
            for (int img = 0; img < footprints.size(); img++) {
                List<List<Integer>> parts = components(img);
                if (parts.size() <= 1) {
                    continue;
                }
                int main = mainPart(parts, footprints.get(img));
                for (int k = 0; k < parts.size(); k++) {
                    if (k != main && handOver(parts.get(k), img, prepared)) {
                        changed = true;
                    }
                }
            }
            return changed;
        }

        private int mainPart(List<List<Integer>> parts, Polygon footprint) {
            Point centroid = footprint.getCentroid();
            int largest = 0;
            double largestArea = -1;
            for (int k = 0; k < parts.size(); k++) {
                double area = 0;
                for (int fi : parts.get(k)) {
                    Polygon p = faces.get(fi).polygon;
                    if (p.covers(centroid)) {
                        return k;
                    }
                    area += p.getArea();
                }
                if (area > largestArea) {
                    largestArea = area;
                    largest = k;
                }
            }
            return largest;
        }

        /** Gives a piece of {@code img} to the best neighbour; false if it has none. */
        private boolean handOver(List<Integer> part, int img, List<PreparedGeometry> prepared) {
            Map<Integer, Double> byOwner = new HashMap<>();
            for (int fi : part) {
                for (Map.Entry<Integer, Double> e : shared.get(fi).entrySet()) {
                    int o = faces.get(e.getKey()).owner;
                    if (o != img) {
                        byOwner.merge(o, e.getValue(), Double::sum);
                    }
                }
            }
            if (byOwner.isEmpty()) {
                return false;
            }
            Point probe = faces.get(part.get(0)).polygon.getFactory()
                    .createPoint(faces.get(part.get(0)).interior);
            int best = -1;
            double bestScore = -1;
            boolean bestCovers = false;
            for (Map.Entry<Integer, Double> e : byOwner.entrySet()) {
                boolean covers = prepared.get(e.getKey()).contains(probe);
                if ((covers && !bestCovers) || (covers == bestCovers && e.getValue() > bestScore)) {
                    best = e.getKey();
                    bestScore = e.getValue();
                    bestCovers = covers;
                }
            }
            for (int fi : part) {
                faces.get(fi).owner = best;
            }
            return true;
        }

        /** The edge-connected groups of faces owned by {@code img}. */
        private List<List<Integer>> components(int img) {
            List<List<Integer>> parts = new ArrayList<>();
            boolean[] seen = new boolean[faces.size()];
            for (int s = 0; s < faces.size(); s++) {
                if (seen[s] || faces.get(s).owner != img) {
                    continue;
                }
                List<Integer> part = new ArrayList<>();
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                queue.add(s);
                seen[s] = true;
                while (!queue.isEmpty()) {
                    int k = queue.poll();
                    part.add(k);
                    for (int nb : shared.get(k).keySet()) {
                        if (!seen[nb] && faces.get(nb).owner == img) {
                            seen[nb] = true;
                            queue.add(nb);
                        }
                    }
                }
                parts.add(part);
            }
            return parts;
        }
    }

    /** An undirected segment, as a hash key. */
    record Segment(double ax, double ay, double bx, double by) {
        static Segment of(Coordinate a, Coordinate b) {
            boolean swap = a.x > b.x || (a.x == b.x && a.y > b.y);
            return swap ? new Segment(b.x, b.y, a.x, a.y) : new Segment(a.x, a.y, b.x, b.y);
        }
    }
}
