package io.radnorm.algorithms.warp;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How the target pixel size is chosen from the inputs' pixel sizes (each already expressed in the
 * target CRS): {@code highest} (the finest, gdalwarp's default for several inputs), {@code average}
 * (the mean), {@code lowest} (the coarsest), or a given value — gdalbuildvrt's
 * {@code -resolution} choices. Chosen per axis.
 */
public record Resolution(Mode mode, double value) implements Serializable {

    public enum Mode { HIGHEST, AVERAGE, LOWEST, VALUE }

    public static Resolution parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "highest" -> new Resolution(Mode.HIGHEST, Double.NaN);
            case "average" -> new Resolution(Mode.AVERAGE, Double.NaN);
            case "lowest" -> new Resolution(Mode.LOWEST, Double.NaN);
            default -> {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("resolution '" + text
                            + "' is not highest, average, lowest or a positive number");
                }
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("resolution " + text + " must be a positive number");
                }
                yield new Resolution(Mode.VALUE, v);
            }
        };
    }

    /**
     * The target (x, y) pixel size.
     *
     * @param sizes each input's (x, y) pixel size in the target CRS, positive
     */
    public double[] choose(List<double[]> sizes) {
        if (mode == Mode.VALUE) {
            return new double[] {value, value};
        }
        double[] out = new double[2];
        for (int axis = 0; axis < 2; axis++) {
            double acc = mode == Mode.HIGHEST ? Double.POSITIVE_INFINITY : mode == Mode.LOWEST ? 0 : 0;
            for (double[] s : sizes) {
                acc = switch (mode) {
                    case HIGHEST -> Math.min(acc, s[axis]);
                    case LOWEST -> Math.max(acc, s[axis]);
                    default -> acc + s[axis];
                };
            }
            out[axis] = mode == Mode.AVERAGE ? acc / sizes.size() : acc;
        }
        return out;
    }

    @Override
    public String toString() {
        return mode == Mode.VALUE ? Double.toString(value) : mode.name().toLowerCase(Locale.ROOT);
    }
}
