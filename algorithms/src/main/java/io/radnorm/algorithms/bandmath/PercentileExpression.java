package io.radnorm.algorithms.bandmath;

import io.radnorm.algorithms.expr.BandExpression;
import io.radnorm.algorithms.expr.ExpressionSyntaxException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link BandExpression} that may hold percentile terms of the image it is evaluated on:
 * {@code b1 > 95%b1}, {@code (b1 - 2%b1) / (98%b1 - 2%b1)}.
 *
 * <p>A percentile term is a number from 0 to 100 written <em>immediately</em> before {@code %} and
 * a band, with no space: {@code 5%b1}, {@code 99.5%b3}. Anywhere else {@code %} keeps its meaning
 * of the remainder operator: {@code 7 % b2}, {@code b1%2}. A term is a constant per image, found by
 * a histogram pass before the expression is evaluated ({@link PercentileSearch}); {@link #resolve}
 * then substitutes each term's value into the text and parses the plain expression. A term does
 * not make a pixel nodata: only the bands the expression reads directly count for nodata.
 *
 * <p>{@link #parse} checks the whole expression at once (terms replaced by same-length numbers),
 * so a syntax error is reported before any pixel is read, at its position in the text as written.
 */
public final class PercentileExpression implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A number, '%', a band; not part of a longer name or number on either side. */
    private static final Pattern TERM = Pattern.compile("(?<![\\w.])(\\d+\\.?\\d*|\\.\\d+)%[bB](\\d+)(?![\\w.])");

    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final PercentileTerm[] termAt;
    private final int maxBand;

    private PercentileExpression(String text, List<int[]> spans, List<PercentileTerm> terms, int maxBand) {
        this.text = text;
        this.starts = spans.stream().mapToInt(s -> s[0]).toArray();
        this.ends = spans.stream().mapToInt(s -> s[1]).toArray();
        this.termAt = terms.toArray(PercentileTerm[]::new);
        this.maxBand = maxBand;
    }

    /**
     * Parses and checks an expression.
     *
     * @throws IllegalArgumentException naming the expression and the problem (an
     *                                  {@link ExpressionSyntaxException} for syntax errors)
     */
    public static PercentileExpression parse(String text) {
        Matcher m = TERM.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<PercentileTerm> terms = new ArrayList<>();
        StringBuilder placeholders = new StringBuilder(text);
        int maxBand = 0;
        while (m.find()) {
            PercentileTerm term;
            try {
                term = new PercentileTerm(Double.parseDouble(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expression \"" + text + "\": band number too large in '"
                        + m.group() + "' at character " + (m.start() + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expression \"" + text + "\": " + e.getMessage() + " in '"
                        + m.group() + "' at character " + (m.start() + 1));
            }
            spans.add(new int[] {m.start(), m.end()});
            terms.add(term);
            maxBand = Math.max(maxBand, term.band());
            // Same length and first character, a plain number: errors elsewhere keep their position and text.
            for (int i = m.start() + 1; i < m.end(); i++) {
                placeholders.setCharAt(i, '0');
            }
        }
        BandExpression plain;
        try {
            plain = BandExpression.parse(placeholders.toString());
        } catch (ExpressionSyntaxException e) {
            if (spans.isEmpty()) {
                throw e;
            }
            String prefix = "expression \"" + placeholders + "\"";
            throw new IllegalArgumentException("expression \"" + text + "\"" + e.getMessage().substring(prefix.length()), e);
        }
        return new PercentileExpression(text, spans, terms, Math.max(maxBand, plain.maxBand()));
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    public boolean hasPercentiles() {
        return termAt.length > 0;
    }

    /** The distinct percentile terms, in order of first appearance. */
    public List<PercentileTerm> terms() {
        return List.copyOf(new LinkedHashSet<>(List.of(termAt)));
    }

    /** The highest band number read directly or by a percentile term: the image needs that many bands. */
    public int maxBand() {
        return maxBand;
    }

    /** The plain expression; only for an expression without percentile terms. */
    public BandExpression plain() {
        if (hasPercentiles()) {
            throw new IllegalStateException("expression \"" + text + "\" has percentile terms: resolve them first");
        }
        return BandExpression.parse(text);
    }

    /**
     * The expression with every term replaced by its value in {@code values}, written exactly
     * (shortest round-tripping decimal, in parentheses when negative; {@code nan} when the band has
     * no valid pixel).
     */
    public BandExpression resolve(Map<PercentileTerm, Double> values) {
        return BandExpression.parse(substitute(values));
    }

    /** The text with every term replaced by its value, as {@link #resolve} parses it. */
    public String substitute(Map<PercentileTerm, Double> values) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int k = 0; k < termAt.length; k++) {
            Double v = values.get(termAt[k]);
            if (v == null) {
                throw new IllegalArgumentException("no value for percentile " + termAt[k] + " of expression \"" + text
                        + "\"");
            }
            out.append(text, last, starts[k]).append(literal(v));
            last = ends[k];
        }
        return out.append(text, last, text.length()).toString();
    }

    /** {@code v} as the expression language reads it back bit for bit. */
    static String literal(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "(-inf)";
        }
        String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        return v < 0 || (v == 0 && 1 / v < 0) ? "(" + (s.startsWith("-") ? s : "-" + s) + ")" : s;
    }

    @Override
    public String toString() {
        return text;
    }
}
