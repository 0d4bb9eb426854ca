package io.radnorm.algorithms.expr;

import io.radnorm.algorithms.expr.BandExpression.Node;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The functions of the band expression language, called as {@code name(argument, ...)}:
 * <ul>
 *   <li>{@code min(a, b, ...)} and {@code max(a, b, ...)}: the smallest / largest of two or more
 *       values; NaN if any argument is NaN (as numpy's {@code minimum}/{@code maximum} and Java's
 *       {@code Math.min}).</li>
 *   <li>{@code where(cond, a, b)}: {@code a} where {@code cond} is true (non-zero and not NaN, the
 *       language's truth), else {@code b}; only the chosen branch is evaluated.</li>
 * </ul>
 * Names are case-insensitive. Kept apart from the grammar's operators so that adding a function
 * touches only this file and one line of the parser.
 */
final class Functions {

    private Functions() {
    }

    /** Whether {@code name} (any case) is a function of the language. */
    static boolean isFunction(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "min", "max", "where" -> true;
            default -> false;
        };
    }

    /**
     * The node calling {@code name} on {@code args}.
     *
     * @return {@code null} with {@code problem[0]} set when the arguments do not fit the function
     */
    static Node call(String name, List<Node> args, String[] problem) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "min", "max" -> {
                if (args.size() < 2) {
                    problem[0] = n + "() takes two or more arguments, not " + args.size();
                    return null;
                }
                return new Extreme(n.equals("max"), args.toArray(Node[]::new));
            }
            case "where" -> {
                if (args.size() != 3) {
                    problem[0] = "where() takes three arguments (condition, value if true, value if false), not "
                            + args.size();
                    return null;
                }
                return new Where(args.get(0), args.get(1), args.get(2));
            }
            default -> throw new IllegalArgumentException("not a function: " + name);
        }
    }

    /** {@code min(...)} or {@code max(...)}. */
    record Extreme(boolean max, Node[] args) implements Node {
        @Override
        public double eval(double[] pixel) {
            double v = args[0].eval(pixel);
            for (int i = 1; i < args.length; i++) {
                v = max ? Math.max(v, args[i].eval(pixel)) : Math.min(v, args[i].eval(pixel));
            }
            return v;
        }

        @Override
        public String toString() {
            return (max ? "max" : "min") + List.of(args).stream().map(Object::toString)
                    .collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** {@code where(cond, a, b)}. */
    record Where(Node cond, Node ifTrue, Node ifFalse) implements Node {
        @Override
        public double eval(double[] pixel) {
            return BandExpression.truth(cond.eval(pixel)) ? ifTrue.eval(pixel) : ifFalse.eval(pixel);
        }

        @Override
        public String toString() {
            return "where(" + cond + ", " + ifTrue + ", " + ifFalse + ")";
        }
    }
}
