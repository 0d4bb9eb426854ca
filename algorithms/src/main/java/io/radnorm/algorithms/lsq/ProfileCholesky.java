package io.radnorm.algorithms.lsq;

/**
 * Rank-revealing Cholesky factorization of a normal matrix {@code AᵀA}, Jacobi-scaled to unit
 * diagonal and stored by profile, for {@link NormalEquationsSolver}.
 *
 * <p><b>Scaling.</b> Radiometric unknowns differ wildly in scale (a gain column is n·mean ≈ 10¹⁰,
 * an offset column n ≈ 10⁶), so "small" can only be judged after scaling: with
 * {@code S = diag(AᵀA)^(−1/2)} the matrix {@code Ñ = S·AᵀA·S} has unit diagonal and every pivot
 * lies in [0, 1].
 *
 * <p><b>Semidefinite factorization.</b> Ñ is positive semidefinite. When a pivot (the diagonal of
 * the current Schur complement) falls to {@code rankTolerance} or below, that unknown depends on
 * earlier ones: for a PSD matrix its whole Schur column is then zero too, so the column is skipped
 * (its L column set to the unit vector, its pivot to 0). The result is
 * {@code Ñ = L·Δ·Lᵀ} with L lower triangular and invertible and Δ the 0/1 diagonal of independent
 * unknowns. Hence the null space of Ñ is spanned by {@code L⁻ᵀ·e_d} over the dependent d, and
 * {@code L⁻ᵀ·Δ·L⁻¹} solves consistent systems. Without pivoting the factorization keeps the
 * profile; for PSD matrices Cholesky needs no pivoting for stability (each row of L has norm ≤ 1).
 *
 * <p><b>Profile.</b> Row i is stored from its first nonzero column {@code first[i]}; Cholesky
 * creates no fill outside the profile, so the cost is Σ(row width)² rather than n³/3.
 */
final class ProfileCholesky {

    private final int n;
    private final int[] first;
    private final double[] scale;
    private final double[][] l;
    private final boolean[] dependent;
    private int dependentCount;

    ProfileCholesky(LeastSquaresSystem system, double rankTolerance) {
        n = system.unknownCount();
        first = profile(system);
        scale = scales(system);
        l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i - first[i] + 1];
        }
        dependent = new boolean[n];
        assemble(system);
        factor(rankTolerance);
    }

    int unknownCount() {
        return n;
    }

    /** S: multiply a scaled vector by it to get original coordinates. */
    double scale(int i) {
        return scale[i];
    }

    boolean isDependent(int i) {
        return dependent[i];
    }

    int dependentCount() {
        return dependentCount;
    }

    /** A solution z of {@code Ñ·z = g} for g in the range of Ñ: {@code L⁻ᵀ·Δ·L⁻¹·g}. */
    double[] solve(double[] g) {
        double[] z = g.clone();
        for (int i = 0; i < n; i++) {
            if (dependent[i]) {
                // Δ zeroes it; nothing later reads it, since dependent columns of L are empty.
                z[i] = 0;
                continue;
            }
            int fi = first[i];
            double[] li = l[i];
            double s = z[i];
            for (int k = fi; k < i; k++) {
                s -= li[k - fi] * z[k];
            }
            z[i] = s / li[i - fi];
        }
        backSubstitute(z, n - 1);
        return z;
    }

    /** {@code L⁻ᵀ·e_d} for a dependent d: a null vector of Ñ, in scaled coordinates. */
    double[] nullVector(int d) {
        if (!dependent[d]) {
            throw new IllegalArgumentException("unknown " + d + " is not dependent");
        }
        double[] v = new double[n];
        v[d] = 1;
        backSubstitute(v, d);
        return v;
    }

    /** Solves Lᵀ·v = v in place, knowing v is zero beyond {@code last}. */
    private void backSubstitute(double[] v, int last) {
        // Walk L's rows backwards so storage is read row-wise although Lᵀ is upper triangular.
        for (int i = last; i >= 0; i--) {
            int fi = first[i];
            double[] li = l[i];
            v[i] /= li[i - fi];
            double vi = v[i];
            if (vi != 0) {
                for (int k = fi; k < i; k++) {
                    v[k] -= li[k - fi] * vi;
                }
            }
        }
    }

    /** first[i]: the smallest column j with (AᵀA)[i][j] ≠ 0, at most i. */
    private static int[] profile(LeastSquaresSystem system) {
        int n = system.unknownCount();
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        for (int r = 0; r < system.rowCount(); r++) {
            int lo = Integer.MAX_VALUE;
            for (int k = system.rowStart(r); k < system.rowEnd(r); k++) {
                lo = Math.min(lo, system.column(k));
            }
            for (int k = system.rowStart(r); k < system.rowEnd(r); k++) {
                int c = system.column(k);
                first[c] = Math.min(first[c], lo);
            }
        }
        return first;
    }

    /** diag(AᵀA)^(−1/2); 1 for an unknown no row mentions (scale is then irrelevant). */
    private static double[] scales(LeastSquaresSystem system) {
        double[] diagonal = new double[system.unknownCount()];
        for (int r = 0; r < system.rowCount(); r++) {
            int start = system.rowStart(r);
            int end = system.rowEnd(r);
            for (int p = start; p < end; p++) {
                // A row may name a column twice: sum its coefficients before squaring.
                double sum = 0;
                boolean firstOccurrence = true;
                for (int q = start; q < end; q++) {
                    if (system.column(q) == system.column(p)) {
                        firstOccurrence &= q >= p;
                        sum += system.value(q);
                    }
                }
                if (firstOccurrence) {
                    diagonal[system.column(p)] += sum * sum;
                }
            }
        }
        double[] scale = new double[diagonal.length];
        for (int i = 0; i < diagonal.length; i++) {
            scale[i] = diagonal[i] > 0 ? 1 / Math.sqrt(diagonal[i]) : 1;
        }
        return scale;
    }

    private void assemble(LeastSquaresSystem system) {
        for (int r = 0; r < system.rowCount(); r++) {
            int start = system.rowStart(r);
            int end = system.rowEnd(r);
            for (int p = start; p < end; p++) {
                int cp = system.column(p);
                double vp = system.value(p) * scale[cp];
                for (int q = start; q < end; q++) {
                    int cq = system.column(q);
                    // Each ordered pair once, kept when it lands in the lower triangle: also
                    // right when a row names a column twice.
                    if (cq <= cp) {
                        l[cp][cq - first[cp]] += vp * system.value(q) * scale[cq];
                    }
                }
            }
        }
    }

    private void factor(double rankTolerance) {
        for (int i = 0; i < n; i++) {
            int fi = first[i];
            double[] li = l[i];
            for (int j = fi; j <= i; j++) {
                int fj = first[j];
                double[] lj = l[j];
                double s = li[j - fi];
                for (int k = Math.max(fi, fj); k < j; k++) {
                    s -= li[k - fi] * lj[k - fj];
                }
                if (j < i) {
                    li[j - fi] = dependent[j] ? 0 : s / lj[j - fj];
                } else if (s > rankTolerance) {
                    li[i - fi] = Math.sqrt(s);
                } else {
                    dependent[i] = true;
                    dependentCount++;
                    li[i - fi] = 1;
                }
            }
        }
    }
}
