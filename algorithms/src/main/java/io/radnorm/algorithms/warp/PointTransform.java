package io.radnorm.algorithms.warp;

/**
 * A map from one CRS's coordinates to another's (x = east/longitude first), applied in place to
 * interleaved (x, y) pairs. A point without an image (outside the projection's domain) becomes NaN.
 */
@FunctionalInterface
public interface PointTransform {

    /** Transforms {@code count} points of {@code xy} (x0, y0, x1, y1, …) in place. */
    void transform(double[] xy, int count);

    /** The identity: both grids are in one CRS. */
    PointTransform IDENTITY = (xy, count) -> { };
}
