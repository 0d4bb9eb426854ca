package io.radnorm.algorithms.stats;

/**
 * Receives the pixels a canvas cell contributes, from {@link CellPixels#visit}: every valid pixel
 * an image owns in the cell, and every pixel pair of an overlap (image i's owned pixel and image j
 * sampled at its centre, both valid). Statistics that are built cell by cell implement this.
 */
public interface CellVisitor {

    /** A valid pixel of image {@code image}, band {@code band}, owned by the cell. */
    void pixel(int image, int band, double value);

    /**
     * A pixel of the overlap of i and j (i &lt; j), on i's grid: i's value and j's value sampled at
     * the pixel's centre, whose map coordinates are (x, y).
     */
    void pair(int i, int j, int band, double x, double y, double valueI, double valueJ);

    /** {@code count} valid pixels of one row at once; statistics override this to look themselves up once. */
    default void pixels(int image, int band, double[] values, int count) {
        for (int k = 0; k < count; k++) {
            pixel(image, band, values[k]);
        }
    }

    /** {@code count} overlap pairs of one row (map y) at once, at centres {@code xs}. */
    default void pairs(int i, int j, int band, double y, double[] xs, double[] valuesI, double[] valuesJ, int count) {
        for (int k = 0; k < count; k++) {
            pair(i, j, band, xs[k], y, valuesI[k], valuesJ[k]);
        }
    }
}
