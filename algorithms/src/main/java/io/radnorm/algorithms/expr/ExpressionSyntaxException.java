package io.radnorm.algorithms.expr;

/** A band expression that does not parse; the message names the position and what was expected. */
public final class ExpressionSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;

    ExpressionSyntaxException(String expression, int position, String problem) {
        super("expression \"" + expression + "\": " + problem + " at character " + (position + 1));
        this.position = position;
    }

    /** 0-based index of the offending character in the expression. */
    public int position() {
        return position;
    }
}
