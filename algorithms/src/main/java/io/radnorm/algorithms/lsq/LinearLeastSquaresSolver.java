package io.radnorm.algorithms.lsq;

/**
 * Solves {@code min ‖A·x − y‖₂} for a {@link LeastSquaresSystem}, choosing among equally good
 * solutions the one nearest to a prior {@code x0}:
 *
 * <pre>  x = x0 + pinv(A)·(y − A·x0)</pre>
 *
 * <p>That is the least-squares solution when A has full column rank, and otherwise the one that
 * leaves every direction the rows say nothing about at its prior value — for radiometric models,
 * "unconstrained parameters stay at the identity correction".
 *
 * <p>The contract is the solution, not the method: a dense solver and a sparse one must agree to
 * rounding, so callers can swap them by problem size.
 */
public interface LinearLeastSquaresSolver {

    /**
     * @param system the rows of A and y; not modified
     * @param x0 the prior, length {@link LeastSquaresSystem#unknownCount()}; not modified
     * @return a new array x
     * @throws ArithmeticException if the system cannot be solved numerically (e.g. non-finite
     *     coefficients)
     */
    double[] solve(LeastSquaresSystem system, double[] x0);
}
