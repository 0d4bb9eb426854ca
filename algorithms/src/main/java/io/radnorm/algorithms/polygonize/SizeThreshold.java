package io.radnorm.algorithms.polygonize;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimum polygon size, as {@code vectorize --min-size} takes it: {@code >100} (more than 100
 * pixels), {@code >=100} or plain {@code 100} (at least 100), {@code >95%} / {@code >=95%} (above
 * the 95th percentile of the sizes of the polygons it filters).
 *
 * <p>Percentiles are interpolated linearly between the sorted sizes (numpy's default,
 * {@code numpy.percentile(sizes, p)}); sizes are pixel counts.
 *
 * @param value     the pixel count, or the percentile (0..100)
 * @param percent   whether {@code value} is a percentile
 * @param inclusive {@code >=} rather than {@code >}
 */
public record SizeThreshold(double value, boolean percent, boolean inclusive) implements Serializable {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(>=|>)?\\s*([0-9]*\\.?[0-9]+)\\s*(%)?\\s*");

    public SizeThreshold {
        if (!(value >= 0) || (percent && value > 100)) {
            throw new IllegalArgumentException("min size " + value + (percent ? "%" : "") + " is out of range");
        }
    }

    /** Parses {@code >N}, {@code >=N}, {@code N}, {@code >P%}, {@code >=P%}, {@code P%}. */
    public static SizeThreshold parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("min size must look like >100, >=100, 100 or >95%, not \"" + text + "\"");
        }
        boolean strict = ">".equals(m.group(1));
        return new SizeThreshold(Double.parseDouble(m.group(2)), m.group(3) != null, !strict);
    }

    /** The threshold in pixels, given all the sizes (only read for a percentile). */
    public double pixels(long[] sizes) {
        if (!percent) {
            return value;
        }
        if (sizes.length == 0) {
            return 0;
        }
        long[] s = sizes.clone();
        Arrays.sort(s);
        double pos = value / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Whether a polygon of {@code size} pixels passes a threshold of {@code pixels}. */
    public boolean keeps(long size, double pixels) {
        return inclusive ? size >= pixels : size > pixels;
    }

    @Override
    public String toString() {
        return (inclusive ? ">=" : ">") + (value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : Double.toString(value)) + (percent ? "%" : "");
    }
}
