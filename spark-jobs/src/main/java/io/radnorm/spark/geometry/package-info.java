/**
 * The vector/geometry jobs: {@link io.radnorm.spark.geometry.VectorMasking} ({@code radnorm mask}),
 * {@link io.radnorm.spark.geometry.Vectorization} ({@code radnorm vectorize}) and
 * {@link io.radnorm.spark.geometry.Seamlines} ({@code radnorm seamlines}), with
 * {@link io.radnorm.spark.geometry.Footprints} (valid-data footprints at reduced resolution).
 * Pixels stay on the executors; only polygons reach the driver.
 */
package io.radnorm.spark.geometry;
