package io.radnorm.algorithms.global;

import io.radnorm.algorithms.stats.Moments;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The input of the global regression for one band: the images, their whole-image statistics,
 * the statistics of every overlapping pair, and the settings. Several bands are several problems
 * (see {@link GlobalRegression#solveBands}).
 *
 * <p>Validated on construction, so a solver never meets malformed input: names unique and
 * non-null, one {@link Moments} per image, overlap indices in range, each unordered pair at most
 * once (a pair listed twice would silently count double), finite statistics wherever the count is
 * positive, and model image names that exist.
 *
 * <p>Pairs with count 0 (footprints intersect but no pixel is valid in both) are accepted and
 * ignored by the solver, and so are the whole statistics of an image with no valid pixel.
 *
 * @param names image names, in the order the indices refer to
 * @param whole whole-image moments over each image's valid pixels, by image index
 * @param overlaps overlap moments, one entry per overlapping unordered pair
 * @param settings factors, model images and unanchored policy
 */
public record GlobalRegressionProblem(
        List<String> names,
        List<Moments> whole,
        List<OverlapStats> overlaps,
        GlobalRegressionSettings settings) implements Serializable {

    public GlobalRegressionProblem {
        names = List.copyOf(names);
        whole = List.copyOf(whole);
        overlaps = List.copyOf(overlaps);
        Objects.requireNonNull(settings, "settings");
        int n = names.size();
        if (new HashSet<>(names).size() != n) {
            throw new IllegalArgumentException("image names must be unique: " + names);
        }
        if (whole.size() != n) {
            throw new IllegalArgumentException(n + " images but " + whole.size() + " whole-image statistics");
        }
        for (int k = 0; k < n; k++) {
            requireFinite(whole.get(k), "whole-image statistics of " + names.get(k));
        }
        Set<Long> seen = new HashSet<>();
        for (OverlapStats o : overlaps) {
            if (o.i() >= n || o.j() >= n) {
                throw new IllegalArgumentException(
                        "overlap (" + o.i() + ", " + o.j() + ") refers to an image beyond the " + n + " given");
            }
            long key = (long) Math.min(o.i(), o.j()) * n + Math.max(o.i(), o.j());
            if (!seen.add(key)) {
                throw new IllegalArgumentException(
                        "overlap of " + names.get(o.i()) + " and " + names.get(o.j()) + " is listed twice");
            }
            String what = "overlap statistics of " + names.get(o.i()) + " and " + names.get(o.j());
            requireFinite(o.ofI(), what);
            requireFinite(o.ofJ(), what);
        }
        settings.modelImages().resolve(names);
    }

    /** A problem with {@link GlobalRegressionSettings#DEFAULT default settings}. */
    public static GlobalRegressionProblem of(List<String> names, List<Moments> whole, List<OverlapStats> overlaps) {
        return new GlobalRegressionProblem(names, whole, overlaps, GlobalRegressionSettings.DEFAULT);
    }

    public GlobalRegressionProblem withSettings(GlobalRegressionSettings settings) {
        return new GlobalRegressionProblem(names, whole, overlaps, settings);
    }

    public int imageCount() {
        return names.size();
    }

    /** Indices of the model images, ascending. */
    public Set<Integer> modelImages() {
        return settings.modelImages().resolve(names);
    }

    private static void requireFinite(Moments m, String what) {
        if (m.count() > 0 && !(Double.isFinite(m.mean()) && Double.isFinite(m.std()))) {
            throw new IllegalArgumentException(what + " are not finite: " + m);
        }
    }
}
