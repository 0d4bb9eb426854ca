package io.radnorm.algorithms.lsq;

/**
 * A sparse {@link LinearLeastSquaresSolver}: preconditioned conjugate gradients on the normal
 * equations {@code AᵀA·d = Aᵀ·(y − A·x0)}, assembled sparsely ({@link SparseNormalEquations}),
 * started from {@code d = 0}, i.e. from the prior x0. Memory and time per iteration are linear in
 * the number of nonzeros, so it solves problems of 10⁵ images where a dense factorization cannot
 * hold the matrix.
 *
 * <p><b>Same solution as {@link NormalEquationsSolver}: {@code x = x0 + pinv(A)·(y − A·x0)}.</b>
 * Plain CG started from x0 on the normal equations keeps every iterate in
 * {@code x0 + range(AᵀA) = x0 + null(A)⊥}, and so converges to the least-squares solution whose
 * change from x0 has no component along directions the rows say nothing about — the minimum
 * change from the prior. A preconditioner P can break that (iterates then lie in
 * {@code x0 + P·range(AᵀA)}); this one does not: it is the 2 × 2 block-Jacobi inverse of
 * {@link BlockJacobiPreconditioner}, which is zero exactly on every null vector of A that lies
 * within one block (an unknown no row names; an image whose gain and offset the rows only tie into
 * one combination, e.g. a constant image) and maps their orthogonal complement into itself. Hence
 * for every system whose null space is spanned by such block-local vectors — in radnorm's global
 * regression every case except a std factor of 0 together with images that are not model images
 * (their gains and offsets can then trade off along chains of images) — the result equals the
 * dense solver's to the convergence tolerance. Blocks that are singular only up to {@code rankTolerance} after Jacobi scaling are treated as free, as the
 * dense solver treats pivots below the same tolerance. For null directions spanning several
 * blocks the result is still a least-squares solution, but not necessarily the nearest to x0.
 *
 * <p><b>Accuracy.</b> The measure is the preconditioned gradient norm {@code sqrt(gᵀ·P·g)},
 * {@code g = Aᵀ·(y − A·x)}, relative to its value at x0; free directions (where P is zero) are
 * invisible to it, so they never hold CG up. PCG runs until its (recursively updated) measure is
 * below {@code tolerance}, default 10⁻¹⁴; then g is recomputed from A itself, not from the
 * assembled AᵀA, and if it does not meet the tolerance — forming AᵀA loses accuracy on
 * ill-conditioned systems — another PCG solve refines x on that residual (at most 6, and only
 * while the residual keeps halving), as the dense solver refines. At 10⁻¹⁴ the corrections of
 * synthetic grids of 10⁵ images are right to about 10⁻¹¹ relative (scripts/bench solver); every
 * digit of tolerance costs about a tenth more iterations.
 *
 * <p><b>Cost.</b> Assembly Σ(row length)² over A's rows; each iteration one product with N (about
 * 18 nonzeros per unknown for images with 8 neighbours) and O(n) vector work. Iterations do not
 * grow with the number of images but with the distance from an image to its anchors: about 80
 * per band with every image a model image (the default), about 350 with a model image in every
 * 5th row and column of a grid (measured from 10³ to 10⁵ images); with a single model image in
 * a large grid, thousands.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConjugateGradientSolver implements LinearLeastSquaresSolver {

    /** Default relative reduction of the preconditioned gradient norm. */
    public static final double DEFAULT_TOLERANCE = 1e-14;

    private static final int MAX_REFINEMENTS = 6;

    /** What one solve did, for logs and benchmarks. */
    public record Report(double[] x, int iterations, int refinements, int freeDirections, int normalNonZeros,
                         boolean converged) {
    }

    private final double rankTolerance;
    private final double tolerance;
    private final int blockSize;
    private final int maxIterations;

    /** 2 × 2 blocks, the dense solver's rank tolerance, tolerance {@value #DEFAULT_TOLERANCE}. */
    public ConjugateGradientSolver() {
        this(NormalEquationsSolver.DEFAULT_RANK_TOLERANCE, DEFAULT_TOLERANCE, 2, 0);
    }

    /**
     * @param rankTolerance scaled pivot of a block at or below which it is treated as singular, in (0, 1)
     * @param tolerance relative reduction of the preconditioned gradient norm, in (0, 1)
     * @param blockSize 2 (unknowns 2k, 2k + 1 share a block) or 1 (Jacobi)
     * @param maxIterations cap on PCG iterations per refinement step; 0 for 10·n + 100 (reaching
     *     it is reported as {@link Report#converged()} false, not thrown)
     */
    public ConjugateGradientSolver(double rankTolerance, double tolerance, int blockSize, int maxIterations) {
        if (!(rankTolerance > 0 && rankTolerance < 1)) {
            throw new IllegalArgumentException("rankTolerance must be in (0, 1): " + rankTolerance);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1): " + tolerance);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must not be negative: " + maxIterations);
        }
        this.rankTolerance = rankTolerance;
        this.tolerance = tolerance;
        this.blockSize = blockSize;
        this.maxIterations = maxIterations;
        if (blockSize != 1 && blockSize != 2) {
            throw new IllegalArgumentException("blockSize must be 1 or 2: " + blockSize);
        }
    }

    @Override
    public double[] solve(LeastSquaresSystem system, double[] x0) {
        return solveWithReport(system, x0).x();
    }

    /** {@link #solve} with iteration counts. */
    public Report solveWithReport(LeastSquaresSystem system, double[] x0) {
        int n = system.unknownCount();
        double[] r0 = system.priorResidual(x0);
        SparseNormalEquations normal = SparseNormalEquations.of(system);
        BlockJacobiPreconditioner p = new BlockJacobiPreconditioner(normal, blockSize, rankTolerance);
        int cap = maxIterations > 0 ? maxIterations : 10 * n + 100;

        double[] d = new double[n];
        double[] r = r0.clone();
        double[] pg = new double[n];
        double initial = 0;
        double previous = Double.POSITIVE_INFINITY;
        int iterations = 0;
        int refinements = 0;
        boolean converged = true;
        Workspace w = new Workspace(n);
        for (int step = 0; step < MAX_REFINEMENTS; step++) {
            if (step > 0) {
                double[] ad = system.multiply(d);
                for (int k = 0; k < r.length; k++) {
                    r[k] = r0[k] - ad[k];
                }
            }
            // The gradient from A itself, not from the assembled AᵀA: the refinement that
            // recovers the accuracy forming AᵀA loses.
            double[] g = system.multiplyTransposed(r);
            p.apply(g, pg);
            double norm = Math.sqrt(Math.max(0, dot(g, pg)));
            if (step == 0) {
                initial = norm;
            }
            // Done when the true residual meets the tolerance, or has stopped shrinking (rounding).
            if (!(norm > tolerance * initial) || norm >= 0.5 * previous) {
                break;
            }
            previous = norm;
            Inner inner = conjugateGradients(normal, p, g, Math.min(0.5, tolerance * initial / norm), cap, w);
            iterations += inner.iterations;
            converged &= inner.converged;
            refinements++;
            for (int i = 0; i < n; i++) {
                d[i] += inner.solution[i];
            }
        }
        double[] x = x0.clone();
        for (int i = 0; i < n; i++) {
            x[i] += d[i];
        }
        return new Report(x, iterations, refinements, p.freeCount(), normal.nonZeroCount(), converged);
    }

    private record Inner(double[] solution, int iterations, boolean converged) {
    }

    private static final class Workspace {
        final double[] residual;
        final double[] z;
        final double[] direction;
        final double[] product;

        Workspace(int n) {
            residual = new double[n];
            z = new double[n];
            direction = new double[n];
            product = new double[n];
        }
    }

    /** PCG for {@code N·u = g} from u = 0. */
    private static Inner conjugateGradients(SparseNormalEquations normal, BlockJacobiPreconditioner p, double[] g,
                                            double relativeTolerance, int cap, Workspace w) {
        int n = g.length;
        double[] u = new double[n];
        double[] res = w.residual;
        double[] z = w.z;
        double[] dir = w.direction;
        double[] q = w.product;
        System.arraycopy(g, 0, res, 0, n);
        p.apply(res, z);
        double rz = dot(res, z);
        if (!(rz > 0)) {
            return new Inner(u, 0, true);
        }
        double stop = relativeTolerance * relativeTolerance * rz;
        System.arraycopy(z, 0, dir, 0, n);
        int k = 0;
        while (k < cap) {
            normal.multiply(dir, q);
            double curvature = dot(dir, q);
            if (!(curvature > 0)) {
                break; // only rounding is left in the search direction
            }
            double alpha = rz / curvature;
            for (int i = 0; i < n; i++) {
                u[i] += alpha * dir[i];
                res[i] -= alpha * q[i];
            }
            k++;
            p.apply(res, z);
            double next = dot(res, z);
            if (next <= stop) {
                return new Inner(u, k, true);
            }
            double beta = next / rz;
            rz = next;
            for (int i = 0; i < n; i++) {
                dir[i] = z[i] + beta * dir[i];
            }
        }
        return new Inner(u, k, k < cap);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
