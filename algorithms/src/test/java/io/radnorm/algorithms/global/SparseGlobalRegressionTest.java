package io.radnorm.algorithms.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.lsq.ConjugateGradientSolver;
import io.radnorm.algorithms.lsq.NormalEquationsSolver;
import io.radnorm.algorithms.stats.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sparse solver gives the dense solver's model, degenerate cases included. */
class SparseGlobalRegressionTest {

    private static GainOffsetModel solve(GlobalRegressionProblem p, LeastSquaresMethod method) {
        return GlobalRegression.solve(p.withSettings(p.settings().withSolver(method)));
    }

    private static void assertSameModel(GainOffsetModel expected, GainOffsetModel actual, String what) {
        assertEquals(expected.unanchoredGroups(), actual.unanchoredGroups(), what);
        assertEquals(expected.rowCount(), actual.rowCount(), what);
        for (int k = 0; k < expected.names().size(); k++) {
            GainOffset e = expected.gainOffset(k);
            GainOffset a = actual.gainOffset(k);
            assertEquals(e.gain(), a.gain(), 1e-9 * Math.max(1, Math.abs(e.gain())), what + " gain of " + k);
            assertEquals(e.offset(), a.offset(), 1e-9 * Math.max(1, Math.abs(e.offset())), what + " offset of " + k);
        }
    }

    private static void assertSparseMatchesDense(GlobalRegressionProblem p, String what) {
        assertSameModel(solve(p, LeastSquaresMethod.DENSE), solve(p, LeastSquaresMethod.SPARSE), what);
    }

    /**
     * Random footprints on a 1-D scene of 400 pixels: random overlap graphs, often with several
     * components, random model images, some constant and some empty images, noisy radiometry.
     */
    @Test
    void randomOverlapGraphs() {
        Random rnd = new Random(11);
        double[] scene = new double[400];
        for (int p = 0; p < scene.length; p++) {
            scene[p] = 1000 + 300 * Math.sin(p * 0.37) + 50 * rnd.nextGaussian();
        }
        for (int trial = 0; trial < 25; trial++) {
            int images = 2 + rnd.nextInt(30);
            List<String> names = new ArrayList<>();
            List<Moments> whole = new ArrayList<>();
            int[][] extent = new int[images][];
            double[][] radiometry = new double[images][];
            for (int k = 0; k < images; k++) {
                names.add("i" + k);
                int from = rnd.nextInt(380);
                extent[k] = new int[] {from, Math.min(400, from + 10 + rnd.nextInt(60))};
                int kind = rnd.nextInt(12);
                // kind 0: constant image; kind 1: no valid pixel
                radiometry[k] = new double[] {kind == 0 ? 0 : 0.5 + rnd.nextDouble(), 300 * rnd.nextGaussian(), kind};
                whole.add(kind == 1 ? Moments.EMPTY : moments(scene, extent[k][0], extent[k][1], radiometry[k], rnd));
            }
            List<OverlapStats> overlaps = new ArrayList<>();
            for (int i = 0; i < images; i++) {
                for (int j = i + 1; j < images; j++) {
                    int from = Math.max(extent[i][0], extent[j][0]);
                    int to = Math.min(extent[i][1], extent[j][1]);
                    if (to - from <= 0) {
                        continue;
                    }
                    boolean empty = radiometry[i][2] == 1 || radiometry[j][2] == 1;
                    overlaps.add(empty ? new OverlapStats(i, j, Moments.EMPTY, Moments.EMPTY)
                            : new OverlapStats(i, j, moments(scene, from, to, radiometry[i], rnd),
                                    moments(scene, from, to, radiometry[j], rnd)));
                }
            }
            GlobalRegressionSettings settings = GlobalRegressionSettings.DEFAULT;
            if (rnd.nextBoolean()) {
                List<String> models = new ArrayList<>();
                for (String name : names) {
                    if (rnd.nextInt(3) == 0) {
                        models.add(name);
                    }
                }
                settings = settings.withModelImages(ModelImageSelection.include(models));
            }
            if (rnd.nextInt(4) == 0) {
                settings = settings.withMeanFactor(rnd.nextBoolean() ? 0 : 2.5);
            }
            assertSparseMatchesDense(new GlobalRegressionProblem(names, whole, overlaps, settings), "trial " + trial);
        }
    }

    /** Moments of a·t + b (a = 0: a constant) over scene pixels [from, to), with 0.1 % noise. */
    private static Moments moments(double[] scene, int from, int to, double[] ab, Random rnd) {
        double[] v = new double[to - from];
        for (int p = from; p < to; p++) {
            v[p - from] = ab[2] == 0 ? 777 : ab[0] * scene[p] + ab[1];
        }
        Moments m = Moments.of(v);
        return ab[2] == 0 ? m : new Moments(m.count(), m.mean() * (1 + 1e-3 * rnd.nextGaussian()), m.std());
    }

    @Test
    void unanchoredComponentsAreAnchoredOrRefusedAsWithTheDenseSolver() {
        SyntheticScene s = new SyntheticScene(10, 12, 15, 11, 20, 18, 14, 9, 16, 13, 17, 22, 8, 19, 21, 12);
        s.image("A", 1, 0, s.range(0, 6));
        s.image("B", 1.2, 3, s.range(4, 9));
        s.image("C", 0.8, 10, s.range(10, 14));
        s.image("D", 1.5, -2, s.range(12, 16));
        GlobalRegressionSettings onlyA = GlobalRegressionSettings.DEFAULT.withModelImages(ModelImageSelection.include("A"));
        GainOffsetModel sparse = solve(s.problem(onlyA), LeastSquaresMethod.SPARSE);
        assertEquals(List.of(List.of("C", "D")), sparse.unanchoredGroups());
        assertSparseMatchesDense(s.problem(onlyA), "anchored");
        GlobalRegressionProblem refuse = s.problem(onlyA.withUnanchoredPolicy(UnanchoredPolicy.REFUSE));
        assertThrows(UnanchoredImagesException.class, () -> solve(refuse, LeastSquaresMethod.SPARSE));
    }

    @Test
    void knownGainsAreRecoveredOnAGridWithOneModelImage() {
        SyntheticOverlapGraph g = new SyntheticOverlapGraph(12, 15, 7, 0, 10_000);
        int model = 77;
        GainOffsetModel m = solve(g.problem(GlobalRegressionSettings.DEFAULT
                .withModelImages(ModelImageSelection.include(g.names().get(model)))), LeastSquaresMethod.SPARSE);
        for (int k = 0; k < g.imageCount(); k++) {
            double a = g.gain(model) / g.gain(k);
            assertEquals(a, m.gainOffset(k).gain(), 1e-9 * a, "gain of " + k);
            assertEquals(g.offset(model) - a * g.offset(k), m.gainOffset(k).offset(), 1e-9 * 1000, "offset of " + k);
        }
    }

    @Test
    void calibratedReferencesEveryFifthRowAndColumnGiveTheTrueCorrections() {
        SyntheticOverlapGraph g = new SyntheticOverlapGraph(21, 23, 8, 0, 10_000, 5);
        GainOffsetModel m = solve(g.problem(g.referencesAsModels(GlobalRegressionSettings.DEFAULT)),
                LeastSquaresMethod.SPARSE);
        assertTrue(g.maxErrorAgainstReferences(m) < 1e-6, "error " + g.maxErrorAgainstReferences(m));
    }

    /** 2 000 images, 8 neighbours each, noisy statistics: the sizes AUTO hands to the sparse solver. */
    @Test
    void twoThousandImageGridMatchesTheDenseSolver() {
        SyntheticOverlapGraph g = new SyntheticOverlapGraph(40, 50, 9, 0.01, 40_000);
        GlobalRegressionProblem p = g.problem(GlobalRegressionSettings.DEFAULT);
        long t0 = System.nanoTime();
        GainOffsetModel dense = solve(p, LeastSquaresMethod.DENSE);
        long t1 = System.nanoTime();
        GainOffsetModel sparse = solve(p, LeastSquaresMethod.SPARSE);
        long t2 = System.nanoTime();
        assertSameModel(dense, sparse, "2000-image grid");
        assertEquals(dense.residualNorm(), sparse.residualNorm(), 1e-9 * dense.residualNorm());
        System.out.printf("2000 images: dense %d ms, sparse %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    /**
     * Without std rows, images that are not model images can trade gain for offset along chains
     * of images: free directions spanning several images, where the sparse solver documents that
     * it finds a least-squares solution, not necessarily the one nearest the identity.
     */
    @Test
    void withoutStdRowsAndFewModelImagesTheSparseSolutionIsStillLeastSquares() {
        SyntheticOverlapGraph g = new SyntheticOverlapGraph(6, 7, 4, 0.01, 10_000);
        GlobalRegressionProblem p = g.problem(GlobalRegressionSettings.DEFAULT.withStdFactor(0)
                .withModelImages(ModelImageSelection.include(g.names().get(0), g.names().get(20))));
        GainOffsetModel dense = solve(p, LeastSquaresMethod.DENSE);
        GainOffsetModel sparse = solve(p, LeastSquaresMethod.SPARSE);
        assertEquals(dense.residualNorm(), sparse.residualNorm(), 1e-9 * dense.residualNorm() + 1e-6);
    }

    @Test
    void autoPicksBySizeAndAnExplicitSolverWins() {
        SyntheticOverlapGraph g = new SyntheticOverlapGraph(3, 3, 1, 0.01, 1000);
        GlobalRegressionSolver s = new GlobalRegressionSolver(g.problem(GlobalRegressionSettings.DEFAULT));
        GainOffsetModel auto = s.getModel();
        s.setLeastSquaresSolver(new ConjugateGradientSolver());
        assertSameModel(auto, s.getModel(), "explicit");
        s.setLeastSquaresSolver(new NormalEquationsSolver());
        assertSameModel(auto, s.getModel(), "explicit dense");
        assertEquals(LeastSquaresMethod.AUTO, GlobalRegressionSettings.DEFAULT.solver());
    }
}
