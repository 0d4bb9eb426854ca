package io.radnorm.spark.geometry;

import io.radnorm.algorithms.seamline.SeamlineBuilder;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.vector.VectorLayer;
import io.radnorm.raster.vector.VectorLayers;
import io.radnorm.raster.vector.VectorWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code radnorm seamlines}: Voronoi centre-line seamlines of a mosaic. Footprints of the valid
 * data are computed on the executors at a reduced resolution ({@link Footprints}); the driver cuts
 * them into one polygon per image with {@link SeamlineBuilder} (vector data only) and writes a
 * GeoPackage or GeoJSON layer with one feature per image and its name in the {@value #IMAGE_FIELD}
 * field. The polygons cover the union of the footprints without gaps or overlaps.
 *
 * <p>{@link #read} gives them back as {@code Map<image, Geometry>} (a Polygon per image but in
 * rare configurations, see {@link SeamlineBuilder}): the clip a mosaic merge needs.
 */
public final class Seamlines {

    private static final Logger LOG = LoggerFactory.getLogger(Seamlines.class);

    /** The attribute holding each feature's image name. */
    public static final String IMAGE_FIELD = "image";

    private final List<String> inputs;
    private final Double nodata;
    private final Double minPointSpacing;
    private final int footprintSize;

    private Seamlines(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.nodata = b.nodata;
        this.minPointSpacing = b.minPointSpacing;
        this.footprintSize = b.footprintSize;
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input rasters");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The seamline layer: one polygon per image with an {@code image} attribute, in the inputs' CRS. */
    public VectorLayer run(SparkSession spark) throws IOException {
        List<RasterInfo> infos = GeoInputs.read(spark, inputs);
        GeoInputs.requireOneCrs(infos, false);
        double[] coarse = new double[1];
        Map<String, Polygon> footprints = Footprints.compute(spark, infos, nodata, footprintSize, coarse);
        for (RasterInfo r : infos) {
            if (!footprints.containsKey(r.name())) {
                LOG.warn("{}: no valid pixel at the footprint resolution; it gets no seamline polygon", r.location());
            }
        }
        if (footprints.isEmpty()) {
            throw new IllegalArgumentException("no input has a valid pixel: " + String.join(", ",
                    infos.stream().map(RasterInfo::location).toList()));
        }
        double spacing = minPointSpacing != null ? minPointSpacing : coarse[0];
        LOG.info("seamlines of {} footprints (footprint pixel {} map units, min point spacing {})", footprints.size(),
                coarse[0], spacing);
        Map<String, Geometry> cut = new SeamlineBuilder(spacing).addAll(footprints).build();
        for (String name : footprints.keySet()) {
            if (!cut.containsKey(name)) {
                LOG.warn("{}: covered by other images everywhere; it gets no seamline polygon", name);
            }
        }
        return layer(cut, infos.get(0).crs());
    }

    /** {@code polygons} as a layer with the image names in {@value #IMAGE_FIELD}. */
    public static VectorLayer layer(Map<String, ? extends Geometry> polygons, Crs crs) {
        List<VectorLayer.Feature> features = new ArrayList<>();
        polygons.forEach((name, p) -> features.add(new VectorLayer.Feature(p, Map.of(IMAGE_FIELD, name))));
        return new VectorLayer(features, crs);
    }

    /** Runs and writes to {@code output} ({@code .gpkg}, {@code .geojson} or {@code .json}). */
    public VectorLayer run(SparkSession spark, String output) throws IOException {
        VectorWriter.requireSupported(output);
        GeoInputs.requireOneCrs(GeoInputs.read(spark, inputs), true); // fail before any pixel is read
        VectorLayer layer = run(spark);
        VectorWriter.write(output, layer, "seamlines", spark.sparkContext().hadoopConfiguration());
        return layer;
    }

    /**
     * Reads a seamline file: image name → its polygon (in the file's CRS; see
     * {@link VectorLayers#read} for the formats). A {@link Polygon}, or a MultiPolygon where no
     * single piece could have data everywhere ({@link SeamlineBuilder}); either clips a raster
     * with {@code PolygonMask.of(List.of(geometry), transform)}.
     *
     * @throws IOException naming the file if it has no {@value #IMAGE_FIELD} attribute or names an
     *                     image twice
     */
    public static Map<String, Geometry> read(String uri, Configuration conf) throws IOException {
        VectorLayer layer = VectorLayers.read(uri, conf);
        Map<String, Geometry> out = new LinkedHashMap<>();
        for (VectorLayer.Feature f : layer.features()) {
            Object name = f.properties().get(IMAGE_FIELD);
            if (name == null) {
                throw new IOException(uri + ": a feature has no \"" + IMAGE_FIELD + "\" attribute (not a seamline file?)");
            }
            if (out.put(String.valueOf(name), f.geometry()) != null) {
                throw new IOException(uri + ": image \"" + name + "\" has two seamline features");
            }
        }
        return out;
    }

    public static final class Builder {
        private final List<String> inputs = new ArrayList<>();
        private Double nodata;
        private Double minPointSpacing;
        private int footprintSize = Footprints.DEFAULT_MAX_SIZE;

        public Builder input(String spec) {
            inputs.add(spec);
            return this;
        }

        public Builder nodata(Double v) {
            this.nodata = v;
            return this;
        }

        /** Largest spacing of the overlap boundary samples, map units (default: one footprint pixel). */
        public Builder minPointSpacing(Double v) {
            this.minPointSpacing = v;
            return this;
        }

        /** Longest side of the footprint grid in pixels (default {@value Footprints#DEFAULT_MAX_SIZE}). */
        public Builder footprintSize(int pixels) {
            this.footprintSize = pixels;
            return this;
        }

        public Seamlines build() {
            return new Seamlines(this);
        }
    }
}
