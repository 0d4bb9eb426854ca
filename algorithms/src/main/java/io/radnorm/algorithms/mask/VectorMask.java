package io.radnorm.algorithms.mask;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.vector.VectorLayer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * A vector mask, as spectralmatch's {@code vector_mask = (mode, vector, field)}: statistics are
 * computed only from pixels inside ({@link MaskMode#INCLUDE}) or outside ({@link MaskMode#EXCLUDE})
 * the polygons of a layer.
 *
 * <p><b>Field filter.</b> Without a field every polygon applies to every image. With a field, a
 * feature applies to an image when the feature's value of that attribute <em>contains the image's
 * name</em> as a substring, so one feature can serve several images ({@code "rgb1;rgb2"} applies to
 * {@code rgb1} and to {@code rgb2}). The comparison is literal and case-sensitive; a feature whose
 * value is null or missing applies to no image. (spectralmatch passes the filter to GDAL as
 * {@code field LIKE '%name%'}, whose case sensitivity depends on GDAL's driver: case-insensitive
 * for GeoPackage, case-sensitive for GeoJSON in GDAL 3.6; {@code _} and {@code %} in a name are
 * wildcards there and plain characters here.)
 *
 * <p>An image that no feature applies to gets no polygon: under INCLUDE none of its pixels is
 * used, under EXCLUDE all are ({@link #appliesTo} tells which images are in that case, so that a
 * caller can warn or refuse).
 *
 * <p>Image names are the file names without extension, as everywhere in radnorm. Serializable:
 * broadcast it to the executors and call {@link #forImage} there.
 *
 * @param mode  include or exclude
 * @param layer the polygons and their attributes, in any EPSG CRS ({@link #forImage} reprojects)
 * @param field the attribute the field filter reads, or null for none
 */
public record VectorMask(MaskMode mode, VectorLayer layer, String field) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @throws IllegalArgumentException if {@code field} is blank or no feature has that attribute
     */
    public VectorMask {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(layer, "layer");
        if (field != null) {
            if (field.isBlank()) {
                throw new IllegalArgumentException("mask field name is blank");
            }
            boolean found = false;
            Set<String> attributes = new LinkedHashSet<>();
            for (VectorLayer.Feature f : layer.features()) {
                attributes.addAll(f.properties().keySet());
                found |= f.properties().containsKey(field);
            }
            if (!found) {
                throw new IllegalArgumentException("mask field \"" + field + "\" is not an attribute of the mask's"
                        + " features (attributes: " + (attributes.isEmpty() ? "none" : String.join(", ", attributes))
                        + ")");
            }
        }
    }

    /** A mask whose polygons all apply to every image. */
    public static VectorMask of(MaskMode mode, VectorLayer layer) {
        return new VectorMask(mode, layer, null);
    }

    /** A mask with a field filter ({@code field} may be null for none). */
    public static VectorMask of(MaskMode mode, VectorLayer layer, String field) {
        return new VectorMask(mode, layer, field);
    }

    public Optional<String> fieldFilter() {
        return Optional.ofNullable(field);
    }

    /**
     * The field rule: whether a feature whose filter attribute is {@code value} applies to image
     * {@code imageName} — its text contains the name.
     */
    public static boolean fieldValueMatches(Object value, String imageName) {
        if (value == null || value instanceof byte[]) {
            return false;
        }
        return String.valueOf(value).contains(imageName);
    }

    /** All polygons, in the layer's CRS. */
    public List<Geometry> geometries() {
        return layer.geometries();
    }

    /** The features that apply to {@code imageName}: all without a field filter. */
    public List<VectorLayer.Feature> featuresFor(String imageName) {
        Objects.requireNonNull(imageName, "imageName");
        if (field == null) {
            return layer.features();
        }
        List<VectorLayer.Feature> out = new ArrayList<>();
        for (VectorLayer.Feature f : layer.features()) {
            if (fieldValueMatches(f.properties().get(field), imageName)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The polygons that apply to {@code imageName}, in the layer's CRS: all without a field filter. */
    public List<Geometry> geometriesFor(String imageName) {
        List<Geometry> out = new ArrayList<>();
        for (VectorLayer.Feature f : featuresFor(imageName)) {
            out.add(f.geometry());
        }
        return out;
    }

    /** Whether any polygon applies to {@code imageName}. */
    public boolean appliesTo(String imageName) {
        return !featuresFor(imageName).isEmpty();
    }

    /** This mask with its polygons in {@code target} (see {@link VectorLayer#reprojectedTo}). */
    public VectorMask reprojectedTo(Crs target) {
        VectorLayer moved = layer.reprojectedTo(target);
        return moved == layer ? this : new VectorMask(mode, moved, field);
    }

    /**
     * The mask of one image: its polygons (after the field filter) reprojected to the image's CRS if
     * needed and prepared for its grid.
     *
     * @param imageCrs   the image's CRS (an EPSG code, unless the layer is already in it)
     * @param transform  the image's geotransform
     * @param allTouched use every pixel the polygons touch, not only those whose centre is inside
     *                   (see {@link PolygonMask})
     */
    public ImageMask forImage(String imageName, Crs imageCrs, GeoTransform transform, boolean allTouched) {
        VectorLayer applicable = new VectorLayer(featuresFor(imageName), layer.crs());
        if (!applicable.features().isEmpty()) {
            applicable = applicable.reprojectedTo(imageCrs);
        }
        return new ImageMask(mode, PolygonMask.of(applicable.geometries(), transform), allTouched);
    }

    /**
     * The vector mask of one image, ready for its windows.
     *
     * @param mode       include or exclude
     * @param polygons   the polygons that apply to the image, on its grid
     * @param allTouched the rasterization rule
     */
    public record ImageMask(MaskMode mode, PolygonMask polygons, boolean allTouched) implements Serializable {

        private static final long serialVersionUID = 1L;

        public ImageMask {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(polygons, "polygons");
        }

        /**
         * Which pixels of {@code window} the statistics may use: inside the polygons under INCLUDE,
         * outside under EXCLUDE. Row-major, {@code window.width() * window.height()} flags. (The
         * pixel must still be valid data: nodata is handled apart.)
         */
        public boolean[] keep(Window window) {
            boolean[] inside = polygons.rasterize(window, allTouched);
            if (mode == MaskMode.EXCLUDE) {
                for (int i = 0; i < inside.length; i++) {
                    inside[i] = !inside[i];
                }
            }
            return inside;
        }

        /** Whether no pixel of any window is used (INCLUDE with no polygon). */
        public boolean keepsNothing() {
            return mode == MaskMode.INCLUDE && polygons.isEmpty();
        }

        /** Whether every pixel is used (EXCLUDE with no polygon). */
        public boolean keepsEverything() {
            return mode == MaskMode.EXCLUDE && polygons.isEmpty();
        }
    }
}
