package io.radnorm.algorithms.global;

import io.radnorm.algorithms.stats.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test and benchmark fixture: the statistics of {@code rows × cols} images laid out in a grid,
 * each overlapping its 8 neighbours, all seeing one scene through a known radiometry
 * {@code x = gain_k·t + offset_k}. No pixel exists: the scene's moments over each overlap and each
 * image are drawn at random, and the images' moments follow exactly (a·t + b has mean a·μ + b and
 * std a·σ), optionally with relative noise on the overlap moments.
 *
 * <p>With {@code referenceStep} r &gt; 0, the images in every r-th row and column (row and column
 * indices multiples of r) are calibrated references: gain 1, offset 0. Made the model images, they
 * define the truth: the correction of image k is exactly {@code (1/gain_k, −offset_k/gain_k)}
 * when the statistics are exact, as every row then holds. (With every image a model image, the
 * default, each image is also anchored to its own statistics and the solution is a compromise
 * that no known gain describes.)
 */
public final class SyntheticOverlapGraph {

    private final int rows;
    private final int cols;
    private final double[] gains;
    private final double[] offsets;
    private final List<String> names = new ArrayList<>();
    private final List<Moments> whole = new ArrayList<>();
    private final List<OverlapStats> overlaps = new ArrayList<>();
    private final List<String> references = new ArrayList<>();

    /**
     * @param noise relative noise on the overlap means and stds (0: exact)
     * @param edgePixels pixels shared with an edge neighbour (a corner neighbour shares a tenth)
     */
    public SyntheticOverlapGraph(int rows, int cols, long seed, double noise, long edgePixels) {
        this(rows, cols, seed, noise, edgePixels, 0);
    }

    public SyntheticOverlapGraph(int rows, int cols, long seed, double noise, long edgePixels, int referenceStep) {
        this.rows = rows;
        this.cols = cols;
        int n = rows * cols;
        Random rnd = new Random(seed);
        gains = new double[n];
        offsets = new double[n];
        for (int k = 0; k < n; k++) {
            gains[k] = 0.5 + rnd.nextDouble();
            offsets[k] = 200 * rnd.nextGaussian();
            if (referenceStep > 0 && (k / cols) % referenceStep == 0 && (k % cols) % referenceStep == 0) {
                gains[k] = 1;
                offsets[k] = 0;
                references.add("img" + k);
            }
            names.add("img" + k);
            double mu = 500 + 1000 * rnd.nextDouble();
            double sigma = 50 + 150 * rnd.nextDouble();
            whole.add(new Moments(100 * edgePixels, gains[k] * mu + offsets[k], gains[k] * sigma));
        }
        int[][] forward = {{0, 1}, {1, -1}, {1, 0}, {1, 1}};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                for (int[] step : forward) {
                    int r2 = r + step[0];
                    int c2 = c + step[1];
                    if (r2 >= rows || c2 < 0 || c2 >= cols) {
                        continue;
                    }
                    int j = r2 * cols + c2;
                    long count = step[0] != 0 && step[1] != 0 ? Math.max(1, edgePixels / 10) : edgePixels;
                    double mu = 500 + 1000 * rnd.nextDouble();
                    double sigma = 50 + 150 * rnd.nextDouble();
                    overlaps.add(new OverlapStats(i, j, moments(count, mu, sigma, i, noise, rnd),
                            moments(count, mu, sigma, j, noise, rnd)));
                }
            }
        }
    }

    private Moments moments(long count, double mu, double sigma, int k, double noise, Random rnd) {
        double m = gains[k] * mu + offsets[k];
        double s = gains[k] * sigma;
        return new Moments(count, m * (1 + noise * rnd.nextGaussian()), s * (1 + noise * rnd.nextGaussian()));
    }

    public int imageCount() {
        return rows * cols;
    }

    public double gain(int k) {
        return gains[k];
    }

    public double offset(int k) {
        return offsets[k];
    }

    public List<String> names() {
        return names;
    }

    public List<Moments> whole() {
        return whole;
    }

    public List<OverlapStats> overlaps() {
        return overlaps;
    }

    /** The calibrated reference images (empty without a reference step). */
    public List<String> references() {
        return references;
    }

    /** Settings with the references as model images. */
    public GlobalRegressionSettings referencesAsModels(GlobalRegressionSettings settings) {
        return settings.withModelImages(ModelImageSelection.include(references));
    }

    /**
     * Largest error against the truth of a references run: max over k of
     * |a_k·gain_k − 1|·2000 + |a_k·offset_k + b_k| (scene units over a value range of 2000).
     */
    public double maxErrorAgainstReferences(GainOffsetModel model) {
        double worst = 0;
        for (int k = 0; k < imageCount(); k++) {
            GainOffset go = model.gainOffset(k);
            worst = Math.max(worst, Math.abs(go.gain() * gains[k] - 1) * 2000
                    + Math.abs(go.gain() * offsets[k] + go.offset()));
        }
        return worst;
    }

    public GlobalRegressionProblem problem(GlobalRegressionSettings settings) {
        return new GlobalRegressionProblem(names, whole, overlaps, settings);
    }

}
