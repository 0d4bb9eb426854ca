/**
 * Vector masks read from GeoPackage and GeoJSON files on any Hadoop file system:
 * {@link io.radnorm.raster.vector.VectorLayers#read} gives a
 * {@link io.radnorm.raster.vector.VectorLayer} of polygons, their attributes and their EPSG CRS,
 * which {@link io.radnorm.raster.vector.VectorLayer#reprojectedTo} moves to a raster's CRS.
 * Rasterizing them is {@code io.radnorm.algorithms.mask}'s job.
 */
package io.radnorm.raster.vector;
