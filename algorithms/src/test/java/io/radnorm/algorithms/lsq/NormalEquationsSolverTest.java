package io.radnorm.algorithms.lsq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalEquationsSolverTest {

    private final LinearLeastSquaresSolver solver = new NormalEquationsSolver();

    @Test
    void consistentOverdeterminedSystemIsSolvedExactly() {
        // y = 2 + 3t sampled at five points.
        LeastSquaresSystem s = new LeastSquaresSystem(2);
        for (int t = 0; t < 5; t++) {
            s.addRow(2 + 3 * t, new int[] {0, 1}, new double[] {1, t});
        }
        double[] x = solver.solve(s, new double[] {0, 0});
        assertArrayEquals(new double[] {2, 3}, x, 1e-12);
        assertEquals(0, s.residualNorm(x), 1e-11);
    }

    @Test
    void inconsistentSystemGivesTheLeastSquaresFit() {
        // Points (0,1), (1,3), (2,4): fit intercept 7/6, slope 3/2.
        LeastSquaresSystem s = new LeastSquaresSystem(2);
        s.addRow(1, new int[] {0, 1}, new double[] {1, 0});
        s.addRow(3, new int[] {0, 1}, new double[] {1, 1});
        s.addRow(4, new int[] {0, 1}, new double[] {1, 2});
        assertArrayEquals(new double[] {7.0 / 6, 1.5}, solver.solve(s, new double[] {5, -5}), 1e-12);
    }

    @Test
    void rankDeficientSystemPicksTheSolutionNearestThePrior() {
        LeastSquaresSystem s = new LeastSquaresSystem(3);
        s.addRow(2, new int[] {0, 1}, new double[] {1, 1});
        // Only x0 + x1 is determined; x2 appears in no row.
        assertArrayEquals(new double[] {1, 1, 0}, solver.solve(s, new double[] {0, 0, 0}), 1e-9);
        assertArrayEquals(new double[] {1.5, 0.5, 7}, solver.solve(s, new double[] {1, 0, 7}), 1e-9);
    }

    @Test
    void nearestToThePriorIsEuclideanWhateverTheColumnScales() {
        // 1e6·x0 + x1 = 1e6: pinv gives x = 1e6·(1e6, 1) / (1e12 + 1), not a scaled-metric answer.
        LeastSquaresSystem s = new LeastSquaresSystem(2);
        s.addRow(1e6, new int[] {0, 1}, new double[] {1e6, 1});
        double[] x = solver.solve(s, new double[] {0, 0});
        assertEquals(1e12 / (1e12 + 1), x[0], 1e-15);
        assertEquals(1e6 / (1e12 + 1), x[1], 1e-20);
    }

    @Test
    void badlyScaledColumnsAreSolvedAccurately() {
        // Gains of magnitude 1e10 beside offsets of magnitude 1e6, like radiometric rows; a
        // uniform damping term would swamp the small columns.
        Random rnd = new Random(8);
        for (int trial = 0; trial < 20; trial++) {
            int n = 8;
            LeastSquaresSystem s = new LeastSquaresSystem(n);
            double[] colScale = new double[n];
            for (int c = 0; c < n; c++) {
                colScale[c] = c % 2 == 0 ? 1e10 * (1 + rnd.nextDouble()) : 1e6 * (1 + rnd.nextDouble());
            }
            for (int r = 0; r < 3 * n; r++) {
                int c1 = rnd.nextInt(n);
                int c2 = (c1 + 1 + rnd.nextInt(n - 1)) % n;
                s.addRow(1e9 * rnd.nextGaussian(), new int[] {c1, c2},
                        new double[] {colScale[c1] * rnd.nextGaussian(), colScale[c2] * rnd.nextGaussian()});
            }
            for (int c = 0; c < n; c++) {
                s.addRow(colScale[c] * rnd.nextGaussian(), new int[] {c}, new double[] {colScale[c]});
            }
            double[] expected = HouseholderLeastSquares.solve(s.toDenseMatrix(), s.rhsVector());
            double[] actual = solver.solve(s, new double[n]);
            for (int c = 0; c < n; c++) {
                assertEquals(expected[c], actual[c], 1e-9 * Math.max(1e-3, Math.abs(expected[c])), "trial " + trial + " x" + c);
            }
        }
    }

    @Test
    void noRowsLeavesThePrior() {
        assertArrayEquals(new double[] {1, 0}, solver.solve(new LeastSquaresSystem(2), new double[] {1, 0}));
        LeastSquaresSystem zeros = new LeastSquaresSystem(2);
        zeros.addRow(0, new int[] {0}, new double[] {0});
        assertArrayEquals(new double[] {1, 0}, solver.solve(zeros, new double[] {1, 0}));
    }

    @Test
    void repeatedColumnsInARowAddUp() {
        LeastSquaresSystem s = new LeastSquaresSystem(1);
        s.addRow(4, new int[] {0, 0}, new double[] {1, 1});
        assertArrayEquals(new double[] {2}, solver.solve(s, new double[] {0}), 1e-12);
        assertArrayEquals(new double[][] {{2}}, s.toDenseMatrix());
    }

    @Test
    void matchesHouseholderQrOnRandomSparseSystems() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rnd.nextInt(12);
            int m = n + 1 + rnd.nextInt(2 * n);
            LeastSquaresSystem s = new LeastSquaresSystem(n);
            // A diagonal row per unknown guarantees full rank; the rest is random and sparse.
            for (int c = 0; c < n; c++) {
                s.addRow(rnd.nextGaussian(), new int[] {c}, new double[] {1 + rnd.nextDouble()});
            }
            for (int r = n; r < m; r++) {
                int c1 = rnd.nextInt(n);
                int c2 = rnd.nextInt(n);
                s.addRow(100 * rnd.nextGaussian(), new int[] {c1, c2},
                        new double[] {1000 * rnd.nextGaussian(), rnd.nextGaussian()});
            }
            double[] expected = HouseholderLeastSquares.solve(s.toDenseMatrix(), s.rhsVector());
            double[] actual = solver.solve(s, new double[n]);
            for (int c = 0; c < n; c++) {
                assertEquals(expected[c], actual[c], 1e-9 * (1 + Math.abs(expected[c])), "trial " + trial + " x" + c);
            }
        }
    }

    @Test
    void rejectsNonFiniteInputAndBadPrior() {
        LeastSquaresSystem s = new LeastSquaresSystem(1);
        s.addRow(Double.NaN, new int[] {0}, new double[] {1});
        assertThrows(ArithmeticException.class, () -> solver.solve(s, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> solver.solve(s, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> s.addRow(0, new int[] {1}, new double[] {1}));
    }
}
