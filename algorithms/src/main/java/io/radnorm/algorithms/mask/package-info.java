/**
 * Vector masks on pixel grids, as spectralmatch's {@code vector_mask}:
 * {@link io.radnorm.algorithms.mask.VectorMask} (include/exclude, the field filter) and
 * {@link io.radnorm.algorithms.mask.PolygonMask} (scanline rasterization of polygons onto a
 * window, centre or all-touched rule).
 */
package io.radnorm.algorithms.mask;
