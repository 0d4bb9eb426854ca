package io.radnorm.algorithms.global;

import java.util.ArrayList;
import java.util.List;

/**
 * Thrown under {@link UnanchoredPolicy#REFUSE} when some images are connected to no model image
 * through overlaps, so the regression has nothing to match them to. The message names them and
 * says how to proceed.
 */
public final class UnanchoredImagesException extends IllegalStateException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_NAMES_IN_MESSAGE = 20;

    private final List<List<String>> groups;

    /** @param groups the unanchored components, each as image names */
    public UnanchoredImagesException(List<List<String>> groups) {
        super(message(groups));
        List<List<String>> copy = new ArrayList<>();
        for (List<String> g : groups) {
            copy.add(List.copyOf(g));
        }
        this.groups = List.copyOf(copy);
    }

    /** The unanchored overlap-graph components, each as image names in index order. */
    public List<List<String>> groups() {
        return groups;
    }

    /** Every unanchored image, in group order. */
    public List<String> imageNames() {
        List<String> out = new ArrayList<>();
        groups.forEach(out::addAll);
        return List.copyOf(out);
    }

    private static String message(List<List<String>> groups) {
        int total = groups.stream().mapToInt(List::size).sum();
        StringBuilder listed = new StringBuilder();
        int shown = 0;
        for (List<String> g : groups) {
            if (shown >= MAX_NAMES_IN_MESSAGE) {
                break;
            }
            List<String> part = g.subList(0, Math.min(g.size(), MAX_NAMES_IN_MESSAGE - shown));
            if (listed.length() > 0) {
                listed.append(", ");
            }
            listed.append(part);
            shown += part.size();
        }
        if (shown < total) {
            listed.append(" and ").append(total - shown).append(" more");
        }
        return (total == 1 ? "1 image overlaps" : total + " images overlap")
                + " no model image, directly or through other images, so nothing ties "
                + (total == 1 ? "it" : "them") + " to the model images' radiometry: " + listed
                + " (each [...] is one group of connected images). Use --unanchored anchor to anchor each group"
                + " to its own statistics, or make one image of each group a model image.";
    }
}
