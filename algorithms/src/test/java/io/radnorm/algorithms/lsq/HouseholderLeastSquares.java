package io.radnorm.algorithms.lsq;

/**
 * Test oracle: dense least squares by Householder QR, {@code min ‖A·x − y‖} for A of full column
 * rank — the textbook backward-stable method, independent of the normal equations under test.
 */
public final class HouseholderLeastSquares {

    private HouseholderLeastSquares() {
    }

    public static double[] solve(double[][] a, double[] y) {
        int m = a.length;
        int n = a[0].length;
        if (m < n) {
            throw new IllegalArgumentException("underdetermined: " + m + " x " + n);
        }
        double[][] r = new double[m][];
        for (int i = 0; i < m; i++) {
            r[i] = a[i].clone();
        }
        double[] b = y.clone();
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm = Math.hypot(norm, r[i][k]);
            }
            if (norm == 0) {
                throw new ArithmeticException("rank-deficient at column " + k);
            }
            double alpha = r[k][k] > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = k; i < m; i++) {
                v[i] = r[i][k];
            }
            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < m; i++) {
                vv += v[i] * v[i];
            }
            for (int j = k; j < n; j++) {
                double s = 0;
                for (int i = k; i < m; i++) {
                    s += v[i] * r[i][j];
                }
                s = 2 * s / vv;
                for (int i = k; i < m; i++) {
                    r[i][j] -= s * v[i];
                }
            }
            double s = 0;
            for (int i = k; i < m; i++) {
                s += v[i] * b[i];
            }
            s = 2 * s / vv;
            for (int i = k; i < m; i++) {
                b[i] -= s * v[i];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= r[i][j] * x[j];
            }
            x[i] = s / r[i][i];
        }
        return x;
    }
}
