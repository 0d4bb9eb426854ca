/**
 * Raster to vector: {@link io.radnorm.algorithms.polygonize.RasterPolygonizer} turns a window of
 * integer labels into exact pixel-edge polygons (4-connected, as {@code gdal_polygonize});
 * {@link io.radnorm.algorithms.polygonize.PixelGeometries} maps them to map coordinates and cleans
 * window cuts; {@link io.radnorm.algorithms.polygonize.SizeThreshold} is the minimum-size filter.
 */
package io.radnorm.algorithms.polygonize;
