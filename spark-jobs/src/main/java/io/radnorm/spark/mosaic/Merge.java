package io.radnorm.spark.mosaic;

import io.radnorm.algorithms.mask.PolygonMask;
import io.radnorm.algorithms.warp.TargetGrid;
import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogPlan;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.vector.VectorLayer;
import io.radnorm.raster.vector.VectorLayers;
import io.radnorm.spark.OutputNodata;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.RasterHeaders;
import io.radnorm.spark.cog.DistributedCogWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges images that share one grid into one mosaic Cloud-Optimized GeoTIFF over their union, on
 * Spark, tile block by tile block.
 *
 * <pre>{@code
 * CogSummary s = Merge.builder().input("s3a://bucket/aligned/").output("s3a://bucket/mosaic.tif")
 *         .seamlines("s3a://bucket/seams.gpkg").build().run(spark);
 * }</pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Grid</b>: all inputs must have one CRS, one band count, the same pixel size (relative
 *       1e-9) and lie on one pixel lattice (origins a whole number of pixels apart, within 1e-3
 *       pixel): merging never resamples. Otherwise the job fails before reading a pixel, naming
 *       the file and suggesting {@code radnorm align}. The mosaic covers the union of the inputs,
 *       on the first input's lattice.</li>
 *   <li><b>Precedence</b> ({@link Order}): by default the <em>first</em> input (in the order the
 *       inputs resolve: a folder's files sorted by name, a list in its order) wins and later inputs
 *       only fill its nodata — rasterio's / spectralmatch's {@code merge} "first" rule. With
 *       {@link Order#LAST} later inputs win, as {@code gdal_merge.py -n} and {@code gdalwarp} paint
 *       them. Decided per band and pixel, from valid samples only (not nodata, not NaN).</li>
 *   <li><b>Seamlines</b>: with a polygon layer (GeoPackage or GeoJSON) holding a feature per image
 *       whose {@code field} (default {@code image}) names it (its file name without extension; a
 *       path or extension in the value is ignored), each image contributes only where its
 *       polygons contain the pixel centre. Polygons are reprojected to the mosaic's CRS. An image
 *       without a polygon is an error.</li>
 *   <li><b>Output</b>: the first input's data type (or {@link Builder#outputType}) and nodata (or
 *       {@link Builder#nodata}); pixels no input fills are nodata (0, or NaN for floats, when there
 *       is none). A valid value converted to another type that lands on nodata is moved one step.</li>
 * </ul>
 *
 * <h2>Distribution</h2>
 * {@link DistributedCogWriter}: each task renders one block of mosaic tiles (reading only the
 * windows of the inputs under it), compresses them and their in-block overviews into a part file;
 * the driver, which only ever sees headers, polygons and tile sizes, assembles the COG.
 */
public final class Merge {

    private static final Logger LOG = LoggerFactory.getLogger(Merge.class);

    /** Whose pixels win where inputs overlap. */
    public enum Order {
        /** Earlier inputs win; later ones fill their nodata. */
        FIRST,
        /** Later inputs win (gdal_merge.py / gdalwarp painting order). */
        LAST;

        public static Order parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "first", "first-wins" -> FIRST;
                case "last", "last-wins" -> LAST;
                default -> throw new IllegalArgumentException("unknown order '" + s + "' (expected first or last)");
            };
        }
    }

    private final Builder b;

    private Merge(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Writes the mosaic and returns what was written. */
    public CogSummary run(SparkSession spark) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<RasterInfo> infos = new ArrayList<>(RasterHeaders.readAll(spark, b.input));
        if (b.order == Order.LAST) {
            Collections.reverse(infos);
        }
        Layout layout = layout(infos);
        RasterInfo first = infos.get(0);
        DataType type = b.outputType != null ? b.outputType : first.dataType();
        Double outNodata = OutputNodata.of(first, b.nodata != null ? b.nodata : first.nodata(), type);
        double[] nodata = new double[infos.size()];
        for (int i = 0; i < infos.size(); i++) {
            nodata[i] = RasterCollection.nodata(infos.get(i), b.nodata);
        }
        List<PolygonMask> seams = b.seamlines == null ? null : seamlines(infos, layout.transform, conf);
        MosaicRenderer renderer = new MosaicRenderer(infos, layout.placement, nodata, seams, first.bandCount(), type,
                outNodata);
        GeoMetadata meta = new GeoMetadata(layout.transform, first.crs(), outNodata);
        CogPlan plan = new CogPlan(layout.width, layout.height, first.bandCount(), type, meta, b.options,
                DistributedCogWriter.blockTiles(b.blockTiles, b.options));
        LOG.info("merging {} images into a {}x{} mosaic {}", infos.size(), layout.width, layout.height, b.output);
        return DistributedCogWriter.write(spark, List.of(new DistributedCogWriter.Target(b.output, plan, renderer)),
                "merge " + infos.size() + " images").get(0);
    }

    /** The mosaic grid and each image's place in it. */
    record Layout(GeoTransform transform, int width, int height, List<Window> placement) {
    }

    /** Checks that every image is on the first one's grid; the union of their windows in its pixels. */
    static Layout layout(List<RasterInfo> infos) {
        RasterInfo first = infos.get(0);
        check(first, first);
        GeoTransform ref = first.geoTransform();
        TargetGrid refGrid = new TargetGrid(ref, first.width(), first.height());
        List<Window> offsets = new ArrayList<>();
        long minX = Long.MAX_VALUE, minY = Long.MAX_VALUE, maxX = Long.MIN_VALUE, maxY = Long.MIN_VALUE;
        for (RasterInfo r : infos) {
            check(first, r);
            if (!TargetGrid.sameResolution(ref, r.geoTransform())) {
                throw new IllegalArgumentException(r.location() + ": pixel size " + r.geoTransform().pixelWidth() + " x "
                        + -r.geoTransform().pixelHeight() + " differs from " + first.location() + " ("
                        + ref.pixelWidth() + " x " + -ref.pixelHeight() + "); run radnorm align first");
            }
            Window o = refGrid.offsetOf(r.geoTransform(), r.width(), r.height());
            if (o == null) {
                throw new IllegalArgumentException(r.location() + ": not on the pixel grid of " + first.location()
                        + " (origins are not a whole number of pixels apart); run radnorm align first");
            }
            offsets.add(o);
            minX = Math.min(minX, o.x());
            minY = Math.min(minY, o.y());
            maxX = Math.max(maxX, o.maxX());
            maxY = Math.max(maxY, o.maxY());
        }
        if (maxX - minX > Integer.MAX_VALUE || maxY - minY > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the mosaic of " + infos.size() + " images would be "
                    + (maxX - minX) + "x" + (maxY - minY) + " pixels, more than a GeoTIFF can hold");
        }
        List<Window> placement = new ArrayList<>();
        for (Window o : offsets) {
            placement.add(new Window((int) (o.x() - minX), (int) (o.y() - minY), o.width(), o.height()));
        }
        return new Layout(ref.window(minX, minY), (int) (maxX - minX), (int) (maxY - minY), placement);
    }

    private static void check(RasterInfo first, RasterInfo r) {
        if (!r.isGeoreferenced()) {
            throw new IllegalArgumentException(r.location() + ": has no georeferencing (no geotransform)");
        }
        if (!r.geoTransform().isNorthUp()) {
            throw new IllegalArgumentException(r.location() + ": rotated rasters are not supported; run radnorm align first");
        }
        boolean sameCrs = first.crs() == null ? r.crs() == null : first.crs().sameAs(r.crs());
        if (!sameCrs) {
            throw new IllegalArgumentException(r.location() + ": CRS " + r.crs() + " differs from " + first.crs()
                    + " of " + first.location() + "; run radnorm align first");
        }
        if (r.bandCount() != first.bandCount()) {
            throw new IllegalArgumentException(r.location() + ": has " + r.bandCount() + " bands, "
                    + first.location() + " has " + first.bandCount());
        }
    }

    /** Each image's seamline polygons, in mosaic pixels; fails naming an image without one. */
    private List<PolygonMask> seamlines(List<RasterInfo> infos, GeoTransform mosaic, Configuration conf)
            throws IOException {
        VectorLayer layer = VectorLayers.read(b.seamlines, conf);
        RasterInfo first = infos.get(0);
        if (first.crs() == null) {
            throw new IllegalArgumentException(first.location() + ": has no CRS to place the seamlines in");
        }
        layer = layer.reprojectedTo(first.crs());
        Map<String, List<Geometry>> byImage = new LinkedHashMap<>();
        for (VectorLayer.Feature f : layer.features()) {
            Object v = f.properties().get(b.seamlineField);
            if (v == null) {
                throw new IllegalArgumentException(b.seamlines + ": a feature has no '" + b.seamlineField
                        + "' field naming its image");
            }
            byImage.computeIfAbsent(RasterInfo.baseName(v.toString()), k -> new ArrayList<>()).add(f.geometry());
        }
        List<PolygonMask> out = new ArrayList<>();
        for (RasterInfo r : infos) {
            List<Geometry> g = byImage.remove(r.name());
            if (g == null) {
                throw new IllegalArgumentException(b.seamlines + ": no seamline polygon for image " + r.name()
                        + " (field '" + b.seamlineField + "')");
            }
            out.add(PolygonMask.of(g, mosaic));
        }
        if (!byImage.isEmpty()) {
            LOG.warn("{}: seamlines for images not among the inputs are ignored: {}", b.seamlines, byImage.keySet());
        }
        return out;
    }

    /** Options of a merge; {@link #input} and {@link #output} are required. */
    public static final class Builder {
        private String input;
        private String output;
        private String seamlines;
        private String seamlineField = "image";
        private Order order = Order.FIRST;
        private Double nodata;
        private DataType outputType;
        private CogOptions options = CogOptions.defaults();
        private int blockTiles;

        /** Folder, glob, comma list or @list.txt; the order matters (precedence). */
        public Builder input(String spec) {
            this.input = spec;
            return this;
        }

        /** The mosaic COG's URI. */
        public Builder output(String uri) {
            this.output = uri;
            return this;
        }

        /** A polygon layer with one feature per image, or {@code null}. */
        public Builder seamlines(String uri) {
            this.seamlines = uri;
            return this;
        }

        public Builder seamlineField(String field) {
            this.seamlineField = Objects.requireNonNull(field);
            return this;
        }

        public Builder order(Order o) {
            this.order = Objects.requireNonNull(o);
            return this;
        }

        /** Nodata of every input and of the mosaic (default: each file's, the first's for the mosaic). */
        public Builder nodata(Double v) {
            this.nodata = v;
            return this;
        }

        public Builder outputType(DataType t) {
            this.outputType = t;
            return this;
        }

        public Builder options(CogOptions o) {
            this.options = Objects.requireNonNull(o);
            return this;
        }

        /** Tiles per side of the block one task renders (power of two ≥ 2); 0 for about 2048 pixels. */
        public Builder blockTiles(int k) {
            this.blockTiles = k;
            return this;
        }

        public Merge build() {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            return new Merge(this);
        }
    }
}
