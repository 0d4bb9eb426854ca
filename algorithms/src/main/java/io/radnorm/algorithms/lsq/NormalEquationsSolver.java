package io.radnorm.algorithms.lsq;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LinearLeastSquaresSolver} through the normal equations: exact to rounding for
 * full-rank systems, and for rank-deficient ones the least-squares solution nearest the prior,
 * {@code x0 + pinv(A)·(y − A·x0)}.
 *
 * <p><b>Method.</b> With {@code r0 = y − A·x0} it solves for the correction {@code d = x − x0}:
 * <ol>
 *   <li>factor the Jacobi-scaled normal matrix with a rank-revealing, profile-stored Cholesky
 *       ({@link ProfileCholesky}); unknowns whose pivot falls to {@code rankTolerance} are
 *       dependent — the rows do not determine them (an image with std 0 leaves its gain free; a
 *       zero weight removes rows);</li>
 *   <li>solve for one least-squares solution and refine it a few times on the residual
 *       {@code r0 − A·d} computed from A itself, which recovers most of the accuracy the normal
 *       equations lose by squaring the condition number;</li>
 *   <li>remove from d its component along the null space of A, in the unscaled Euclidean metric,
 *       so that directions the rows say nothing about stay exactly at {@code x0}.</li>
 * </ol>
 *
 * <p>Deciding rank after scaling makes the decision independent of units: a gain column of
 * magnitude 10¹⁰ and an offset column of magnitude 10⁶ are judged alike. (A uniform Tikhonov term
 * {@code ε·I} cannot do that: sized for the gains it swamps the offsets, sized for the offsets it
 * cannot tell rounding from rank deficiency.) The default tolerance 10⁻¹⁰ treats as free any
 * combination of unknowns whose scaled pivot is below that: e.g. the gain of an image whose std
 * is below 10⁻⁵ of its mean.
 *
 * <p><b>Cost.</b> Profile storage makes it cheap when unknowns sharing rows are numbered close
 * together (images in spatial order); worst case it is a dense solve, fine up to a few thousand
 * unknowns. The null-space step costs O(n·k²) for k free directions, normally few. A sparse
 * factorization with a fill-reducing ordering can replace this class behind the same interface.
 *
 * <p>Stateless and thread-safe.
 */
public final class NormalEquationsSolver implements LinearLeastSquaresSolver {

    /** Default threshold on scaled pivots (which lie in [0, 1]) below which an unknown is free. */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-10;

    private static final int MAX_REFINEMENTS = 10;

    private final double rankTolerance;

    public NormalEquationsSolver() {
        this(DEFAULT_RANK_TOLERANCE);
    }

    public NormalEquationsSolver(double rankTolerance) {
        if (!(rankTolerance > 0 && rankTolerance < 1)) {
            throw new IllegalArgumentException("rankTolerance must be in (0, 1): " + rankTolerance);
        }
        this.rankTolerance = rankTolerance;
    }

    @Override
    public double[] solve(LeastSquaresSystem system, double[] x0) {
        int n = system.unknownCount();
        double[] r0 = system.priorResidual(x0);
        ProfileCholesky factor = new ProfileCholesky(system, rankTolerance);
        double[] d = refine(system, factor, r0);
        removeNullSpaceComponent(factor, d);
        double[] x = x0.clone();
        for (int i = 0; i < n; i++) {
            x[i] += d[i];
        }
        return x;
    }

    private static double[] refine(LeastSquaresSystem system, ProfileCholesky factor, double[] r0) {
        int n = system.unknownCount();
        double[] d = new double[n];
        double[] r = r0.clone();
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_REFINEMENTS; step++) {
            double[] g = system.multiplyTransposed(r);
            for (int i = 0; i < n; i++) {
                g[i] *= factor.scale(i);
            }
            double[] delta = factor.solve(g);
            double deltaNorm = 0;
            double dNorm = 0;
            for (int i = 0; i < n; i++) {
                delta[i] *= factor.scale(i);
                d[i] += delta[i];
                deltaNorm = Math.max(deltaNorm, Math.abs(delta[i]));
                dNorm = Math.max(dNorm, Math.abs(d[i]));
            }
            // Done when the step is at rounding level, or has stopped shrinking (it then is
            // rounding noise, and more steps only add noise).
            if (deltaNorm <= 1e-15 * dNorm || deltaNorm >= 0.5 * previous) {
                break;
            }
            previous = deltaNorm;
            double[] ad = system.multiply(d);
            for (int k = 0; k < r.length; k++) {
                r[k] = r0[k] - ad[k];
            }
        }
        return d;
    }

    /**
     * d ← d − Q·Qᵀ·d with Q an orthonormal basis of the null space of A in original coordinates
     * ({@code S·L⁻ᵀ·e_d} for each dependent unknown), by modified Gram–Schmidt applied twice,
     * which keeps Q orthonormal to rounding even when the null vectors are nearly parallel.
     */
    private static void removeNullSpaceComponent(ProfileCholesky factor, double[] d) {
        if (factor.dependentCount() == 0) {
            return;
        }
        int n = factor.unknownCount();
        List<double[]> basis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!factor.isDependent(i)) {
                continue;
            }
            double[] v = factor.nullVector(i);
            for (int k = 0; k < n; k++) {
                v[k] *= factor.scale(k);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    subtractProjection(v, q);
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm > 0) {
                for (int k = 0; k < n; k++) {
                    v[k] /= norm;
                }
                basis.add(v);
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (double[] q : basis) {
                subtractProjection(d, q);
            }
        }
    }

    private static void subtractProjection(double[] v, double[] unit) {
        double c = dot(v, unit);
        for (int k = 0; k < v.length; k++) {
            v[k] -= c * unit[k];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
