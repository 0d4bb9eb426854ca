package io.radnorm.raster.tiff;

/**
 * How a COG writer computes each overview pixel from the 2×2 cell of the level above it.
 *
 * <ul>
 *   <li>{@link #AVERAGE}: the mean of the cell's valid samples (not nodata, not NaN), rounded to
 *       nearest for integer types; nodata where the cell has no valid sample. Edge cells of odd-sized
 *       levels have only 1 or 2 samples. What GDAL's {@code OVERVIEW_RESAMPLING=AVERAGE} does for
 *       even sizes, and the right choice for continuous imagery such as reflectances.</li>
 *   <li>{@link #NEAREST}: the cell's top-left sample, copied bit for bit. For classified or
 *       categorical rasters, where a mean would invent classes.</li>
 * </ul>
 */
public enum OverviewResampling {
    AVERAGE, NEAREST
}
