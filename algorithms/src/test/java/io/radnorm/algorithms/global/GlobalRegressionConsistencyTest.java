package io.radnorm.algorithms.global;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radnorm.algorithms.lsq.HouseholderLeastSquares;
import io.radnorm.algorithms.stats.Moments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The solver against the model written out a second time, as the issue states it: the dense
 * matrix A and vector y built here row by row, solved by Householder QR.
 */
class GlobalRegressionConsistencyTest {

    private static final int IMAGES = 6;

    @Test
    void matchesDirectDenseLeastSquaresOnRandomOverlapGraphs() {
        Random rnd = new Random(20170917);
        for (int trial = 0; trial < 40; trial++) {
            List<String> names = new ArrayList<>();
            List<Moments> whole = new ArrayList<>();
            for (int k = 0; k < IMAGES; k++) {
                names.add("img" + k);
                whole.add(new Moments(1_000_000 + rnd.nextInt(9_000_000),
                        200 + 9800 * rnd.nextDouble(), 10 + 490 * rnd.nextDouble()));
            }
            List<OverlapStats> overlaps = new ArrayList<>();
            for (int i = 0; i < IMAGES; i++) {
                for (int j = i + 1; j < IMAGES; j++) {
                    if (rnd.nextDouble() < 0.45) {
                        long n = 1000 + rnd.nextInt(2_000_000);
                        overlaps.add(new OverlapStats(i, j, noisy(whole.get(i), n, rnd), noisy(whole.get(j), n, rnd)));
                    }
                }
            }
            Set<String> model = new HashSet<>();
            for (String name : names) {
                if (rnd.nextDouble() < 0.3) {
                    model.add(name);
                }
            }
            GlobalRegressionSettings settings = new GlobalRegressionSettings(
                    0.5 + rnd.nextDouble(), 0.5 + rnd.nextDouble(),
                    ModelImageSelection.include(model), UnanchoredPolicy.ANCHOR_TO_OWN_STATS);
            GlobalRegressionProblem problem = new GlobalRegressionProblem(names, whole, overlaps, settings);

            List<double[]> rows = new ArrayList<>();
            List<Double> rhs = new ArrayList<>();
            buildByHand(problem, rows, rhs);
            double[][] a = rows.toArray(new double[0][]);
            double[] y = rhs.stream().mapToDouble(Double::doubleValue).toArray();
            double[] expected = HouseholderLeastSquares.solve(a, y);

            GainOffsetModel m = GlobalRegression.solve(problem);
            String context = "trial " + trial + ", pairs " + overlaps.size() + ", model " + model;
            for (int k = 0; k < IMAGES; k++) {
                assertRelative(expected[2 * k], m.gainOffset(k).gain(), context + ", gain " + k);
                assertRelative(expected[2 * k + 1], m.gainOffset(k).offset(), context + ", offset " + k);
            }
            assertEquals(a.length, m.rowCount(), context);
            // Rounding level is relative to the size of the rows (~1e10 here), not to the
            // residual, which can be ~0 when the random graph is a tree.
            double expectedResidual = residualNorm(a, y, expected);
            assertEquals(expectedResidual, m.residualNorm(), 1e-9 * (expectedResidual + norm(y)), context);
        }
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    /** Overlap moments near the image's own, as real overlaps are: noisy but related. */
    private static Moments noisy(Moments whole, long n, Random rnd) {
        return new Moments(n, whole.mean() * (0.9 + 0.2 * rnd.nextDouble()), whole.std() * (0.8 + 0.4 * rnd.nextDouble()));
    }

    /** The system exactly as the issue words it. */
    private static void buildByHand(GlobalRegressionProblem problem, List<double[]> rows, List<Double> rhs) {
        int n = problem.imageCount();
        double wm = problem.settings().meanFactor();
        double ws = problem.settings().stdFactor();
        double sum = 0;
        int[] component = new int[n];
        for (int k = 0; k < n; k++) {
            component[k] = k;
        }
        for (OverlapStats o : problem.overlaps()) {
            double[] mean = new double[2 * n];
            mean[2 * o.i()] = o.count() * wm * o.ofI().mean();
            mean[2 * o.i() + 1] = o.count() * wm;
            mean[2 * o.j()] = -o.count() * wm * o.ofJ().mean();
            mean[2 * o.j() + 1] = -o.count() * wm;
            double[] std = new double[2 * n];
            std[2 * o.i()] = o.count() * ws * o.ofI().std();
            std[2 * o.j()] = -o.count() * ws * o.ofJ().std();
            rows.add(mean);
            rhs.add(0.0);
            rows.add(std);
            rhs.add(0.0);
            sum += o.count();
            // Naive relabeling for components: fine for six images.
            int from = component[o.j()];
            int to = component[o.i()];
            for (int k = 0; k < n; k++) {
                if (component[k] == from) {
                    component[k] = to;
                }
            }
        }
        double p = sum == 0 ? 1 : sum / (2.0 * n);
        Set<Integer> model = problem.modelImages();
        Set<Integer> anchoredComponents = new HashSet<>();
        for (int k : model) {
            anchoredComponents.add(component[k]);
        }
        for (int k = 0; k < n; k++) {
            if (!model.contains(k) && anchoredComponents.contains(component[k])) {
                continue;
            }
            Moments w = problem.whole().get(k);
            double[] mean = new double[2 * n];
            mean[2 * k] = p * w.mean();
            mean[2 * k + 1] = p;
            double[] std = new double[2 * n];
            std[2 * k] = p * w.std();
            rows.add(mean);
            rhs.add(p * w.mean());
            rows.add(std);
            rhs.add(p * w.std());
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    private static double residualNorm(double[][] a, double[] y, double[] x) {
        double s = 0;
        for (int r = 0; r < a.length; r++) {
            double e = -y[r];
            for (int c = 0; c < x.length; c++) {
                e += a[r][c] * x[c];
            }
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
