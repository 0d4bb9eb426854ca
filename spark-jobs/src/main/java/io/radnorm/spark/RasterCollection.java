package io.radnorm.spark;

import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.raster.RasterInfo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The images a job works on, checked to be comparable: one CRS, one band count, north-up grids,
 * distinct names (outputs and saved statistics are keyed by name). Also fixes each image's
 * nodata: the {@code --nodata} override, else the file's {@code GDAL_NODATA}, else none (then only
 * NaN is invalid). Optionally carries a vector mask for the statistics ({@link #withMask}).
 *
 * <p>Every check fails with one message naming the offending files, before any pixel is read.
 */
public record RasterCollection(List<RasterInfo> infos, double[] nodata, boolean nodataOverridden, VectorMask mask)
        implements Serializable {

    public static RasterCollection of(List<RasterInfo> infos, Double nodataOverride) {
        if (infos.isEmpty()) {
            throw new IllegalArgumentException("no input rasters");
        }
        RasterInfo first = infos.get(0);
        Map<String, String> names = new HashMap<>();
        double[] nodata = new double[infos.size()];
        for (int i = 0; i < infos.size(); i++) {
            RasterInfo r = infos.get(i);
            if (r.bandCount() != first.bandCount()) {
                throw new IllegalArgumentException("band counts differ: " + first.location() + " has "
                        + first.bandCount() + " bands, " + r.location() + " has " + r.bandCount());
            }
            boolean sameCrs = first.crs() == null ? r.crs() == null : first.crs().sameAs(r.crs());
            if (!sameCrs) {
                throw new IllegalArgumentException("CRSs differ: " + first.location() + " is in " + first.crs()
                        + ", " + r.location() + " is in " + r.crs() + "; reproject to one CRS first");
            }
            requireNorthUpAndNamed(r, names, "statistics");
            nodata[i] = nodata(r, nodataOverride);
        }
        return new RasterCollection(List.copyOf(infos), nodata, nodataOverride != null, null);
    }

    /** The nodata of image {@code r}: the override, else the file's, else NaN (only NaN is invalid). */
    public static double nodata(RasterInfo r, Double override) {
        Double nd = override != null ? override : r.nodata();
        return nd == null ? Double.NaN : nd;
    }

    /**
     * Fails, naming the file(s), unless {@code r} is georeferenced, north-up and its name is not
     * yet among {@code names} (name to location; its own is added). {@code keyedBy} says in the
     * message what besides outputs the names key (statistics, features).
     */
    public static void requireNorthUpAndNamed(RasterInfo r, Map<String, String> names, String keyedBy) {
        if (!r.isGeoreferenced()) {
            throw new IllegalArgumentException(r.location() + ": has no georeferencing (no geotransform)");
        }
        if (!r.geoTransform().isNorthUp()) {
            throw new IllegalArgumentException(r.location() + ": rotated rasters are not supported");
        }
        String clash = names.put(r.name(), r.location());
        if (clash != null) {
            throw new IllegalArgumentException("inputs collide on name '" + r.name() + "': " + clash + " and "
                    + r.location() + " (outputs and " + keyedBy + " are keyed by file name)");
        }
    }

    /**
     * These images with a vector mask for their <em>statistics</em> (as spectralmatch's
     * vector_mask): pixels the mask excludes are left out of every statistic, but still corrected.
     */
    public RasterCollection withMask(VectorMask m) {
        return new RasterCollection(infos, nodata, nodataOverridden, m);
    }

    /** The statistics mask of image {@code i} in its own grid, or {@code null} when no mask applies. */
    public VectorMask.ImageMask maskOf(int i) {
        if (mask == null) {
            return null;
        }
        RasterInfo r = infos.get(i);
        return mask.forImage(r.name(), r.crs(), r.geoTransform(), false);
    }

    public int size() {
        return infos.size();
    }

    public int bandCount() {
        return infos.get(0).bandCount();
    }

    public RasterInfo info(int i) {
        return infos.get(i);
    }

    public List<String> names() {
        return infos.stream().map(RasterInfo::name).toList();
    }

    public List<Envelope> footprints() {
        List<Envelope> out = new ArrayList<>();
        infos.forEach(r -> out.add(r.bounds()));
        return out;
    }

    /** The finest pixel size among the images, in map units. */
    public double finestPixelSize() {
        return infos.stream().mapToDouble(r -> Math.min(Math.abs(r.geoTransform().pixelWidth()),
                Math.abs(r.geoTransform().pixelHeight()))).min().orElse(1);
    }

    /** The nodata value of image {@code i} as a Double, or {@code null} when it has none. */
    public Double nodataOf(int i) {
        return Double.isNaN(nodata[i]) && !nodataOverridden && infos.get(i).nodata() == null ? null : nodata[i];
    }
}
