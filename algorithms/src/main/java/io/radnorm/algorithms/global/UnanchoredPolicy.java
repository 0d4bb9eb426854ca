package io.radnorm.algorithms.global;

/**
 * What to do with images whose overlap-graph component contains no model image: nothing relates
 * them to the model images, so the regression has no reference for them.
 */
public enum UnanchoredPolicy {

    /**
     * Anchor every image of such a component to its own whole-image statistics, as if all of
     * them were model images: the component is normalized internally and keeps its own central
     * tendency. A lone image that overlaps nothing gets the identity correction.
     */
    ANCHOR_TO_OWN_STATS,

    /** Throw {@link UnanchoredImagesException} naming the images. */
    REFUSE
}
