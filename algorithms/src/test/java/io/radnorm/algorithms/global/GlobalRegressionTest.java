package io.radnorm.algorithms.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.stats.Moments;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalRegressionTest {

    private static final double[] SCENE = {
        10, 12, 15, 11, 20, 18, 14, 9, 16, 13, 17, 22, 8, 19, 21, 12, 11, 25, 14, 10};

    private static GlobalRegressionSettings modelImages(String... names) {
        return GlobalRegressionSettings.DEFAULT.withModelImages(ModelImageSelection.include(names));
    }

    private static void assertGainOffset(double gain, double offset, GainOffset actual, double tol) {
        assertEquals(gain, actual.gain(), tol, "gain of " + actual);
        assertEquals(offset, actual.offset(), tol, "offset of " + actual);
    }

    // --- Reference anchors measured on spectralmatch ----------------------------------------

    @Test
    void exactLinearRelationToTheOnlyModelImage() {
        SyntheticScene s = new SyntheticScene(SCENE);
        s.image("A", 1, 0, s.range(0, 6));
        s.image("B", 2, 10, s.range(3, 9)); // B = 2A + 10 where they overlap
        GainOffsetModel m = GlobalRegression.solve(s.problem(modelImages("A")));

        assertGainOffset(1, 0, m.gainOffset("A"), 1e-9);
        assertGainOffset(0.5, -5, m.gainOffset("B"), 1e-9);
        assertEquals(List.of(), m.unanchoredGroups());
        assertEquals(4, m.rowCount()); // 2 overlap rows, 2 anchor rows for A, none for B
        assertEquals(0, m.residualNorm(), 1e-8);
    }

    @Test
    void constantOffsetIsRemovedExactly() {
        SyntheticScene s = new SyntheticScene(SCENE);
        s.image("A", 1, 0, s.range(0, 10));
        s.image("B", 1, 100, s.range(5, 15));
        GainOffsetModel m = GlobalRegression.solve(s.problem(modelImages("A")));

        assertGainOffset(1, 0, m.gainOffset("A"), 1e-9);
        assertGainOffset(1, -100, m.gainOffset("B"), 1e-9);
        for (int p = 5; p < 10; p++) {
            assertEquals(m.gainOffset("A").apply(s.value(0, p)), m.gainOffset("B").apply(s.value(1, p)), 1e-9);
        }
    }

    @Test
    void excludedImageWithoutOverlapStaysIdentity() {
        SyntheticScene s = new SyntheticScene(SCENE);
        s.image("A", 1, 0, s.range(0, 8));
        s.image("B", 1.3, -4, s.range(5, 12));
        s.image("C", 0.7, 30, s.range(14, 19)); // overlaps nothing
        GlobalRegressionSettings settings = GlobalRegressionSettings.DEFAULT
                .withModelImages(ModelImageSelection.exclude("C"));
        GainOffsetModel m = GlobalRegression.solve(s.problem(settings));

        assertEquals(GainOffset.IDENTITY.gain(), m.gainOffset("C").gain(), 1e-12);
        assertEquals(GainOffset.IDENTITY.offset(), m.gainOffset("C").offset(), 1e-9);
        assertEquals(List.of(List.of("C")), m.unanchoredGroups());
    }

    @Test
    void selectedModelImageIsReproducedUnchanged() {
        // Non-linear relations (noise), chain A–B–C: with B alone as model image, B keeps
        // gain 1 and offset 0 while A and C move to it.
        SyntheticScene s = new SyntheticScene(SCENE);
        s.image("A", 0.8, 5, s.range(0, 8));
        s.image("B", 1.0, 0, s.range(6, 14));
        s.image("C", 1.4, -7, s.range(12, 20));
        List<Moments> whole = s.whole();
        List<OverlapStats> noisy = List.of(
                new OverlapStats(0, 1, new Moments(200, 20.1, 4.4), new Moments(200, 15.2, 3.1)),
                new OverlapStats(1, 2, new Moments(300, 13.7, 5.9), new Moments(300, 12.5, 7.7)));
        GainOffsetModel m = GlobalRegression.solve(
                new GlobalRegressionProblem(s.names(), whole, noisy, modelImages("B")));

        assertGainOffset(1, 0, m.gainOffset("B"), 1e-9);
        // A over the overlap now matches B: a·20.1 + b = 15.2, a·4.4 = 3.1.
        GainOffset a = m.gainOffset("A");
        assertEquals(3.1 / 4.4, a.gain(), 1e-9);
        assertEquals(15.2, a.apply(20.1), 1e-9);
    }

    // --- Known gains recovered -------------------------------------------------------------

    @Test
    void knownGainsAreRecoveredInAChain() {
        SyntheticScene s = new SyntheticScene(SCENE);
        s.image("A", 1.0, 0, s.range(0, 7));
        s.image("B", 1.25, 8, s.range(5, 12));
        s.image("C", 0.6, -3, s.range(10, 17));
        s.image("D", 2.0, 40, s.range(15, 20));
        assertOverlapsAgree(s, GlobalRegression.solve(s.problem(modelImages("B"))), 3);
    }

    @Test
    void knownGainsAreRecoveredInALoop() {
        SyntheticScene s = new SyntheticScene(SCENE);
        s.image("A", 1.0, 0, s.range(0, 8));
        s.image("B", 1.25, 8, s.range(6, 13));
        s.image("C", 0.6, -3, s.range(11, 18));
        s.image("D", 2.0, 40, s.range(16, 2)); // wraps around: overlaps C and A
        assertEquals(4, s.overlaps().size());
        assertOverlapsAgree(s, GlobalRegression.solve(s.problem(modelImages("C"))), 4);
    }

    /**
     * Noise-free images of one scene can all be mapped onto the model image exactly: after
     * correction every overlap agrees in mean and std, and gains are the ratios of true gains.
     */
    private static void assertOverlapsAgree(SyntheticScene s, GainOffsetModel m, int expectedPairs) {
        List<OverlapStats> overlaps = s.overlaps();
        assertEquals(expectedPairs, overlaps.size());
        for (OverlapStats o : overlaps) {
            GainOffset gi = m.gainOffset(o.i());
            GainOffset gj = m.gainOffset(o.j());
            double meanI = gi.apply(o.ofI().mean());
            double meanJ = gj.apply(o.ofJ().mean());
            double stdI = Math.abs(gi.gain()) * o.ofI().std();
            double stdJ = Math.abs(gj.gain()) * o.ofJ().std();
            assertEquals(meanI, meanJ, 1e-6 * Math.abs(meanI), "mean over overlap " + o);
            assertEquals(stdI, stdJ, 1e-6 * stdI, "std over overlap " + o);
        }
        assertEquals(0, m.residualNorm(), 1e-6);
    }

    // --- Unanchored components -------------------------------------------------------------

    private static SyntheticScene twoDisconnectedPairs() {
        SyntheticScene s = new SyntheticScene(SCENE);
        s.image("A", 1, 0, s.range(0, 5));
        s.image("B", 1.5, 2, s.range(3, 8));
        s.image("C", 0.9, 1, s.range(10, 15));
        s.image("D", 1.1, 9, s.range(13, 18));
        return s;
    }

    @Test
    void unanchoredComponentIsAnchoredToItsOwnStatistics() {
        SyntheticScene s = twoDisconnectedPairs();
        GainOffsetModel m = GlobalRegression.solve(s.problem(modelImages("A")));

        assertEquals(List.of(List.of("C", "D")), m.unanchoredGroups());
        assertEquals(List.of("C", "D"), m.unanchoredImages());
        assertGainOffset(1, 0, m.gainOffset("A"), 1e-9);
        assertGainOffset(1 / 1.5, -2 / 1.5, m.gainOffset("B"), 1e-9);
        // C and D were pulled together: their overlap now differs less than before.
        OverlapStats cd = s.overlaps().get(1);
        double before = Math.abs(cd.ofI().mean() - cd.ofJ().mean());
        double after = Math.abs(m.gainOffset("C").apply(cd.ofI().mean()) - m.gainOffset("D").apply(cd.ofJ().mean()));
        assertTrue(after < 0.2 * before, before + " -> " + after);
        assertEquals(2 * 2 + 2 * 3, m.rowCount()); // two pairs; anchors for A, C, D
    }

    @Test
    void unanchoredComponentIsRefusedWithTheImageNames() {
        SyntheticScene s = twoDisconnectedPairs();
        GlobalRegressionSettings settings = modelImages("A").withUnanchoredPolicy(UnanchoredPolicy.REFUSE);
        UnanchoredImagesException e = assertThrows(UnanchoredImagesException.class,
                () -> GlobalRegression.solve(s.problem(settings)));

        assertEquals(List.of(List.of("C", "D")), e.groups());
        assertEquals(List.of("C", "D"), e.imageNames());
        assertTrue(e.getMessage().contains("[C, D]"), e.getMessage());
        assertTrue(e.getMessage().contains("--unanchored anchor"), e.getMessage());
    }

    @Test
    void refuseAcceptsAProblemWhereEveryComponentHasAModelImage() {
        SyntheticScene s = twoDisconnectedPairs();
        GlobalRegressionSettings settings = modelImages("B", "C").withUnanchoredPolicy(UnanchoredPolicy.REFUSE);
        GainOffsetModel m = GlobalRegression.solve(s.problem(settings));
        assertEquals(List.of(), m.unanchoredGroups());
        assertGainOffset(1, 0, m.gainOffset("C"), 1e-9);
        assertGainOffset(1.5, 2, m.gainOffset("A"), 1e-9); // A = t mapped onto B = 1.5·t + 2
    }

    @Test
    void overlapWithoutCommonValidPixelsConnectsNothing() {
        List<String> names = List.of("A", "B");
        List<Moments> whole = List.of(new Moments(100, 50, 5), new Moments(100, 70, 9));
        List<OverlapStats> empty = List.of(new OverlapStats(0, 1, Moments.EMPTY, Moments.EMPTY));
        GainOffsetModel m = GlobalRegression.solve(
                new GlobalRegressionProblem(names, whole, empty, modelImages("A")));
        assertEquals(List.of(List.of("B")), m.unanchoredGroups());
        assertGainOffset(1, 0, m.gainOffset("B"), 1e-9);
        assertEquals(4, m.rowCount());
    }

    // --- Rank deficiency -------------------------------------------------------------------

    /**
     * B is constant (std 0): its rows only fix {@code 50·a_B + b_B}, so (a_B, b_B) has a free
     * direction and must come out nearest to (1, 0): {@code (a − 1, b) = λ·(50, 1)}.
     */
    private static GainOffsetModel constantImageBeside(GlobalRegressionSettings settings) {
        List<String> names = List.of("A", "B");
        List<Moments> whole = List.of(new Moments(1000, 100, 10), new Moments(1000, 50, 0));
        List<OverlapStats> overlaps = List.of(
                new OverlapStats(0, 1, new Moments(400, 100, 10), new Moments(400, 50, 0)));
        return GlobalRegression.solve(new GlobalRegressionProblem(names, whole, overlaps, settings));
    }

    @Test
    void constantImageGetsTheCorrectionNearestTheIdentity() {
        GainOffsetModel m = constantImageBeside(modelImages("A"));
        // The pair's std row 400·(10·a_A − 0·a_B) = 0 pulls A's gain toward 0 against its anchor
        // 100·10·(a_A − 1) = 0 (p = 400/4): a_A = 1/17; A's mean anchor holds exactly.
        GainOffset a = m.gainOffset("A");
        assertGainOffset(1.0 / 17, 100 - 100.0 / 17, a, 1e-9);
        double target = a.apply(100); // = 100: B's mean must match A's corrected mean
        double lambda = (target - 50) / 2501;
        assertGainOffset(1 + 50 * lambda, lambda, m.gainOffset("B"), 1e-12);
        assertEquals(target, m.gainOffset("B").apply(50), 1e-8);
    }

    @Test
    void withoutStdRowsTheModelImageIsKeptAndTheConstantImageStillNearestIdentity() {
        GainOffsetModel m = constantImageBeside(modelImages("A").withStdFactor(0));
        assertGainOffset(1, 0, m.gainOffset("A"), 1e-9);
        assertEquals(1 + 2500.0 / 2501, m.gainOffset("B").gain(), 1e-12);
        assertEquals(50.0 / 2501, m.gainOffset("B").offset(), 1e-12);
        assertEquals(100, m.gainOffset("B").apply(50), 1e-8);
    }

    @Test
    void largeGridWithOneModelImageIsSolvedExactly() {
        // 40 × 40 images, each overlapping its right and lower neighbours; noise-free radiometry
        // x = g·t + o of a common scene, realistic magnitudes. Every image maps onto the model.
        int side = 40;
        int n = side * side;
        java.util.Random rnd = new java.util.Random(5);
        double[] gain = new double[n];
        double[] offset = new double[n];
        List<String> names = new java.util.ArrayList<>();
        List<Moments> whole = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            names.add("tile" + k);
            gain[k] = 0.7 + 0.6 * rnd.nextDouble();
            offset[k] = -500 + 1000 * rnd.nextDouble();
            double sceneMean = 3000 + 2000 * rnd.nextDouble();
            double sceneStd = 100 + 400 * rnd.nextDouble();
            whole.add(new Moments(25_000_000, gain[k] * sceneMean + offset[k], gain[k] * sceneStd));
        }
        List<OverlapStats> overlaps = new java.util.ArrayList<>();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int k = r * side + c;
                for (int other : new int[] {c + 1 < side ? k + 1 : -1, r + 1 < side ? k + side : -1}) {
                    if (other < 0) {
                        continue;
                    }
                    long count = 1_000_000 + rnd.nextInt(3_000_000);
                    double mu = 3000 + 2000 * rnd.nextDouble();
                    double sigma = 100 + 400 * rnd.nextDouble();
                    overlaps.add(new OverlapStats(k, other,
                            new Moments(count, gain[k] * mu + offset[k], gain[k] * sigma),
                            new Moments(count, gain[other] * mu + offset[other], gain[other] * sigma)));
                }
            }
        }
        int model = n / 2 + side / 2;
        long start = System.nanoTime();
        GainOffsetModel m = GlobalRegression.solve(new GlobalRegressionProblem(names, whole, overlaps,
                modelImages(names.get(model))));
        long millis = (System.nanoTime() - start) / 1_000_000;

        for (int k = 0; k < n; k++) {
            double a = gain[model] / gain[k];
            assertEquals(a, m.gainOffset(k).gain(), 1e-9 * a, "gain of " + k);
            assertEquals(offset[model] - a * offset[k], m.gainOffset(k).offset(), 1e-9 * 1000, "offset of " + k);
        }
        assertTrue(millis < 20_000, "took " + millis + " ms");
    }

    // --- Multi-band facade and validation --------------------------------------------------

    @Test
    void bandsAreSolvedIndependently() {
        SyntheticScene band0 = new SyntheticScene(SCENE);
        band0.image("A", 1, 0, band0.range(0, 6));
        band0.image("B", 2, 10, band0.range(3, 9));
        SyntheticScene band1 = new SyntheticScene(SCENE);
        band1.image("A", 1, 0, band1.range(0, 6));
        band1.image("B", 1, 100, band1.range(3, 9));
        GlobalRegressionSettings settings = modelImages("A");

        List<GainOffsetModel> models = GlobalRegression.solveBands(band0.names(),
                List.of(band0.whole(), band1.whole()), List.of(band0.overlaps(), band1.overlaps()), settings);

        assertEquals(2, models.size());
        assertGainOffset(0.5, -5, models.get(0).gainOffset("B"), 1e-9);
        assertGainOffset(1, -100, models.get(1).gainOffset("B"), 1e-9);
        assertEquals(GlobalRegression.solve(band1.problem(settings)), models.get(1));
        assertThrows(IllegalArgumentException.class, () -> GlobalRegression.solveBands(band0.names(),
                List.of(band0.whole()), List.of(band0.overlaps(), band1.overlaps()), settings));
    }

    @Test
    void malformedProblemsAreRejected() {
        List<String> names = List.of("A", "B");
        List<Moments> whole = List.of(new Moments(10, 1, 1), new Moments(10, 2, 1));
        OverlapStats ab = new OverlapStats(0, 1, new Moments(5, 1, 1), new Moments(5, 2, 1));
        OverlapStats ba = new OverlapStats(1, 0, new Moments(5, 2, 1), new Moments(5, 1, 1));

        assertThrows(IllegalArgumentException.class, () -> GlobalRegressionProblem.of(names, whole, List.of(ab, ba)));
        assertThrows(IllegalArgumentException.class, () -> GlobalRegressionProblem.of(List.of("A", "A"), whole, List.of()));
        assertThrows(IllegalArgumentException.class, () -> GlobalRegressionProblem.of(names, whole.subList(0, 1), List.of()));
        assertThrows(IllegalArgumentException.class, () -> GlobalRegressionProblem.of(names, whole,
                List.of(new OverlapStats(0, 2, new Moments(5, 1, 1), new Moments(5, 2, 1)))));
        assertThrows(IllegalArgumentException.class, () -> GlobalRegressionProblem.of(names,
                List.of(new Moments(10, Double.NaN, 1), new Moments(10, 2, 1)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OverlapStats(0, 1, new Moments(5, 1, 1), new Moments(4, 2, 1)));
        assertThrows(IllegalArgumentException.class, () -> new OverlapStats(1, 1, new Moments(5, 1, 1), new Moments(5, 2, 1)));
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> GlobalRegressionProblem.of(names, whole, List.of()).withSettings(modelImages("Z")));
        assertTrue(typo.getMessage().contains("[Z]"), typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GlobalRegressionSettings.DEFAULT.withMeanFactor(-1));
    }

    @Test
    void modelImageSelectionResolvesByName() {
        List<String> names = List.of("A", "B", "C");
        assertEquals(List.of(0, 1, 2), List.copyOf(ModelImageSelection.ALL.resolve(names)));
        assertEquals(List.of(1), List.copyOf(ModelImageSelection.include("B").resolve(names)));
        assertEquals(List.of(0, 2), List.copyOf(ModelImageSelection.exclude("B").resolve(names)));
    }
}
