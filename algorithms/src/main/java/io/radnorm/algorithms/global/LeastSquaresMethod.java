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

    /** Image count from which {@link #AUTO} uses the sparse solver (measured; see the README). */
    public static final int AUTO_SPARSE_THRESHOLD = 500;
}
