/**
 * Linear least squares on sparse row-wise systems: {@link io.radnorm.algorithms.lsq.LeastSquaresSystem}
 * holds the rows, a {@link io.radnorm.algorithms.lsq.LinearLeastSquaresSolver} solves them.
 */
package io.radnorm.algorithms.lsq;
