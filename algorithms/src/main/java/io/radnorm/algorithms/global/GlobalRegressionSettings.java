package io.radnorm.algorithms.global;

import java.io.Serializable;
import java.util.Objects;

/**
 * The user's choices for the global regression, the same for every band.
 *
 * @param meanFactor weight w_m of the overlap mean rows (reference default 1)
 * @param stdFactor weight w_s of the overlap std rows (reference default 1)
 * @param modelImages which images anchor the solution
 * @param unanchoredPolicy what to do with images connected to no model image
 * @param solver dense or sparse least squares (same solution, different cost); {@code AUTO} picks
 *     by the number of images
 */
public record GlobalRegressionSettings(
        double meanFactor,
        double stdFactor,
        ModelImageSelection modelImages,
        UnanchoredPolicy unanchoredPolicy,
        LeastSquaresMethod solver) implements Serializable {

    /** Factors 1, every image a model image, unanchored components anchored to themselves. */
    public static final GlobalRegressionSettings DEFAULT =
            new GlobalRegressionSettings(1, 1, ModelImageSelection.ALL, UnanchoredPolicy.ANCHOR_TO_OWN_STATS);

    /** Settings with the {@link LeastSquaresMethod#AUTO automatic} solver choice. */
    public GlobalRegressionSettings(double meanFactor, double stdFactor, ModelImageSelection modelImages,
                                    UnanchoredPolicy unanchoredPolicy) {
        this(meanFactor, stdFactor, modelImages, unanchoredPolicy, LeastSquaresMethod.AUTO);
    }

    public GlobalRegressionSettings {
        if (!(meanFactor >= 0 && Double.isFinite(meanFactor))) {
            throw new IllegalArgumentException("meanFactor must be finite and >= 0: " + meanFactor);
        }
        if (!(stdFactor >= 0 && Double.isFinite(stdFactor))) {
            throw new IllegalArgumentException("stdFactor must be finite and >= 0: " + stdFactor);
        }
        Objects.requireNonNull(modelImages, "modelImages");
        Objects.requireNonNull(unanchoredPolicy, "unanchoredPolicy");
        Objects.requireNonNull(solver, "solver");
    }

    public GlobalRegressionSettings withMeanFactor(double meanFactor) {
        return new GlobalRegressionSettings(meanFactor, stdFactor, modelImages, unanchoredPolicy, solver);
    }

    public GlobalRegressionSettings withStdFactor(double stdFactor) {
        return new GlobalRegressionSettings(meanFactor, stdFactor, modelImages, unanchoredPolicy, solver);
    }

    public GlobalRegressionSettings withModelImages(ModelImageSelection modelImages) {
        return new GlobalRegressionSettings(meanFactor, stdFactor, modelImages, unanchoredPolicy, solver);
    }

    public GlobalRegressionSettings withUnanchoredPolicy(UnanchoredPolicy unanchoredPolicy) {
        return new GlobalRegressionSettings(meanFactor, stdFactor, modelImages, unanchoredPolicy, solver);
    }

    public GlobalRegressionSettings withSolver(LeastSquaresMethod solver) {
        return new GlobalRegressionSettings(meanFactor, stdFactor, modelImages, unanchoredPolicy, solver);
    }
}
