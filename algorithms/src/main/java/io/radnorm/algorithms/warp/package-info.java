/**
 * Resampling images onto another pixel grid: target grids ({@link io.radnorm.algorithms.warp.TargetGrid}),
 * the pixel mapping between two grids through a coordinate transform
 * ({@link io.radnorm.algorithms.warp.PixelMapping}), and GDAL's resampling kernels made nodata-aware
 * ({@link io.radnorm.algorithms.warp.Resampler}). Pure math: the CRS transform is passed in as a
 * {@link io.radnorm.algorithms.warp.PointTransform}, pixels as {@link io.radnorm.raster.Raster} windows.
 */
package io.radnorm.algorithms.warp;
