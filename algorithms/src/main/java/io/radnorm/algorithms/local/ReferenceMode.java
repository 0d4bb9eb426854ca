package io.radnorm.algorithms.local;

import java.util.Locale;

/** Which reference block map each image is brought to. */
public enum ReferenceMode {
    /** Per image, compared with the others over the same pixels ({@link OverlapReferenceMaps}); the default. */
    OVERLAP,
    /** One map for all, the mean of the local maps (Yu et al., spectralmatch). */
    MEAN;

    public static ReferenceMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--reference takes overlap or mean, not '" + name + "'");
        }
    }
}
