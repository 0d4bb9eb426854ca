package io.radnorm.algorithms.local;

import io.radnorm.algorithms.correction.PixelCorrection;
import io.radnorm.raster.GeoTransform;
import java.util.Objects;

/**
 * The local block correction of one image: each valid pixel is moved from its image's local mean
 * towards the reference mean, both read off their block maps at the pixel's map position
 * ({@link BlockMapInterpolator}, block centres as nodes) and combined by the
 * {@link LocalCorrectionMethod}.
 *
 * <p>The pixel's map position comes from the image's geotransform: {@code apply} receives
 * pixel-centre coordinates in the image's own grid, as every {@link PixelCorrection} does. Where
 * either map has no node with a mean near the pixel the value is returned unchanged.
 *
 * <p><b>Shift.</b> Each band has one shift s (see {@link LocalCorrectionMethod#shift}), fixed when
 * the correction is built from the smallest value the band can meet: the image's smallest valid
 * value in that band (after its global correction, {@link BlockSums#minimum}) and the smallest
 * means of the two maps in that band. The correction is therefore a pure function of
 * (band, position, value) and the image's statistics: cutting the image into windows, in any way,
 * gives the same output bit for bit. (The reference shifts per window, by that window's minimum,
 * so its output depends on its window size.)
 *
 * <p>Serializable: shipped to the executors that write the image.
 */
public final class LocalBlockCorrection implements PixelCorrection {

    private static final long serialVersionUID = 1L;

    private final BlockMapInterpolator reference;
    private final BlockMapInterpolator local;
    private final GeoTransform transform;
    private final LocalCorrectionMethod method;
    private final double alpha;
    private final double[] shifts;

    /**
     * @param reference the reference block map
     * @param local this image's local block map, same grid and band count (after its global
     *     correction, if any)
     * @param transform this image's geotransform, in the CRS of the block grid
     * @param imageMinimum per band, the image's smallest valid value as this correction will see
     *     it (after the global correction), NaN for a band without data
     */
    public LocalBlockCorrection(BlockMap reference, BlockMap local, GeoTransform transform,
                                double[] imageMinimum, LocalAdjustmentSettings settings) {
        if (!reference.grid().equals(local.grid()) || reference.bandCount() != local.bandCount()) {
            throw new IllegalArgumentException("reference and local maps differ in grid or band count");
        }
        if (imageMinimum.length != local.bandCount()) {
            throw new IllegalArgumentException(imageMinimum.length + " minima for " + local.bandCount() + " bands");
        }
        this.transform = Objects.requireNonNull(transform, "transform");
        this.method = settings.method();
        this.alpha = settings.alpha();
        this.reference = new BlockMapInterpolator(reference, settings.weightByCoverage());
        this.local = new BlockMapInterpolator(local, settings.weightByCoverage());
        this.shifts = new double[local.bandCount()];
        for (int b = 0; b < shifts.length; b++) {
            double smallest = min(imageMinimum[b], min(reference.minimum(b), local.minimum(b)));
            shifts[b] = method.shift(smallest);
        }
    }

    private LocalBlockCorrection(BlockMap reference, BlockMap local, GeoTransform transform, LocalAdjustmentSettings settings,
                                 double[] shifts) {
        if (!reference.grid().equals(local.grid()) || reference.bandCount() != local.bandCount()
                || shifts.length != local.bandCount()) {
            throw new IllegalArgumentException("reference map, local map and shifts differ in grid or band count");
        }
        this.transform = Objects.requireNonNull(transform, "transform");
        this.method = settings.method();
        this.alpha = settings.alpha();
        this.reference = new BlockMapInterpolator(reference, settings.weightByCoverage());
        this.local = new BlockMapInterpolator(local, settings.weightByCoverage());
        this.shifts = shifts.clone();
    }

    /**
     * A correction saved earlier ({@link #referenceMap()}, {@link #localMap()}, {@link #shifts()}),
     * rebuilt exactly: the shifts are taken as they were, not derived again from statistics the
     * caller no longer has (a resumed run applies the very model the interrupted run applied).
     */
    public static LocalBlockCorrection restore(BlockMap reference, BlockMap local, GeoTransform transform,
                                               double[] shifts, LocalAdjustmentSettings settings) {
        return new LocalBlockCorrection(reference, local, transform, settings, shifts);
    }

    /** The block map this image is brought to (the reference, or its own overlap reference). */
    public BlockMap referenceMap() {
        return reference.map();
    }

    /** This image's own (post-global) local block map. */
    public BlockMap localMap() {
        return local.map();
    }

    /** The shift of every band (a copy). */
    public double[] shifts() {
        return shifts.clone();
    }

    /** The smaller of two values, ignoring NaN (NaN only when both are). */
    private static double min(double a, double b) {
        return a != a ? b : b != b ? a : Math.min(a, b);
    }

    /** The shift s of {@code band}. */
    public double shift(int band) {
        return shifts[band];
    }

    public LocalCorrectionMethod method() {
        return method;
    }

    /** M_ref at pixel-centre position (col, row) of the image. */
    public double referenceMean(int band, double col, double row) {
        return reference.valueAt(band, transform.x(col, row), transform.y(col, row));
    }

    /** M_loc at pixel-centre position (col, row) of the image. */
    public double localMean(int band, double col, double row) {
        return local.valueAt(band, transform.x(col, row), transform.y(col, row));
    }

    /**
     * @throws IllegalStateException (gamma) when {@code value + s ≤ 0}: the value is below the
     *     image minimum the correction was built with, i.e. the statistics do not fit the pixels
     */
    @Override
    public double apply(int band, double col, double row, double value) {
        double x = transform.x(col, row), y = transform.y(col, row);
        return correct(band, reference.valueAt(band, x, y), local.valueAt(band, x, y), value);
    }

    /**
     * The bulk form: both means of every valid pixel of the row into two arrays, then the gamma
     * arithmetic over the whole row in one {@link GammaKernel} call (vectorized when the JVM has
     * the Vector API). Where the image has no column rotation a row of pixels lies on one map
     * row, so both block maps are blended vertically once per row ({@link
     * BlockMapInterpolator#alongMapRow}), the pixels' node column positions are computed once
     * for both maps, and the horizontal blend runs block by block over the row (vectorized too,
     * {@code BlockRowKernel}); means are then computed for invalid pixels as well, cheaper than
     * skipping them. Otherwise each pixel's means are interpolated as {@link #apply} does. Same
     * bits as {@link #apply}.
     */
    @Override
    public void applyRow(int band, double row, int col0, double[] values, boolean[] valid, int length) {
        double[][] means = ROW_MEANS.get();
        if (means[0].length < length) {
            means[0] = new double[length];
            means[1] = new double[length];
            means[2] = new double[length];
        }
        double[] r = means[0], l = means[1];
        if (transform.columnRotation() != 0) { // a row of pixels crosses map rows: pixel by pixel
            for (int i = 0; i < length; i++) {
                if (valid[i]) {
                    double col = col0 + i + 0.5, x = transform.x(col, row), y = transform.y(col, row);
                    r[i] = reference.valueAt(band, x, y);
                    l[i] = local.valueAt(band, x, y);
                }
            }
        } else {
            double y = transform.y(col0 + 0.5, row);
            // Both maps share the grid, so the pixels' node column positions are computed once.
            double[] s = means[2];
            reference.nodeColumns(transform, row, col0, s, length);
            reference.alongMapRow(band, y).valuesAtNodeColumns(s, r, length);
            local.alongMapRow(band, y).valuesAtNodeColumns(s, l, length);
        }
        if (method == LocalCorrectionMethod.LINEAR) {
            for (int i = 0; i < length; i++) {
                if (valid[i]) {
                    values[i] = correct(band, r[i], l[i], values[i]);
                }
            }
            return;
        }
        double s = shifts[band];
        int bad = GammaKernel.active().apply(values, valid, r, l, length, s, alpha);
        if (bad >= 0) {
            throw belowMinimum(band, values[bad], s);
        }
    }

    /**
     * Per thread: the two means of a row and the pixels' node column positions (grown as needed;
     * rows are up to a window wide).
     */
    private static final ThreadLocal<double[][]> ROW_MEANS = ThreadLocal.withInitial(() -> new double[][] {{}, {}, {}});

    /** The corrected value of a pixel whose block means are ref and loc (NaN: no mean there). */
    private double correct(int band, double ref, double loc, double value) {
        if (ref != ref || loc != loc) {
            return value;
        }
        double s = shifts[band];
        if (method == LocalCorrectionMethod.LINEAR) {
            return (value + s) * ((ref + s) / (loc + s)) - s;
        }
        if (!(value + s > 0)) {
            throw belowMinimum(band, value, s);
        }
        return GammaKernel.correct(value, ref, loc, s, alpha);
    }

    private static IllegalStateException belowMinimum(int band, double value, double s) {
        return new IllegalStateException("value " + value + " in band " + band
                + " is below the image minimum this correction was built for (shift " + s + ")");
    }
}
