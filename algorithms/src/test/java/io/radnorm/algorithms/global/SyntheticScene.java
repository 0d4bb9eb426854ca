package io.radnorm.algorithms.global;

import io.radnorm.algorithms.stats.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test fixture: images of one common scene t, each covering some scene pixels (its footprint)
 * with radiometry {@code x = gain·t + offset}; statistics computed from the literal values.
 */
final class SyntheticScene {

    private final double[] scene;
    private final List<String> names = new ArrayList<>();
    private final List<int[]> footprints = new ArrayList<>();
    private final List<double[]> radiometry = new ArrayList<>();

    SyntheticScene(double... scene) {
        this.scene = scene;
    }

    /** Adds an image covering the given scene pixels; returns its index. */
    int image(String name, double gain, double offset, int... pixels) {
        names.add(name);
        footprints.add(pixels);
        radiometry.add(new double[] {gain, offset});
        return names.size() - 1;
    }

    /** Scene pixels from {@code from} (inclusive) to {@code to} (exclusive), wrapping around. */
    int[] range(int from, int to) {
        int n = Math.floorMod(to - from, scene.length);
        int[] out = new int[n == 0 ? scene.length : n];
        for (int k = 0; k < out.length; k++) {
            out[k] = (from + k) % scene.length;
        }
        return out;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    double value(int image, int pixel) {
        double[] go = radiometry.get(image);
        return go[0] * scene[pixel] + go[1];
    }

    Moments whole(int image) {
        int[] fp = footprints.get(image);
        double[] v = new double[fp.length];
        for (int k = 0; k < fp.length; k++) {
            v[k] = value(image, fp[k]);
        }
        return Moments.of(v);
    }

    List<Moments> whole() {
        List<Moments> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            out.add(whole(k));
        }
        return out;
    }

    /** Every pair sharing at least one scene pixel, with statistics over the shared pixels. */
    List<OverlapStats> overlaps() {
        List<OverlapStats> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Set<Integer> common = new TreeSet<>();
                for (int p : footprints.get(i)) {
                    common.add(p);
                }
                Set<Integer> inJ = new TreeSet<>();
                for (int p : footprints.get(j)) {
                    inJ.add(p);
                }
                common.retainAll(inJ);
                if (common.isEmpty()) {
                    continue;
                }
                double[] vi = new double[common.size()];
                double[] vj = new double[common.size()];
                int k = 0;
                for (int p : common) {
                    vi[k] = value(i, p);
                    vj[k] = value(j, p);
                    k++;
                }
                out.add(new OverlapStats(i, j, Moments.of(vi), Moments.of(vj)));
            }
        }
        return out;
    }

    GlobalRegressionProblem problem(GlobalRegressionSettings settings) {
        return new GlobalRegressionProblem(names(), whole(), overlaps(), settings);
    }
}
