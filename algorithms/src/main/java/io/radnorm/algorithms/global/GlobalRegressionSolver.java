package io.radnorm.algorithms.global;

import io.radnorm.algorithms.OverlapComponents;
import io.radnorm.algorithms.lsq.ConjugateGradientSolver;
import io.radnorm.algorithms.lsq.LeastSquaresSystem;
import io.radnorm.algorithms.lsq.LinearLeastSquaresSolver;
import io.radnorm.algorithms.lsq.NormalEquationsSolver;
import io.radnorm.algorithms.stats.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Solves one band's global regression: a gain a_i and offset b_i per image such that, after
 * {@code a_i·x + b_i}, overlapping images agree in mean and standard deviation, and the model
 * images keep their overall statistics.
 *
 * <p><b>Model.</b> One linear least-squares problem in the 2N unknowns {@code (a_0, b_0, a_1, …)}.
 * Every overlapping pair (i, j) with n_ij &gt; 0 common valid pixels contributes two rows, weighted
 * by n_ij so that large overlaps count more:
 *
 * <pre>
 *   n_ij·w_m·(mean_i·a_i + b_i − mean_j·a_j − b_j) = 0
 *   n_ij·w_s·(std_i·a_i − std_j·a_j)               = 0</pre>
 *
 * where mean_i, std_i are image i's statistics over the overlap and mean_j, std_j image j's over
 * the same pixels; w_m, w_s are the mean and std factors. These rows only relate images: scaling
 * every corrected image by the same gain, or shifting them all by the same offset, leaves them
 * satisfied. Anchor rows fix that freedom — each model image k adds
 *
 * <pre>
 *   p·(mean_k·a_k + b_k) = p·mean_k
 *   p·(std_k·a_k)        = p·std_k</pre>
 *
 * with its whole-image statistics: "keep your own mean and std". They cannot all hold together
 * with the overlap rows, so the solution settles at the model images' central tendency. The
 * weight {@code p = Σ n_ij / (2N)} (over the pairs used, each unordered pair once; 1 when nothing
 * overlaps) balances anchors against overlaps independently of image size. Statistics are
 * population (divisor n) moments throughout.
 *
 * <p>Pairs between two non-model images are used too: they carry the correction from the model
 * images to images two or more overlaps away. Model images only decide which anchor rows exist.
 *
 * <p><b>Unanchored images.</b> An overlap-graph component with no model image has no anchor row,
 * so its common gain and offset are undetermined. Under {@link UnanchoredPolicy#REFUSE} the solver
 * throws {@link UnanchoredImagesException}; under {@link UnanchoredPolicy#ANCHOR_TO_OWN_STATS}
 * every image of the component gets anchor rows (same p), as if all were model images, and the
 * component is reported in {@link GainOffsetModel#unanchoredGroups()}. An image that overlaps
 * nothing and is no model image is such a component: its anchor rows give it the identity.
 *
 * <p><b>Solution.</b> Exact linear least squares; where the rows leave directions undetermined
 * (an image with std 0 makes its gain free; a zero mean or std factor removes rows) the solution
 * nearest to the identity {@code (a, b) = (1, 0)} of every image, i.e.
 * {@code x = x0 + pinv(A)·(y − A·x0)}, by the dense {@link NormalEquationsSolver} or, for many
 * images, the sparse {@link ConjugateGradientSolver} (the same point; see
 * {@link GlobalRegressionSettings#solver()}). The reference (spectralmatch) runs an iterative nonlinear
 * solver from the same x0 and reaches the same point only approximately.
 *
 * <p>Usage: {@code new GlobalRegressionSolver(problem).getModel()}, or
 * {@link GlobalRegression#solve}. The model is computed on first request and kept.
 */
public final class GlobalRegressionSolver {

    private final GlobalRegressionProblem problem;
    private LinearLeastSquaresSolver leastSquaresSolver;
    private GainOffsetModel model;

    public GlobalRegressionSolver(GlobalRegressionProblem problem) {
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * Replaces the solver {@link GlobalRegressionSettings#solver()} chooses (dense
     * {@link NormalEquationsSolver} or sparse {@link ConjugateGradientSolver}).
     */
    public void setLeastSquaresSolver(LinearLeastSquaresSolver leastSquaresSolver) {
        this.leastSquaresSolver = Objects.requireNonNull(leastSquaresSolver, "leastSquaresSolver");
        this.model = null;
    }

    /**
     * @throws UnanchoredImagesException under {@link UnanchoredPolicy#REFUSE} when some images
     *     connect to no model image
     */
    public GainOffsetModel getModel() {
        if (model == null) {
            model = computeModel();
        }
        return model;
    }

    private GainOffsetModel computeModel() {
        int n = problem.imageCount();
        List<OverlapStats> used = new ArrayList<>();
        for (OverlapStats o : problem.overlaps()) {
            // Intersecting footprints with no common valid pixel relate nothing.
            if (o.count() > 0) {
                used.add(o);
            }
        }

        boolean[] anchored = new boolean[n];
        for (int k : problem.modelImages()) {
            anchored[k] = true;
        }
        List<List<String>> unanchoredGroups = unanchoredGroups(used, anchored);
        if (!unanchoredGroups.isEmpty() && problem.settings().unanchoredPolicy() == UnanchoredPolicy.REFUSE) {
            throw new UnanchoredImagesException(unanchoredGroups);
        }

        LeastSquaresSystem system = buildSystem(used, anchored);
        double[] x0 = new double[2 * n];
        for (int k = 0; k < n; k++) {
            x0[2 * k] = 1;
        }
        double[] x = leastSquaresSolver().solve(system, x0);
        List<GainOffset> gainOffsets = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            if (!(Double.isFinite(x[2 * k]) && Double.isFinite(x[2 * k + 1]))) {
                throw new ArithmeticException("global regression gave a non-finite correction for " + problem.names().get(k));
            }
            gainOffsets.add(new GainOffset(x[2 * k], x[2 * k + 1]));
        }
        return new GainOffsetModel(problem.names(), gainOffsets, unanchoredGroups,
                system.rowCount(), system.residualNorm(x));
    }

    private LinearLeastSquaresSolver leastSquaresSolver() {
        if (leastSquaresSolver != null) {
            return leastSquaresSolver;
        }
        return switch (problem.settings().solver()) {
            case DENSE -> new NormalEquationsSolver();
            case SPARSE -> new ConjugateGradientSolver();
            case AUTO -> problem.imageCount() >= LeastSquaresMethod.AUTO_SPARSE_THRESHOLD
                    ? new ConjugateGradientSolver() : new NormalEquationsSolver();
        };
    }

    /**
     * The components without a model image, as names; marks their images in {@code anchored},
     * since under the anchoring policy they all get anchor rows.
     */
    private List<List<String>> unanchoredGroups(List<OverlapStats> used, boolean[] anchored) {
        OverlapComponents components = new OverlapComponents(anchored.length);
        for (OverlapStats o : used) {
            components.connect(o.i(), o.j());
        }
        List<List<String>> groups = new ArrayList<>();
        for (int[] component : components.components()) {
            boolean hasModel = false;
            for (int k : component) {
                hasModel |= anchored[k];
            }
            if (!hasModel) {
                List<String> group = new ArrayList<>();
                for (int k : component) {
                    group.add(problem.names().get(k));
                    anchored[k] = true;
                }
                groups.add(group);
            }
        }
        return groups;
    }

    private LeastSquaresSystem buildSystem(List<OverlapStats> used, boolean[] anchored) {
        int n = problem.imageCount();
        double meanFactor = problem.settings().meanFactor();
        double stdFactor = problem.settings().stdFactor();
        LeastSquaresSystem system = new LeastSquaresSystem(2 * n);
        double totalOverlap = 0;
        for (OverlapStats o : used) {
            int ai = 2 * o.i();
            int aj = 2 * o.j();
            double wm = o.count() * meanFactor;
            double ws = o.count() * stdFactor;
            system.addRow(0, new int[] {ai, ai + 1, aj, aj + 1},
                    new double[] {wm * o.ofI().mean(), wm, -wm * o.ofJ().mean(), -wm});
            system.addRow(0, new int[] {ai, aj},
                    new double[] {ws * o.ofI().std(), -ws * o.ofJ().std()});
            totalOverlap += o.count();
        }
        double p = totalOverlap == 0 ? 1 : totalOverlap / (2.0 * n);
        for (int k = 0; k < n; k++) {
            Moments whole = problem.whole().get(k);
            // An image without a valid pixel has nothing to anchor; it overlaps nothing either,
            // so it keeps the identity.
            if (!anchored[k] || whole.count() == 0) {
                continue;
            }
            system.addRow(p * whole.mean(), new int[] {2 * k, 2 * k + 1}, new double[] {p * whole.mean(), p});
            system.addRow(p * whole.std(), new int[] {2 * k}, new double[] {p * whole.std()});
        }
        return system;
    }
}
