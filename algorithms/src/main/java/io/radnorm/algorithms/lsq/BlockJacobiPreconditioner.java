package io.radnorm.algorithms.lsq;

/**
 * The block-Jacobi preconditioner of {@link ConjugateGradientSolver}: the inverse of N's 2 × 2
 * diagonal blocks (unknowns 2k and 2k + 1 — gain and offset of image k in radnorm's models; a
 * trailing odd unknown is a 1 × 1 block), or {@code blockSize} 1 for plain Jacobi.
 *
 * <p><b>Why 2 × 2.</b> An image's gain and offset columns are nearly parallel (the gain column is
 * the offset column times the overlap means, which vary little), so their 2 × 2 block alone can
 * have a condition number of 10⁸; Jacobi scaling removes the units but not that correlation, and
 * CG then needs thousands of iterations. Inverting the block removes it exactly.
 *
 * <p><b>Free directions.</b> A block that is singular after Jacobi scaling to unit diagonal
 * (scaled pivot {@code 1 − ρ²} at most {@code rankTolerance}, ρ the correlation of the two
 * columns; or a column no row names) has a null vector z. Because {@code zᵀ·N_kk·z = ‖A_k·z‖²},
 * z is then a null vector of the whole A (every row's part in block k vanishes): a direction the
 * rows say nothing about. The preconditioner is {@code Q·(Qᵀ·N_kk·Q)⁻¹·Qᵀ} with Q the Euclidean
 * orthogonal complement of z in the block — symmetric, positive definite on z⊥ and zero on z —
 * so CG never moves along z and the solution keeps its prior component there, exactly as
 * {@code pinv} does. (Dropping z after Jacobi scaling, i.e. in the scaled metric, would not.)
 */
final class BlockJacobiPreconditioner {

    private final int n;
    private final int blockSize;
    // Per block k: the symmetric 2 × 2 inverse (p11, p12, p22) at 3k..3k+2.
    private final double[] inverse;
    private int freeCount;

    BlockJacobiPreconditioner(SparseNormalEquations normal, int blockSize, double rankTolerance) {
        if (blockSize != 1 && blockSize != 2) {
            throw new IllegalArgumentException("blockSize must be 1 or 2: " + blockSize);
        }
        this.n = normal.unknownCount();
        this.blockSize = blockSize;
        int blocks = (n + blockSize - 1) / blockSize;
        inverse = new double[3 * blocks];
        for (int k = 0; k < blocks; k++) {
            int i = k * blockSize;
            if (blockSize == 1 || i + 1 == n) {
                double a = normal.get(i, i);
                inverse[3 * k] = a > 0 ? 1 / a : 0;
                freeCount += a > 0 ? 0 : 1;
            } else {
                invertBlock(normal.get(i, i), normal.get(i, i + 1), normal.get(i + 1, i + 1), rankTolerance, 3 * k);
            }
        }
    }

    /** How many block-local free directions were found (each kept at its prior). */
    int freeCount() {
        return freeCount;
    }

    private void invertBlock(double a, double b, double c, double rankTolerance, int at) {
        if (!(a > 0) && !(c > 0)) {
            freeCount += 2;
            return;
        }
        if (!(a > 0) || !(c > 0)) {
            // One column is in no row (then b = 0 too): that unknown is free.
            freeCount++;
            inverse[at] = a > 0 ? 1 / a : 0;
            inverse[at + 2] = c > 0 ? 1 / c : 0;
            return;
        }
        double sa = Math.sqrt(a);
        double sc = Math.sqrt(c);
        double rho = b / (sa * sc);
        double pivot = 1 - rho * rho;
        if (pivot > rankTolerance) {
            inverse[at] = 1 / (a * pivot);
            inverse[at + 1] = -rho / (sa * sc * pivot);
            inverse[at + 2] = 1 / (c * pivot);
            return;
        }
        // Null vector z = S·(−ρ, 1) with S = diag(1/√a, 1/√c); q ⟂ z (Euclidean) spans the rest.
        freeCount++;
        double q1 = 1 / sc;
        double q2 = rho / sa;
        double norm = Math.hypot(q1, q2);
        q1 /= norm;
        q2 /= norm;
        double curvature = a * q1 * q1 + 2 * b * q1 * q2 + c * q2 * q2;
        if (curvature > 0) {
            inverse[at] = q1 * q1 / curvature;
            inverse[at + 1] = q1 * q2 / curvature;
            inverse[at + 2] = q2 * q2 / curvature;
        }
    }

    /** {@code out = M⁺·g}. */
    void apply(double[] g, double[] out) {
        if (blockSize == 1) {
            for (int i = 0; i < n; i++) {
                out[i] = inverse[3 * i] * g[i];
            }
            return;
        }
        int i = 0;
        for (int at = 0; i + 1 < n; i += 2, at += 3) {
            double g1 = g[i];
            double g2 = g[i + 1];
            out[i] = inverse[at] * g1 + inverse[at + 1] * g2;
            out[i + 1] = inverse[at + 1] * g1 + inverse[at + 2] * g2;
        }
        if (i < n) {
            out[i] = inverse[3 * (i / 2)] * g[i];
        }
    }
}
