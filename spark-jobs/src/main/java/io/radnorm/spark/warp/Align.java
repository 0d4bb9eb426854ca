package io.radnorm.spark.warp;

import io.radnorm.algorithms.warp.GridFootprint;
import io.radnorm.algorithms.warp.PixelMapping;
import io.radnorm.algorithms.warp.PointTransform;
import io.radnorm.algorithms.warp.ResamplingMethod;
import io.radnorm.algorithms.warp.Resolution;
import io.radnorm.algorithms.warp.TargetGrid;
import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.CrsTransform;
import io.radnorm.raster.fs.OutputPaths;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogPlan;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.spark.OutputNodata;
import io.radnorm.spark.RasterHeaders;
import io.radnorm.spark.cog.DistributedCogWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resamples (and reprojects) images onto one pixel grid — one CRS, one resolution, one pixel
 * lattice — so that they can be merged, compared or stacked pixel for pixel: {@code radnorm align},
 * gdalwarp's grid rules on Spark.
 *
 * <pre>{@code
 * List<CogSummary> out = Align.builder().input("s3a://bucket/scenes/").output("s3a://bucket/aligned/")
 *         .crs("EPSG:32633").resolution(Resolution.parse("10")).tap(true)
 *         .resampling(ResamplingMethod.BILINEAR).build().run(spark);
 * }</pre>
 *
 * <h2>The grid</h2>
 * <ul>
 *   <li>CRS: {@link Builder#crs} ({@code EPSG:nnnn} or WKT with an EPSG equivalent), default the
 *       first input's. Transforms go through Apache SIS ({@link CrsTransform}).</li>
 *   <li>Resolution ({@link Resolution}): {@code highest} (default) / {@code average} / {@code lowest}
 *       of the inputs' pixel sizes expressed in the target CRS — in one CRS the geotransform's own
 *       sizes, across CRSs gdalwarp's square estimate from the image diagonal — or a value.</li>
 *   <li>Extent: each output covers its own input's footprint: its outline sampled at 21 points per
 *       edge and transformed, then, as gdalwarp does, rounded to whole pixels of the input's own
 *       estimated size ({@link GridFootprint#suggestedExtent}). With {@code tap}, exactly gdalwarp's {@code -tap}: bounds snapped outward
 *       to multiples of the resolution. Without, all outputs share the lattice anchored at the
 *       top-left corner of the inputs' union: the left/top edges snap outward to it and the size is
 *       rounded as gdalwarp's {@code -tr} does; a single input thus gets gdalwarp's grid.</li>
 * </ul>
 *
 * <h2>Pixels</h2>
 * {@link io.radnorm.algorithms.warp.Resampler} (GDAL's nearest, bilinear and cubic, nodata-aware,
 * kernels widened when downsampling) at target pixel centres mapped with
 * {@link io.radnorm.algorithms.warp.PixelMapping} (exact, or GDAL's approximation with
 * {@link Builder#errorThreshold}, default 0.125 pixel). Output type and nodata are the input's
 * (or the options'); pixels outside the source are nodata.
 *
 * <h2>Distribution</h2>
 * {@link DistributedCogWriter}: a task per block of output tiles computes the source window its
 * block needs (the block's outline mapped into the source, padded by the kernel radius), reads only
 * that, resamples and compresses; the driver holds only headers and tile sizes.
 */
public final class Align {

    private static final Logger LOG = LoggerFactory.getLogger(Align.class);

    /** Output name inside an output folder. */
    public static final String DEFAULT_OUTPUT_TEMPLATE = "$_Aligned.tif";

    private final Builder b;

    private Align(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One planned output: the input, its grid and where it goes. */
    public record Planned(RasterInfo input, TargetGrid grid, Crs crs, double scaleX, double scaleY, String output) {
    }

    /** Plans every output grid from the headers, reading no pixel. */
    public List<Planned> plan(List<RasterInfo> infos) {
        RasterInfo first = infos.get(0);
        Crs target = b.crs != null ? CrsTransform.parse(b.crs) : first.crs();
        List<Envelope> extents = new ArrayList<>();
        List<double[]> sizes = new ArrayList<>();
        Map<String, RasterInfo> names = new HashMap<>();
        for (RasterInfo r : infos) {
            if (!r.isGeoreferenced()) {
                throw new IllegalArgumentException(r.location() + ": has no georeferencing (no geotransform)");
            }
            RasterInfo clash = names.put(r.name(), r);
            if (clash != null && b.output != null) {
                throw new IllegalArgumentException("inputs collide on name '" + r.name() + "': " + clash.location()
                        + " and " + r.location());
            }
            PointTransform toTarget = toTarget(r, target);
            double[] size = GridFootprint.pixelSize(r.geoTransform(), r.width(), r.height(), toTarget);
            sizes.add(size);
            extents.add(GridFootprint.suggestedExtent(
                    GridFootprint.extent(r.geoTransform(), r.width(), r.height(), toTarget), size));
        }
        double[] res = b.resolution.choose(sizes);
        Envelope union = new Envelope();
        extents.forEach(union::expandToInclude);
        List<Planned> out = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            RasterInfo r = infos.get(i);
            TargetGrid g = b.tap ? TargetGrid.covering(extents.get(i), res[0], res[1], true)
                    : TargetGrid.onLattice(extents.get(i), res[0], res[1], union.getMinX(), union.getMaxY());
            String uri = b.output == null ? null : OutputPaths.resolve(b.output, r.name(), DEFAULT_OUTPUT_TEMPLATE);
            double[] scale = kernelScale(r, g, target);
            out.add(new Planned(r, g, target, scale[0], scale[1], uri));
        }
        return out;
    }

    /**
     * The downsampling scale of the kernels, as gdalwarp derives it for an image warped in one
     * chunk: output pixels over the source pixels the output covers (clipped to the image), per
     * axis. Below 0.95 the kernels widen ({@link io.radnorm.algorithms.warp.Resampler}).
     */
    private static double[] kernelScale(RasterInfo r, TargetGrid g, Crs target) {
        CrsTransform back = CrsTransform.between(target, r.crs());
        PointTransform pt = back.isIdentity() ? PointTransform.IDENTITY : back::transform;
        Window src = new PixelMapping(g.transform(), r.geoTransform(), pt, 0)
                .sourceWindow(Window.of(g.width(), g.height()), 0, r.width(), r.height());
        if (src.isEmpty()) {
            return new double[] {1, 1};
        }
        return new double[] {(double) g.width() / src.width(), (double) g.height() / src.height()};
    }

    private static PointTransform toTarget(RasterInfo r, Crs target) {
        if (r.crs() == null && target != null) {
            throw new IllegalArgumentException(r.location() + ": has no CRS; cannot align it to " + target);
        }
        CrsTransform t = CrsTransform.between(r.crs(), target);
        return t.isIdentity() ? PointTransform.IDENTITY : t::transform;
    }

    /** Aligns every input and writes one COG per input. */
    public List<CogSummary> run(SparkSession spark) throws IOException {
        Objects.requireNonNull(b.output, "output");
        List<RasterInfo> infos = RasterHeaders.readAll(spark, b.input);
        List<DistributedCogWriter.Target> targets = new ArrayList<>();
        for (Planned p : plan(infos)) {
            RasterInfo r = p.input();
            DataType type = b.outputType != null ? b.outputType : r.dataType();
            Double nodata = OutputNodata.of(r, b.nodata != null ? b.nodata : r.nodata(), type);
            AlignRenderer renderer = new AlignRenderer(r, p.crs(), p.grid(), b.method, p.scaleX(), p.scaleY(),
                    b.errorThreshold, nodata == null ? Double.NaN : nodata, type, nodata);
            CogPlan plan = new CogPlan(p.grid().width(), p.grid().height(), r.bandCount(), type,
                    new GeoMetadata(p.grid().transform(), p.crs(), nodata), b.options,
                    DistributedCogWriter.blockTiles(b.blockTiles, b.options));
            LOG.info("aligning {} onto a {}x{} grid of {} x {} in {}", r.name(), p.grid().width(), p.grid().height(),
                    p.grid().resX(), p.grid().resY(), p.crs());
            targets.add(new DistributedCogWriter.Target(p.output(), plan, renderer));
        }
        return DistributedCogWriter.write(spark, targets, "align " + infos.size() + " images");
    }

    /** Options of an alignment; {@link #input} is required, {@link #output} to run. */
    public static final class Builder {
        private String input;
        private String output;
        private String crs;
        private Resolution resolution = Resolution.parse("highest");
        private boolean tap;
        private ResamplingMethod method = ResamplingMethod.NEAREST;
        private double errorThreshold = 0.125;
        private Double nodata;
        private DataType outputType;
        private CogOptions options = CogOptions.defaults();
        private int blockTiles;

        public Builder input(String spec) {
            this.input = spec;
            return this;
        }

        /** A folder or a {@code $} template ({@code $} = the input's name); default file {@code $_Aligned.tif}. */
        public Builder output(String spec) {
            this.output = spec;
            return this;
        }

        /** {@code EPSG:nnnn} or WKT; {@code null}: the first input's CRS. */
        public Builder crs(String crs) {
            this.crs = crs;
            return this;
        }

        public Builder resolution(Resolution r) {
            this.resolution = Objects.requireNonNull(r);
            return this;
        }

        /** Target-aligned pixels (gdalwarp {@code -tap}). */
        public Builder tap(boolean tap) {
            this.tap = tap;
            return this;
        }

        public Builder resampling(ResamplingMethod m) {
            this.method = Objects.requireNonNull(m);
            return this;
        }

        /** Coordinate approximation error in source pixels (gdalwarp {@code -et}); 0: exact. */
        public Builder errorThreshold(double e) {
            if (!(e >= 0)) {
                throw new IllegalArgumentException("error threshold " + e + " must be >= 0");
            }
            this.errorThreshold = e;
            return this;
        }

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

        public Builder blockTiles(int k) {
            this.blockTiles = k;
            return this;
        }

        public Align build() {
            Objects.requireNonNull(input, "input");
            return new Align(this);
        }
    }
}
