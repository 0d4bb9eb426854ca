package io.radnorm.algorithms.global;

import io.radnorm.algorithms.lsq.ConjugateGradientSolver;
import io.radnorm.algorithms.lsq.NormalEquationsSolver;

/**
 * How {@link GlobalRegressionSolver} solves the least-squares system. Both give the same solution
 * (see {@link ConjugateGradientSolver} for the one exception); they differ in cost.
 */
public enum LeastSquaresMethod {

    /**
     * {@link #DENSE} below {@link #AUTO_SPARSE_THRESHOLD} images, {@link #SPARSE} from there on.
     */
    AUTO,

    /**
     * {@link NormalEquationsSolver}: a profile Cholesky factorization, exact rank decisions;
     * memory and time grow with (images × images between overlapping neighbours in input order)
     * and it becomes impractical past a few thousand images.
     */
    DENSE,

    /**
     * {@link ConjugateGradientSolver}: the normal equations kept sparse, block-Jacobi
     * preconditioned conjugate gradients; linear memory, hundreds of thousands of images.
     */
    SPARSE;

    /**
     * Image count from which {@link #AUTO} uses the sparse solver. Measured (scripts/bench
     * solver): on grids numbered row by row both take well under 0.1 s per band below it, the
     * dense one slightly less; the dense one's cost also depends on the input order (images far
     * apart in the list that overlap widen its profile), the sparse one's does not, and from a
     * few thousand images on the sparse one is faster and far smaller.
     */
    public static final int AUTO_SPARSE_THRESHOLD = 1000;
}
