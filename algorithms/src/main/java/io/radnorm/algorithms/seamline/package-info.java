/**
 * Mosaic seamlines: {@link io.radnorm.algorithms.seamline.SeamlineBuilder} cuts image footprints
 * along the Voronoi centre lines of their overlaps into a gap-free, overlap-free polygon coverage.
 */
package io.radnorm.algorithms.seamline;
