package io.radnorm.algorithms.local;

import java.io.Serializable;
import java.util.Objects;

/**
 * The user's choices for the local block adjustment, the same for every image and band (the block
 * grid is chosen separately, see {@link BlockGrid}).
 *
 * @param method how pixels are moved towards the reference ({@link LocalCorrectionMethod})
 * @param alpha a gain on the gamma result, {@code out = α·(x+s)^γ − s} (reference default 1;
 *     ignored by {@link LocalCorrectionMethod#LINEAR}); it scales, it does not blend
 * @param blockValidThreshold τ: a block is empty in an image's local map when the image's valid
 *     pixels in it number fewer than τ × (block area / pixel area) (reference default 0.001)
 * @param weightByCoverage whether interpolation weighs each node by the fraction of its block
 *     that is covered ({@link BlockMapInterpolator}); radnorm's default, not the reference's
 */
public record LocalAdjustmentSettings(
        LocalCorrectionMethod method,
        double alpha,
        double blockValidThreshold,
        boolean weightByCoverage) implements Serializable {

    /** Gamma, α = 1, τ = 0.001, coverage weighting on. */
    public static final LocalAdjustmentSettings DEFAULT =
            new LocalAdjustmentSettings(LocalCorrectionMethod.GAMMA, 1, 0.001, true);

    public LocalAdjustmentSettings {
        Objects.requireNonNull(method, "method");
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0: " + alpha);
        }
        if (!(blockValidThreshold >= 0 && blockValidThreshold <= 1)) {
            throw new IllegalArgumentException("block valid threshold must be in [0, 1]: " + blockValidThreshold);
        }
    }

    public LocalAdjustmentSettings withMethod(LocalCorrectionMethod method) {
        return new LocalAdjustmentSettings(method, alpha, blockValidThreshold, weightByCoverage);
    }

    public LocalAdjustmentSettings withAlpha(double alpha) {
        return new LocalAdjustmentSettings(method, alpha, blockValidThreshold, weightByCoverage);
    }

    public LocalAdjustmentSettings withBlockValidThreshold(double blockValidThreshold) {
        return new LocalAdjustmentSettings(method, alpha, blockValidThreshold, weightByCoverage);
    }

    public LocalAdjustmentSettings withWeightByCoverage(boolean weightByCoverage) {
        return new LocalAdjustmentSettings(method, alpha, blockValidThreshold, weightByCoverage);
    }
}
