package io.radnorm.spark.geometry;

import io.radnorm.spark.PerImageJob;
import io.radnorm.algorithms.correction.CorrectionApplier;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.OutputPaths;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import io.radnorm.spark.OutputNodata;
import io.radnorm.spark.RasterCollection;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code radnorm mask}: applies a vector mask to rasters, writing nodata outside the polygons
 * ({@link io.radnorm.algorithms.mask.MaskMode#INCLUDE}) or inside them (EXCLUDE), each image as a
 * Cloud-Optimized GeoTIFF ({@code $_Masked.tif} by default).
 *
 * <p>The polygons are read once on the driver, reprojected to each image's CRS and, with a field
 * filter, reduced to the image's own features ({@link VectorMask#forImage}); each image's prepared
 * {@link io.radnorm.algorithms.mask.PolygonMask} (edges only) is broadcast. One task per image
 * streams the input window by window (the COG writer's strips) through the scanline
 * rasterization: a pixel is inside when its centre is, or, with {@code allTouched}, when the
 * polygon touches it at all, as {@code gdal_rasterize} and {@code gdal_rasterize -at} burn it.
 * Values are copied unchanged (or converted to {@code outputType}, rounded and clipped); pixels
 * already nodata stay nodata.
 *
 * <p>Output nodata: {@code nodata} if given (then input pixels equal to it count as nodata too),
 * else the file's, else NaN for floating-point images; an integer image without nodata needs
 * {@code nodata}, and fails naming the file otherwise.
 */
public final class VectorMasking {

    private static final Logger LOG = LoggerFactory.getLogger(VectorMasking.class);
    public static final String DEFAULT_OUTPUT_TEMPLATE = "$_Masked.tif";

    private final List<String> inputs;
    private final VectorMask mask;
    private final boolean allTouched;
    private final Double nodata;

    private VectorMasking(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.mask = Objects.requireNonNull(b.mask, "mask");
        this.allTouched = b.allTouched;
        this.nodata = b.nodata;
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input rasters");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What one task writes. */
    private record Target(String input, String output, VectorMask.ImageMask mask, double inNodata, double outNodata,
                          DataType type) implements Serializable {
    }

    /**
     * Masks every input.
     *
     * @param output     folder or {@code $} template
     * @param outputType output data type, or null for each input's
     */
    public List<CogSummary> run(SparkSession spark, String output, DataType outputType, CogOptions options)
            throws IOException {
        List<RasterInfo> infos = GeoInputs.read(spark, inputs);
        List<Target> targets = new ArrayList<>();
        for (RasterInfo r : infos) {
            DataType type = outputType != null ? outputType : r.dataType();
            double in = RasterCollection.nodata(r, nodata);
            double out = outputNodata(r, type);
            if (!mask.appliesTo(r.name())) {
                LOG.warn("{}: no feature of the mask applies to it (field {}): {}", r.location(), mask.field(),
                        mask.mode() == io.radnorm.algorithms.mask.MaskMode.INCLUDE ? "all its pixels become nodata"
                                : "it is copied unchanged");
            }
            VectorMask.ImageMask m;
            try {
                m = mask.forImage(r.name(), r.crs(), r.geoTransform(), allTouched);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(r.location() + ": " + e.getMessage(), e);
            }
            targets.add(new Target(r.location(), OutputPaths.resolve(output, r.name(), DEFAULT_OUTPUT_TEMPLATE), m,
                    in, out, type));
        }
        return PerImageJob.run(spark, targets, "masks of " + targets.size() + " images",
                "mask (" + targets.size() + " images)", (t, conf) -> {
                    try (GeoTiffReader reader = GeoTiffReader.open(t.input(), conf)) {
                        return CogWriter.write(masked(reader, t), GeoMetadata.of(reader.info()).withNodata(t.outNodata()),
                                t.output(), conf, options);
                    }
                }, null);
    }

    private double outputNodata(RasterInfo r, DataType type) {
        Double nd = nodata != null ? nodata : r.nodata();
        if (nd == null) {
            if (type.isFloatingPoint()) {
                return Double.NaN;
            }
            throw new IllegalArgumentException(r.location() + ": has no nodata value to write outside the mask; give"
                    + " --nodata");
        }
        return OutputNodata.of(r, nd, type);
    }

    /** The input seen through the mask. */
    /** The image with nodata written where the mask drops pixels, window by window. */
    private static RasterSource masked(GeoTiffReader reader, Target t) {
        return RasterSource.of(reader.info().width(), reader.info().height(), reader.info().bandCount(), t.type(), w -> {
            Raster out = CorrectionApplier.apply(reader.read(w), w, t.inNodata(), (b, c, r, v) -> v, t.type(),
                    t.outNodata());
            boolean[] keep = t.mask().keep(w);
            int n = out.pixelsPerBand();
            for (int b = 0; b < out.bandCount(); b++) {
                for (int i = 0; i < n; i++) {
                    if (!keep[i]) {
                        out.setAt(b * n + i, t.outNodata());
                    }
                }
            }
            return out;
        });
    }

    public static final class Builder {
        private final List<String> inputs = new ArrayList<>();
        private VectorMask mask;
        private boolean allTouched;
        private Double nodata;

        /** Folder, glob, comma list or {@code @list}; may be repeated. */
        public Builder input(String spec) {
            inputs.add(spec);
            return this;
        }

        public Builder mask(VectorMask m) {
            this.mask = m;
            return this;
        }

        /** Burn every pixel the polygons touch, not only those whose centre is inside. */
        public Builder allTouched(boolean b) {
            this.allTouched = b;
            return this;
        }

        /** Nodata of every input, and the value written outside the mask (null: the files'). */
        public Builder nodata(Double v) {
            this.nodata = v;
            return this;
        }

        public VectorMasking build() {
            return new VectorMasking(this);
        }
    }
}
