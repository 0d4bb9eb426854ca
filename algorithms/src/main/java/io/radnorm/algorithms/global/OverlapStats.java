package io.radnorm.algorithms.global;

import io.radnorm.algorithms.stats.Moments;
import java.io.Serializable;
import java.util.Objects;

/**
 * Statistics of one overlapping pair in one band, over the pixels valid in both images: the
 * moments of image i's values and of image j's values there. Both have the same count n_ij.
 *
 * @param i index of the first image
 * @param j index of the second image, different from i
 * @param ofI moments of image i's values over the common valid pixels
 * @param ofJ moments of image j's values over the same pixels
 */
public record OverlapStats(int i, int j, Moments ofI, Moments ofJ) implements Serializable {

    public OverlapStats {
        if (i < 0 || j < 0 || i == j) {
            throw new IllegalArgumentException("an overlap needs two distinct image indices: " + i + ", " + j);
        }
        Objects.requireNonNull(ofI, "ofI");
        Objects.requireNonNull(ofJ, "ofJ");
        if (ofI.count() != ofJ.count()) {
            throw new IllegalArgumentException("overlap (" + i + ", " + j + ") counts differ: "
                    + ofI.count() + " vs " + ofJ.count() + "; both must be over the same pixels");
        }
    }

    /** n_ij, the number of pixels valid in both images. */
    public long count() {
        return ofI.count();
    }
}
