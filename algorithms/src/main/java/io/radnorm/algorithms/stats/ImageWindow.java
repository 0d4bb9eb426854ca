package io.radnorm.algorithms.stats;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;

/**
 * Pixels of one image read for one canvas cell: the window's position in the image's own grid,
 * the image's geotransform, and its nodata value (NaN when only NaN is invalid).
 *
 * @param image   the image's index in the collection
 * @param window  where {@code pixels} lie in the image's pixel grid
 */
public record ImageWindow(int image, Raster pixels, Window window, GeoTransform transform, double nodata) {
}
