package io.radnorm.spark.geometry;

import io.radnorm.spark.Broadcasts;
import io.radnorm.algorithms.Validity;
import io.radnorm.algorithms.expr.BandExpression;
import io.radnorm.algorithms.polygonize.PixelGeometries;
import io.radnorm.algorithms.polygonize.RasterPolygonizer;
import io.radnorm.algorithms.polygonize.SizeThreshold;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.vector.VectorLayer;
import io.radnorm.raster.vector.VectorWriter;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.SerializableConfiguration;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code radnorm vectorize}: raster values to polygons (pseudo-invariant-feature masks, cloud
 * masks), written as a GeoPackage or GeoJSON layer that {@code --mask} of {@code global} /
 * {@code pipeline} reads back.
 *
 * <h2>What becomes a polygon</h2>
 * <ul>
 *   <li>With an {@code expression} ({@link BandExpression}, e.g. {@code b1 > 100 & b2 < 50}): value 1
 *       where it is true, 0 where false; a pixel where any band the expression reads is nodata is
 *       neither. By default only the value-1 regions become polygons.</li>
 *   <li>Without: the integer values of {@code band} (default 1); nodata pixels are none. A
 *       non-integer value fails, naming the file and pixel. By default every value does.</li>
 *   <li>A {@code valueMap} ({@code 1=pif}) keeps only the values it lists and writes their names in
 *       the {@code class} attribute.</li>
 * </ul>
 * Each 4-connected region of one value in one image is one polygon along pixel edges
 * ({@link RasterPolygonizer}, as {@code gdal_polygonize}), with attributes {@code image} (the
 * image's name: the mask's field filter can then give each image its own features), {@code value},
 * {@code class} (with a value map), {@code pixels} (its pixel count; without a buffer) and
 * {@code area} (map units²).
 *
 * <h2>Distribution</h2>
 * The images are cut into windows of {@code window} pixels; each (image, window) is a Spark task
 * that reads its window (only the bands needed) and polygonizes it in image pixel coordinates.
 * Only polygons travel to the driver. Pieces that touch an inner window edge are merged on the
 * driver per image and value with {@code CoverageUnion} (exact: their shared edges have identical
 * integer coordinates), and collinear vertices left on the cuts removed, so the result does not
 * depend on the window size. Pieces with a fixed {@code minSize} are already filtered on the
 * executors when whole.
 *
 * <h2>Then</h2>
 * {@code minSize} ({@link SizeThreshold}: {@code >100} pixels, or {@code >95%}, the 95th
 * percentile of the sizes of each image's polygons); polygons mapped to the image's CRS; then
 * {@code buffer} (map units, negative shrinks; buffered polygons of one image and value that
 * overlap are dissolved).
 */
public final class Vectorization {

    private static final Logger LOG = LoggerFactory.getLogger(Vectorization.class);
    public static final int DEFAULT_WINDOW = 2048;

    private final List<String> inputs;
    private final BandExpression expression;
    private final int band;
    private final Map<Long, String> valueMap;
    private final SizeThreshold minSize;
    private final double buffer;
    private final Double nodata;
    private final int window;

    private Vectorization(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.expression = b.expression;
        this.band = b.band;
        this.valueMap = new TreeMap<>(b.valueMap);
        this.minSize = b.minSize;
        this.buffer = b.buffer;
        this.nodata = b.nodata;
        this.window = b.window;
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input rasters");
        }
        if (band < 1) {
            throw new IllegalArgumentException("bands are numbered from 1, not " + band);
        }
        if (window < 16) {
            throw new IllegalArgumentException("window must be at least 16 pixels, not " + window);
        }
        if (!Double.isFinite(buffer)) {
            throw new IllegalArgumentException("buffer must be finite, not " + buffer);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A polygon of one window, in image pixel coordinates. */
    record Piece(int image, long value, byte[] wkb, boolean cut) implements Serializable {
    }

    private record Task(int image, Window window) implements Serializable {
    }

    /** Runs and writes the layer to {@code output} ({@code .gpkg}, {@code .geojson}, {@code .json}). */
    public VectorLayer run(SparkSession spark, String output) throws IOException {
        VectorWriter.requireSupported(output);
        GeoInputs.requireOneCrs(GeoInputs.read(spark, inputs), true); // fail before any pixel is read
        VectorLayer layer = run(spark);
        VectorWriter.write(output, layer, null, spark.sparkContext().hadoopConfiguration());
        return layer;
    }

    /** The polygons, as a layer in the inputs' CRS. */
    public VectorLayer run(SparkSession spark) throws IOException {
        List<RasterInfo> infos = GeoInputs.read(spark, inputs);
        GeoInputs.requireOneCrs(infos, false);
        int needed = expression != null ? expression.maxBand() : band;
        for (RasterInfo r : infos) {
            if (r.bandCount() < needed) {
                throw new IllegalArgumentException(r.location() + ": has " + r.bandCount() + " bands, "
                        + (expression != null ? "the expression reads b" : "--band is ") + needed);
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            for (Window w : Window.grid(infos.get(i).width(), infos.get(i).height(), window, window)) {
                tasks.add(new Task(i, w));
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = Broadcasts.hadoopConfiguration(jsc);
        Broadcast<List<RasterInfo>> imgs = jsc.broadcast(new ArrayList<>(infos));
        Double nd = nodata;
        BandExpression expr = expression;
        int bandNo = band;
        List<Long> keep = valueMap.isEmpty() ? null : new ArrayList<>(valueMap.keySet());
        SizeThreshold earlyFilter = minSize != null && !minSize.percent() ? minSize : null;
        jsc.setJobDescription("radnorm: vectorize " + infos.size() + " images (" + tasks.size() + " windows)");
        List<Piece> pieces;
        try {
            pieces = jsc.parallelize(tasks, Math.max(1, tasks.size())).flatMap(t -> {
                RasterInfo info = imgs.value().get(t.image());
                try (GeoTiffReader reader = GeoTiffReader.open(info.location(), conf.value().get())) {
                    return polygonize(reader, info, t, RasterCollection.nodata(info, nd), expr, bandNo, keep, earlyFilter)
                            .iterator();
                }
            }).collect();
        } finally {
            jsc.setJobDescription(null);
        }
        return assemble(infos, pieces);
    }

    /** One window's pieces (runs on an executor). */
    static List<Piece> polygonize(GeoTiffReader reader, RasterInfo info, Task t, double nodata, BandExpression expr,
                                  int band, List<Long> keep, SizeThreshold earlyFilter) throws IOException {
        Window w = t.window();
        int n = (int) w.pixelCount();
        int[] labels = new int[n];
        int background = Integer.MIN_VALUE;
        if (expr != null) {
            int[] used = expr.bands();
            int[] read = new int[used.length];
            for (int k = 0; k < used.length; k++) {
                read[k] = used[k] - 1;
            }
            Raster r = reader.read(w, read);
            double[] pixel = new double[Math.max(1, expr.maxBand())];
            for (int i = 0; i < n; i++) {
                boolean valid = true;
                for (int k = 0; k < used.length; k++) {
                    double v = r.getAt(k * n + i);
                    valid &= Validity.isValid(v, nodata);
                    pixel[used[k] - 1] = v;
                }
                int label = valid ? (expr.test(pixel) ? 1 : 0) : background;
                labels[i] = keep == null ? (label == 1 ? 1 : background) : (keep.contains((long) label) ? label : background);
            }
        } else {
            Raster r = reader.read(w, band - 1);
            for (int i = 0; i < n; i++) {
                double v = r.getAt(i);
                if (!Validity.isValid(v, nodata)) {
                    labels[i] = background;
                    continue;
                }
                if (v != Math.rint(v) || v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(info.location() + ": band " + band + " has the non-integer value "
                            + v + " at pixel (" + (w.x() + i % w.width()) + ", " + (w.y() + i / w.width())
                            + "); vectorize takes integer classes, or give --expression");
                }
                labels[i] = keep == null || keep.contains((long) v) ? (int) v : background;
            }
        }
        List<Piece> out = new ArrayList<>();
        WKBWriter wkb = new WKBWriter();
        for (RasterPolygonizer.Region region : RasterPolygonizer.polygonize(labels, w.width(), w.height(), background,
                w.x(), w.y())) {
            Envelope e = region.polygon().getEnvelopeInternal();
            boolean cut = (e.getMinX() == w.x() && w.x() > 0) || (e.getMinY() == w.y() && w.y() > 0)
                    || (e.getMaxX() == w.maxX() && w.maxX() < info.width())
                    || (e.getMaxY() == w.maxY() && w.maxY() < info.height());
            if (!cut && earlyFilter != null && !earlyFilter.keeps(region.pixelCount(), earlyFilter.value())) {
                continue;
            }
            out.add(new Piece(t.image(), region.label(), wkb.write(region.polygon()), cut));
        }
        return out;
    }

    /** Merges cut pieces, filters, maps, buffers (driver; vector data only). */
    private VectorLayer assemble(List<RasterInfo> infos, List<Piece> pieces) throws IOException {
        GeometryFactory gf = new GeometryFactory();
        WKBReader reader = new WKBReader(gf);
        // (image, value) -> polygons in pixel coordinates
        List<Map<Long, List<Polygon>>> whole = new ArrayList<>();
        List<Map<Long, List<Geometry>>> cut = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            whole.add(new TreeMap<>());
            cut.add(new TreeMap<>());
        }
        for (Piece p : pieces) {
            Geometry g;
            try {
                g = reader.read(p.wkb());
            } catch (ParseException e) {
                throw new IOException("vectorize: bad piece WKB: " + e.getMessage(), e);
            }
            if (p.cut()) {
                cut.get(p.image()).computeIfAbsent(p.value(), k -> new ArrayList<>()).add(g);
            } else {
                whole.get(p.image()).computeIfAbsent(p.value(), k -> new ArrayList<>()).add((Polygon) g);
            }
        }
        List<VectorLayer.Feature> features = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            RasterInfo info = infos.get(i);
            Map<Long, List<Polygon>> byValue = whole.get(i);
            for (Map.Entry<Long, List<Geometry>> e : cut.get(i).entrySet()) {
                Geometry merged = CoverageUnion.union(gf.buildGeometry(e.getValue()));
                List<Polygon> target = byValue.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                for (int k = 0; k < merged.getNumGeometries(); k++) {
                    target.add(PixelGeometries.removeCollinear((Polygon) merged.getGeometryN(k)));
                }
            }
            double threshold = 0;
            if (minSize != null) {
                long[] sizes = byValue.values().stream().flatMap(List::stream).mapToLong(p -> Math.round(p.getArea()))
                        .toArray();
                threshold = minSize.pixels(sizes);
                LOG.info("{}: min size {} = {} pixels", info.name(), minSize, threshold);
            }
            for (Map.Entry<Long, List<Polygon>> e : byValue.entrySet()) {
                List<Polygon> polys = new ArrayList<>(e.getValue());
                polys.sort(Comparator.comparingDouble((Polygon p) -> p.getEnvelopeInternal().getMinY())
                        .thenComparingDouble(p -> p.getEnvelopeInternal().getMinX()));
                List<Geometry> mapped = new ArrayList<>();
                List<Long> pixels = new ArrayList<>();
                for (Polygon p : polys) {
                    long size = Math.round(p.getArea());
                    if (minSize == null || minSize.keeps(size, threshold)) {
                        mapped.add(PixelGeometries.toMap(p, info.geoTransform()));
                        pixels.add(size);
                    }
                }
                if (buffer != 0 && !mapped.isEmpty()) {
                    List<Geometry> grown = new ArrayList<>();
                    for (Geometry g : mapped) {
                        grown.add(g.buffer(buffer));
                    }
                    Geometry dissolved = UnaryUnionOp.union(grown);
                    mapped = new ArrayList<>();
                    pixels = null;
                    for (int k = 0; dissolved != null && k < dissolved.getNumGeometries(); k++) {
                        Geometry part = dissolved.getGeometryN(k);
                        if (part instanceof Polygon && !part.isEmpty()) {
                            mapped.add(PixelGeometries.orientCounterClockwise(part));
                        }
                    }
                }
                for (int k = 0; k < mapped.size(); k++) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("image", info.name());
                    props.put("value", e.getKey());
                    if (!valueMap.isEmpty()) {
                        props.put("class", valueMap.get(e.getKey()));
                    }
                    if (pixels != null) {
                        props.put("pixels", pixels.get(k));
                    }
                    props.put("area", mapped.get(k).getArea());
                    features.add(new VectorLayer.Feature(mapped.get(k), props));
                }
            }
        }
        if (features.isEmpty()) {
            LOG.warn("vectorize: no polygon in {} images", infos.size());
        }
        return new VectorLayer(features, infos.get(0).crs());
    }

    public static final class Builder {
        private final List<String> inputs = new ArrayList<>();
        private BandExpression expression;
        private int band = 1;
        private final Map<Long, String> valueMap = new TreeMap<>();
        private SizeThreshold minSize;
        private double buffer;
        private Double nodata;
        private int window = DEFAULT_WINDOW;

        public Builder input(String spec) {
            inputs.add(spec);
            return this;
        }

        /** A boolean condition on bands (null: vectorize the values of {@link #band}). */
        public Builder expression(BandExpression e) {
            this.expression = e;
            return this;
        }

        public Builder band(int oneBased) {
            this.band = oneBased;
            return this;
        }

        /** Values to keep and their class names ({@code 1 -> "pif"}). */
        public Builder valueMap(Map<Long, String> map) {
            this.valueMap.clear();
            if (map != null) {
                this.valueMap.putAll(map);
            }
            return this;
        }

        public Builder minSize(SizeThreshold t) {
            this.minSize = t;
            return this;
        }

        public Builder buffer(double mapUnits) {
            this.buffer = mapUnits;
            return this;
        }

        public Builder nodata(Double v) {
            this.nodata = v;
            return this;
        }

        public Builder window(int pixels) {
            this.window = pixels;
            return this;
        }

        public Vectorization build() {
            return new Vectorization(this);
        }
    }
}
