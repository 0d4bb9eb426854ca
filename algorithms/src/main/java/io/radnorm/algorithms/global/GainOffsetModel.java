package io.radnorm.algorithms.global;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The solution of one band's global regression: a {@link GainOffset} per image, and what the
 * solver had to decide or could not satisfy.
 *
 * @param names image names, in problem order
 * @param gainOffsets the correction of each image, by index
 * @param unanchoredGroups the overlap-graph components that contained no model image and were
 *     anchored to their own statistics, each as image names in index order; empty when every image
 *     is connected to a model image
 * @param rowCount rows of the least-squares system (two per used overlap, two per anchored image)
 * @param residualNorm ‖A·x − y‖₂ of the weighted system at the solution: 0 when overlaps and
 *     anchors are all consistent, growing with noise and disagreement; comparable only between
 *     runs with similar pixel counts, since rows are weighted by them
 */
public record GainOffsetModel(
        List<String> names,
        List<GainOffset> gainOffsets,
        List<List<String>> unanchoredGroups,
        int rowCount,
        double residualNorm) implements Serializable {

    public GainOffsetModel {
        names = List.copyOf(names);
        gainOffsets = List.copyOf(gainOffsets);
        List<List<String>> groups = new ArrayList<>();
        for (List<String> g : unanchoredGroups) {
            groups.add(List.copyOf(g));
        }
        unanchoredGroups = List.copyOf(groups);
        if (names.size() != gainOffsets.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + gainOffsets.size() + " corrections");
        }
    }

    public GainOffset gainOffset(int image) {
        return gainOffsets.get(image);
    }

    /** @throws NoSuchElementException if there is no image of that name */
    public GainOffset gainOffset(String name) {
        int k = names.indexOf(name);
        if (k < 0) {
            throw new NoSuchElementException("no image named " + name);
        }
        return gainOffsets.get(k);
    }

    /** All images of {@link #unanchoredGroups()}, in group order. */
    public List<String> unanchoredImages() {
        List<String> out = new ArrayList<>();
        unanchoredGroups.forEach(out::addAll);
        return List.copyOf(out);
    }
}
