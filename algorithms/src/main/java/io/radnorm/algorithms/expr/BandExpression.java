package io.radnorm.algorithms.expr;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A per-pixel expression over an image's bands, such as {@code b1 > 100 & b2 < 50}: the condition
 * language of {@code radnorm vectorize --expression} (and the arithmetic a band-math command needs).
 *
 * <h2>Grammar</h2>
 * <pre>
 *   expression := or
 *   or         := and ( ('|' | 'or') and )*
 *   and        := not ( ('&amp;' | 'and') not )*
 *   not        := ('~' | '!' | 'not') not | comparison
 *   comparison := sum ( ('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '=' | '!=') sum )?
 *   sum        := product ( ('+' | '-') product )*
 *   product    := unary ( ('*' | '/' | '%') unary )*
 *   unary      := '-' unary | primary
 *   primary    := NUMBER | 'b' INTEGER | 'B' INTEGER | '(' expression ')'
 *               | FUNCTION '(' expression ( ',' expression )* ')'   -- min, max, where: see Functions
 * </pre>
 * Bands are 1-based ({@code b1} is the first band), as in GDAL and rasterio. Numbers are decimal
 * ({@code 100}, {@code 0.5}, {@code 1e3}, {@code nan}, {@code inf}). Precedence, loosest first: or,
 * and, not, comparison, + −, × ÷ %, unary minus; comparisons do not chain ({@code 1 < b1 < 3} is a
 * syntax error: write {@code 1 < b1 & b1 < 3}).
 *
 * <h2>Semantics</h2>
 * Every value is a double, evaluated in double precision. A comparison is 1 when true, 0 when false;
 * a comparison involving NaN is false (IEEE), except {@code !=}, which is true. {@code & | ~} treat
 * a value as true when it is non-zero and not NaN, and give 1 or 0. Arithmetic follows IEEE
 * (division by zero gives ±infinity or NaN). {@link #test} is the boolean value of the whole
 * expression. Nodata is the caller's business: radnorm's commands make a pixel false (or nodata)
 * when any band the expression reads is nodata, before evaluating.
 *
 * <p>Immutable, thread-safe and serializable: parse once on the driver, ship to the executors.
 */
public final class BandExpression implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final Node root;
    private final int[] bands;

    BandExpression(String text, Node root, int[] bands) {
        this.text = text;
        this.root = root;
        this.bands = bands;
    }

    /**
     * Parses an expression.
     *
     * @throws ExpressionSyntaxException naming the position and what was expected
     */
    public static BandExpression parse(String text) {
        Objects.requireNonNull(text, "text");
        return new ExpressionParser(text).parse();
    }

    /** The 1-based band numbers the expression reads, ascending, without repetition. */
    public int[] bands() {
        return bands.clone();
    }

    /** The largest band number read (0 for a constant expression). */
    public int maxBand() {
        return bands.length == 0 ? 0 : bands[bands.length - 1];
    }

    /**
     * The value at one pixel.
     *
     * @param pixel the pixel's band values: {@code pixel[k]} is band {@code k + 1}; at least
     *              {@link #maxBand()} long
     */
    public double evaluate(double[] pixel) {
        return root.eval(pixel);
    }

    /** Whether the expression is true at one pixel: its value is non-zero and not NaN. */
    public boolean test(double[] pixel) {
        return truth(root.eval(pixel));
    }

    /** The text this expression was parsed from. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return root.toString();
    }

    static boolean truth(double v) {
        return v != 0 && v == v;
    }

    /** A node of the expression tree. */
    interface Node extends Serializable {
        double eval(double[] pixel);
    }

    record Constant(double value) implements Node {
        @Override
        public double eval(double[] pixel) {
            return value;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    record Band(int number) implements Node {
        @Override
        public double eval(double[] pixel) {
            return pixel[number - 1];
        }

        @Override
        public String toString() {
            return "b" + number;
        }
    }

    record Negate(Node operand) implements Node {
        @Override
        public double eval(double[] pixel) {
            return -operand.eval(pixel);
        }

        @Override
        public String toString() {
            return "(-" + operand + ")";
        }
    }

    record Not(Node operand) implements Node {
        @Override
        public double eval(double[] pixel) {
            return truth(operand.eval(pixel)) ? 0 : 1;
        }

        @Override
        public String toString() {
            return "(~" + operand + ")";
        }
    }

    /** Binary operators; {@code and}/{@code or} short-circuit. */
    enum Operator {
        OR("|"), AND("&"), LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    record Binary(Operator op, Node left, Node right) implements Node {
        @Override
        public double eval(double[] pixel) {
            double a = left.eval(pixel);
            switch (op) {
                case OR:
                    return truth(a) || truth(right.eval(pixel)) ? 1 : 0;
                case AND:
                    return truth(a) && truth(right.eval(pixel)) ? 1 : 0;
                default:
                    break;
            }
            double b = right.eval(pixel);
            return switch (op) {
                case LT -> a < b ? 1 : 0;
                case LE -> a <= b ? 1 : 0;
                case GT -> a > b ? 1 : 0;
                case GE -> a >= b ? 1 : 0;
                case EQ -> a == b ? 1 : 0;
                case NE -> a != b ? 1 : 0;
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case MOD -> a % b;
                default -> throw new AssertionError(op);
            };
        }

        @Override
        public String toString() {
            return "(" + left + " " + op.symbol + " " + right + ")";
        }
    }

    static int[] sortedDistinct(int[] values) {
        return Arrays.stream(values).distinct().sorted().toArray();
    }
}
