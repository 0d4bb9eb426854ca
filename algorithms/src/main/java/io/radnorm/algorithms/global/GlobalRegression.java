package io.radnorm.algorithms.global;

import io.radnorm.algorithms.stats.Moments;
import java.util.ArrayList;
import java.util.List;

/**
 * Static entry points of the global regression; see {@link GlobalRegressionSolver} for the model
 * and its semantics.
 */
public final class GlobalRegression {

    private GlobalRegression() {
    }

    /**
     * Solves one band.
     *
     * @throws UnanchoredImagesException under {@link UnanchoredPolicy#REFUSE} when some images
     *     connect to no model image
     */
    public static GainOffsetModel solve(GlobalRegressionProblem problem) {
        return new GlobalRegressionSolver(problem).getModel();
    }

    /**
     * Solves every band independently, with the same images and settings.
     *
     * @param names image names, in index order
     * @param wholeByBand {@code wholeByBand.get(b).get(i)}: whole-image moments of image i in band b
     * @param overlapsByBand {@code overlapsByBand.get(b)}: the overlap statistics of band b
     * @return one model per band, in band order
     * @throws IllegalArgumentException if the two lists disagree on the number of bands
     */
    public static List<GainOffsetModel> solveBands(
            List<String> names,
            List<List<Moments>> wholeByBand,
            List<List<OverlapStats>> overlapsByBand,
            GlobalRegressionSettings settings) {
        if (wholeByBand.size() != overlapsByBand.size()) {
            throw new IllegalArgumentException("whole statistics for " + wholeByBand.size()
                    + " bands but overlap statistics for " + overlapsByBand.size());
        }
        List<GainOffsetModel> out = new ArrayList<>(wholeByBand.size());
        for (int b = 0; b < wholeByBand.size(); b++) {
            out.add(solve(new GlobalRegressionProblem(names, wholeByBand.get(b), overlapsByBand.get(b), settings)));
        }
        return List.copyOf(out);
    }
}
