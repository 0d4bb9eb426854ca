package io.radnorm.algorithms.global;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which images are model images — the ones whose whole-image statistics anchor the solution — by
 * name: all of them (the default), only the listed ones, or all but the listed ones.
 *
 * <p>Listing one image with {@link #include} matches every other image to it; excluding an image
 * lets it be corrected without pulling the others toward its radiometry (a hazy or odd scene).
 * Names must exist: a typo would otherwise silently change which images anchor the model.
 *
 * @param mode how {@code names} select
 * @param names the listed image names; empty for {@link Mode#ALL}
 */
public record ModelImageSelection(Mode mode, Set<String> names) implements Serializable {

    public enum Mode { ALL, INCLUDE, EXCLUDE }

    /** Every image is a model image. */
    public static final ModelImageSelection ALL = new ModelImageSelection(Mode.ALL, Set.of());

    public ModelImageSelection {
        Objects.requireNonNull(mode, "mode");
        // Keep the caller's order for messages; reject nulls like Set.copyOf would.
        names = Collections.unmodifiableSet(new LinkedHashSet<>(List.copyOf(names)));
        if (mode == Mode.ALL && !names.isEmpty()) {
            throw new IllegalArgumentException("mode ALL takes no names: " + names);
        }
    }

    public static ModelImageSelection include(Collection<String> names) {
        return new ModelImageSelection(Mode.INCLUDE, new LinkedHashSet<>(names));
    }

    public static ModelImageSelection include(String... names) {
        return include(Arrays.asList(names));
    }

    public static ModelImageSelection exclude(Collection<String> names) {
        return new ModelImageSelection(Mode.EXCLUDE, new LinkedHashSet<>(names));
    }

    public static ModelImageSelection exclude(String... names) {
        return exclude(Arrays.asList(names));
    }

    /**
     * Indices of the model images among {@code imageNames}, ascending.
     *
     * @throws IllegalArgumentException if a listed name is not among {@code imageNames}
     */
    public Set<Integer> resolve(List<String> imageNames) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!imageNames.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("model image selection names unknown images " + unknown
                    + "; image names are the input file names without extension");
        }
        Set<Integer> out = new TreeSet<>();
        for (int k = 0; k < imageNames.size(); k++) {
            boolean listed = names.contains(imageNames.get(k));
            if (mode == Mode.ALL || mode == Mode.INCLUDE && listed || mode == Mode.EXCLUDE && !listed) {
                out.add(k);
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
