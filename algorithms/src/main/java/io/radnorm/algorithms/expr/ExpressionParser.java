package io.radnorm.algorithms.expr;

import io.radnorm.algorithms.expr.BandExpression.Binary;
import io.radnorm.algorithms.expr.BandExpression.Node;
import io.radnorm.algorithms.expr.BandExpression.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recursive-descent parser of {@link BandExpression}'s grammar: one instance per parse. */
final class ExpressionParser {

    private final String text;
    private final List<Integer> bands = new ArrayList<>();
    private int pos;

    ExpressionParser(String text) {
        this.text = text;
    }

    BandExpression parse() {
        skipSpace();
        if (pos == text.length()) {
            throw error("empty expression");
        }
        Node root = or();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return new BandExpression(text, root, BandExpression.sortedDistinct(
                bands.stream().mapToInt(Integer::intValue).toArray()));
    }

    private Node or() {
        Node n = and();
        while (accept("|") || acceptWord("or")) {
            n = new Binary(Operator.OR, n, and());
        }
        return n;
    }

    private Node and() {
        Node n = not();
        while (accept("&") || acceptWord("and")) {
            n = new Binary(Operator.AND, n, not());
        }
        return n;
    }

    private Node not() {
        if (accept("~") || acceptNotEquals() || acceptWord("not")) {
            return new BandExpression.Not(not());
        }
        return comparison();
    }

    /** '!' as "not", but not the first character of "!=". */
    private boolean acceptNotEquals() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '!' && !text.startsWith("!=", pos)) {
            pos++;
            return true;
        }
        return false;
    }

    private Node comparison() {
        Node left = sum();
        Operator op = comparisonOperator();
        if (op == null) {
            return left;
        }
        Node n = new Binary(op, left, sum());
        if (comparisonOperator() != null) {
            throw error("comparisons do not chain; combine them with &");
        }
        return n;
    }

    private Operator comparisonOperator() {
        skipSpace();
        if (accept("<=")) {
            return Operator.LE;
        }
        if (accept(">=")) {
            return Operator.GE;
        }
        if (accept("==")) {
            return Operator.EQ;
        }
        if (accept("!=")) {
            return Operator.NE;
        }
        if (accept("<")) {
            return Operator.LT;
        }
        if (accept(">")) {
            return Operator.GT;
        }
        if (accept("=")) {
            return Operator.EQ;
        }
        return null;
    }

    private Node sum() {
        Node n = product();
        while (true) {
            if (accept("+")) {
                n = new Binary(Operator.ADD, n, product());
            } else if (accept("-")) {
                n = new Binary(Operator.SUB, n, product());
            } else {
                return n;
            }
        }
    }

    private Node product() {
        Node n = unary();
        while (true) {
            if (accept("*")) {
                n = new Binary(Operator.MUL, n, unary());
            } else if (accept("/")) {
                n = new Binary(Operator.DIV, n, unary());
            } else if (accept("%")) {
                n = new Binary(Operator.MOD, n, unary());
            } else {
                return n;
            }
        }
    }

    private Node unary() {
        if (accept("-")) {
            return new BandExpression.Negate(unary());
        }
        if (accept("+")) {
            return unary();
        }
        return primary();
    }

    private Node primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of expression, expected a band, a number or '('");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Node n = or();
            if (!accept(")")) {
                throw error(pos >= text.length() ? "missing ')'" : "expected ')'");
            }
            return n;
        }
        if ((c == 'b' || c == 'B') && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            int start = pos;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos = start;
                throw error("unknown name '" + word() + "'");
            }
            int band;
            try {
                band = Integer.parseInt(text.substring(start + 1, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("band number too large");
            }
            if (band < 1) {
                pos = start;
                throw error("bands are numbered from 1 (b1 is the first band)");
            }
            bands.add(band);
            return new BandExpression.Band(band);
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c)) {
            int start = pos;
            String w = word();
            if (Functions.isFunction(w)) {
                return call(w, start);
            }
            switch (w.toLowerCase(Locale.ROOT)) {
                case "nan":
                    return new BandExpression.Constant(Double.NaN);
                case "inf":
                    return new BandExpression.Constant(Double.POSITIVE_INFINITY);
                default:
                    pos = start;
                    throw error("unknown name '" + w + "' (bands are b1, b2, ...)");
            }
        }
        throw error("unexpected '" + c + "', expected a band, a number or '('");
    }

    // --- function calls (Functions): name '(' expression (',' expression)* ')' ---

    private Node call(String name, int start) {
        if (!accept("(")) {
            throw error("expected '(' after " + name);
        }
        List<Node> args = new ArrayList<>();
        args.add(or());
        while (accept(",")) {
            args.add(or());
        }
        if (!accept(")")) {
            throw error(pos >= text.length() ? "missing ')' of " + name + "(" : "expected ',' or ')'");
        }
        String[] problem = new String[1];
        Node n = Functions.call(name, args, problem);
        if (n == null) {
            pos = start;
            throw error(problem[0]);
        }
        return n;
    }

    private Node number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        try {
            return new BandExpression.Constant(Double.parseDouble(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + text.substring(start, Math.max(start + 1, pos)) + "'");
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    /** A keyword operator ("and", "or", "not"), any case, not followed by a name character. */
    private boolean acceptWord(String keyword) {
        skipSpace();
        int end = pos + keyword.length();
        if (end <= text.length() && text.regionMatches(true, pos, keyword, 0, keyword.length())
                && (end == text.length() || !isWordChar(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ExpressionSyntaxException error(String problem) {
        return new ExpressionSyntaxException(text, Math.min(pos, text.length()), problem);
    }
}
