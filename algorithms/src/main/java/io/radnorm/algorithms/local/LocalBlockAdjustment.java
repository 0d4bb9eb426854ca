package io.radnorm.algorithms.local;

import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.raster.GeoTransform;
import java.util.List;

/**
 * Static entry points of the local block adjustment (Yu et al. 2017, as spectralmatch implements
 * it), the step after the global regression that removes what a single gain and offset per image
 * cannot: brightness that drifts across an image (haze, illumination, vignetting).
 *
 * <p>The pieces, in pipeline order:
 * <ol>
 * <li>a {@link BlockGrid} over the canvas;
 * <li>one statistics pass fills {@link BlockSums} — raw per-block counts and sums, mergeable
 *     across canvas cells;
 * <li>{@link #localMap} per image: its block means after its global correction, exactly, from
 *     those raw sums;
 * <li>{@link #referenceMap}: per block, the mean of the local means of the images there;
 * <li>{@link #correction} per image: a {@link io.radnorm.algorithms.correction.PixelCorrection}
 *     that interpolates both maps at every pixel and moves the pixel from its local towards the
 *     reference radiometry; chain it after the global one with
 *     {@code new GainOffsetCorrection(g).andThen(local)}.
 * </ol>
 */
public final class LocalBlockAdjustment {

    private LocalBlockAdjustment() {
    }

    /** The map area of one pixel of a grid: |det| of its geotransform's linear part. */
    public static double pixelArea(GeoTransform t) {
        return Math.abs(t.pixelWidth() * t.pixelHeight() - t.rowRotation() * t.columnRotation());
    }

    /**
     * The local block map of {@code image} after its global correction.
     *
     * @param global the image's global correction per band, or {@code null} for none
     * @param transform the image's geotransform (for its pixel area)
     */
    public static BlockMap localMap(BlockSums sums, int image, List<GainOffset> global,
                                    GeoTransform transform, LocalAdjustmentSettings settings) {
        return sums.localMap(image, global, pixelArea(transform), settings.blockValidThreshold());
    }

    /** The reference map of the given local maps (same grid and bands; pass them in image order). */
    public static BlockMap referenceMap(List<BlockMap> localMaps) {
        if (localMaps.isEmpty()) {
            throw new IllegalArgumentException("no local block maps");
        }
        BlockMap first = localMaps.get(0);
        ReferenceMapBuilder builder = new ReferenceMapBuilder(first.grid(), first.bandCount());
        localMaps.forEach(builder::add);
        return builder.getReferenceMap();
    }

    /**
     * The local correction of {@code image}, whose global correction is {@code global}
     * ({@code null}: none); its shift comes from the image's range in {@code sums}.
     */
    public static LocalBlockCorrection correction(BlockSums sums, int image, List<GainOffset> global,
                                                  GeoTransform transform, BlockMap reference, BlockMap local,
                                                  LocalAdjustmentSettings settings) {
        return new LocalBlockCorrection(reference, local, transform, sums.minimum(image, global), settings);
    }
}
