package io.radnorm.algorithms.lsq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConjugateGradientSolverTest {

    private final ConjugateGradientSolver solver = new ConjugateGradientSolver();
    private final NormalEquationsSolver dense = new NormalEquationsSolver();

    @Test
    void normalMatrixIsAssembledSparselyAndExactly() {
        Random rnd = new Random(3);
        LeastSquaresSystem s = new LeastSquaresSystem(9);
        for (int r = 0; r < 30; r++) {
            int c1 = rnd.nextInt(9);
            int c2 = rnd.nextInt(9); // may repeat c1: coefficients add up
            s.addRow(rnd.nextGaussian(), new int[] {c1, c2, (c1 + 4) % 9}, new double[] {rnd.nextGaussian(), 2, -1});
        }
        double[][] a = s.toDenseMatrix();
        SparseNormalEquations normal = SparseNormalEquations.of(s);
        double[][] expected = new double[9][9];
        int nonZeros = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                boolean shared = false;
                for (double[] row : a) {
                    expected[i][j] += row[i] * row[j];
                    shared |= row[i] != 0 && row[j] != 0;
                }
                nonZeros += shared ? 1 : 0;
            }
        }
        double[][] actual = normal.toDenseMatrix();
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-12, "row " + i);
        }
        assertTrue(normal.nonZeroCount() >= nonZeros && normal.nonZeroCount() < 81, "stored " + normal.nonZeroCount());
    }

    @Test
    void consistentAndInconsistentSystems() {
        LeastSquaresSystem line = new LeastSquaresSystem(2);
        for (int t = 0; t < 5; t++) {
            line.addRow(2 + 3 * t, new int[] {0, 1}, new double[] {1, t});
        }
        assertArrayEquals(new double[] {2, 3}, solver.solve(line, new double[] {0, 0}), 1e-12);
        LeastSquaresSystem fit = new LeastSquaresSystem(2);
        fit.addRow(1, new int[] {0, 1}, new double[] {1, 0});
        fit.addRow(3, new int[] {0, 1}, new double[] {1, 1});
        fit.addRow(4, new int[] {0, 1}, new double[] {1, 2});
        assertArrayEquals(new double[] {7.0 / 6, 1.5}, solver.solve(fit, new double[] {5, -5}), 1e-12);
    }

    @Test
    void rankDeficientSystemPicksTheSolutionNearestThePrior() {
        LeastSquaresSystem s = new LeastSquaresSystem(3);
        s.addRow(2, new int[] {0, 1}, new double[] {1, 1});
        assertArrayEquals(new double[] {1, 1, 0}, solver.solve(s, new double[] {0, 0, 0}), 1e-12);
        assertArrayEquals(new double[] {1.5, 0.5, 7}, solver.solve(s, new double[] {1, 0, 7}), 1e-12);
    }

    @Test
    void nearestToThePriorIsEuclideanWhateverTheColumnScales() {
        LeastSquaresSystem s = new LeastSquaresSystem(2);
        s.addRow(1e6, new int[] {0, 1}, new double[] {1e6, 1});
        double[] x = solver.solve(s, new double[] {0, 0});
        assertEquals(1e12 / (1e12 + 1), x[0], 1e-15);
        assertEquals(1e6 / (1e12 + 1), x[1], 1e-20);
    }

    @Test
    void noRowsRepeatedColumnsAndBadInput() {
        assertArrayEquals(new double[] {1, 0}, solver.solve(new LeastSquaresSystem(2), new double[] {1, 0}));
        LeastSquaresSystem twice = new LeastSquaresSystem(1);
        twice.addRow(4, new int[] {0, 0}, new double[] {1, 1});
        assertArrayEquals(new double[] {2}, solver.solve(twice, new double[] {0}), 1e-12);
        LeastSquaresSystem nan = new LeastSquaresSystem(1);
        nan.addRow(Double.NaN, new int[] {0}, new double[] {1});
        assertThrows(ArithmeticException.class, () -> solver.solve(nan, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> solver.solve(nan, new double[] {0, 0}));
    }

    /**
     * Radiometric-looking systems: pairs of unknowns (gain ~ mean·n, offset ~ n) tied by random
     * pair rows and anchors, some blocks exactly singular (a constant "image") or untouched.
     */
    @Test
    void matchesTheDenseSolverOnRandomBlockSystems() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 30; trial++) {
            int images = 3 + rnd.nextInt(40);
            LeastSquaresSystem s = new LeastSquaresSystem(2 * images);
            boolean[] constant = new boolean[images];
            double[] level = new double[images];
            for (int k = 0; k < images; k++) {
                constant[k] = rnd.nextInt(8) == 0;
                level[k] = 500 + 1000 * rnd.nextDouble();
            }
            int untouched = rnd.nextInt(4) == 0 ? rnd.nextInt(images) : -1;
            for (int e = 0; e < 3 * images; e++) {
                int i = rnd.nextInt(images);
                int j = rnd.nextInt(images);
                if (i == j || i == untouched || j == untouched) {
                    continue;
                }
                double w = 1000 * (1 + rnd.nextDouble());
                double mi = constant[i] ? level[i] : level[i] * (1 + 0.1 * rnd.nextGaussian());
                double mj = constant[j] ? level[j] : level[j] * (1 + 0.1 * rnd.nextGaussian());
                s.addRow(0, new int[] {2 * i, 2 * i + 1, 2 * j, 2 * j + 1}, new double[] {w * mi, w, -w * mj, -w});
                double si = constant[i] ? 0 : 50 + 100 * rnd.nextDouble();
                double sj = constant[j] ? 0 : 50 + 100 * rnd.nextDouble();
                s.addRow(0, new int[] {2 * i, 2 * j}, new double[] {w * si, -w * sj});
            }
            for (int k = 0; k < images; k++) {
                if (k == untouched || rnd.nextInt(3) == 0) {
                    continue;
                }
                double p = 2000;
                double m = level[k] * (1 + 0.05 * rnd.nextGaussian());
                double sd = constant[k] ? 0 : 80;
                if (constant[k]) {
                    m = level[k];
                }
                s.addRow(p * m, new int[] {2 * k, 2 * k + 1}, new double[] {p * m, p});
                s.addRow(p * sd, new int[] {2 * k}, new double[] {p * sd});
            }
            double[] x0 = new double[2 * images];
            for (int k = 0; k < images; k++) {
                x0[2 * k] = 1;
            }
            double[] expected = dense.solve(s, x0);
            ConjugateGradientSolver.Report report = solver.solveWithReport(s, x0);
            assertTrue(report.converged(), "trial " + trial);
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[c], report.x()[c], 1e-9 * Math.max(1, Math.abs(expected[c])),
                        "trial " + trial + " x" + c);
            }
        }
    }

    @Test
    void jacobiBlocksOfOneAlsoConverge() {
        LeastSquaresSystem s = new LeastSquaresSystem(4);
        s.addRow(1, new int[] {0, 1}, new double[] {1, 2});
        s.addRow(2, new int[] {1, 2}, new double[] {3, 1});
        s.addRow(3, new int[] {2, 3}, new double[] {1, 1});
        s.addRow(4, new int[] {3, 0}, new double[] {2, 1});
        s.addRow(5, new int[] {0}, new double[] {1});
        double[] expected = dense.solve(s, new double[4]);
        double[] actual = new ConjugateGradientSolver(1e-10, 1e-14, 1, 0).solve(s, new double[4]);
        assertArrayEquals(expected, actual, 1e-10);
    }
}
