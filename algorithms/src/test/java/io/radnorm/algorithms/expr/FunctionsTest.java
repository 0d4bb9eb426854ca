package io.radnorm.algorithms.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** min, max and where in band expressions. */
class FunctionsTest {

    private static double eval(String e, double... px) {
        return BandExpression.parse(e).evaluate(px);
    }

    @Test
    void minAndMaxTakeTwoOrMoreArgumentsAndPropagateNan() {
        assertEquals(2, eval("min(b1, b2)", 2, 5));
        assertEquals(5, eval("MAX(b1, b2)", 2, 5));
        assertEquals(-1, eval("min(b1, b2, -1, 7)", 2, 5));
        assertEquals(9, eval("max(b1 * 3, b2) + 0", 3, 5));
        assertTrue(Double.isNaN(eval("min(b1, b2)", Double.NaN, 5)));
        assertTrue(Double.isNaN(eval("max(b1, b2)", 1, Double.NaN)));
        assertArrayEquals(new int[] {1, 2, 4}, BandExpression.parse("min(b4, max(b1, b2))").bands());
    }

    @Test
    void whereChoosesByTheLanguagesTruth() {
        assertEquals(10, eval("where(b1 > 0, 10, 20)", 1));
        assertEquals(20, eval("where(b1 > 0, 10, 20)", 0));
        assertEquals(20, eval("where(b1, 10, 20)", Double.NaN), "NaN is false");
        assertEquals(1, eval("where(b1 + b2 == 0, nan, (b1 - b2) / (b1 + b2)) * 3", 2, 1), 1e-15);
        assertTrue(Double.isNaN(eval("where(b1 + b2 == 0, nan, (b1 - b2) / (b1 + b2))", 0, 0)));
        assertEquals(4, eval("where(b1 > 1 & b2 > 1, where(b1 > b2, b1, b2), 0)", 3, 4));
        assertEquals(0.5, eval("-where(b1 < 0, -0.5, 1)", -2));
    }

    @Test
    void badCallsNameTheProblemAndPosition() {
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class,
                () -> BandExpression.parse("b1 + min(b1)"));
        assertEquals("expression \"b1 + min(b1)\": min() takes two or more arguments, not 1 at character 6",
                e.getMessage());
        e = assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("where(b1, 2)"));
        assertTrue(e.getMessage().contains("where() takes three arguments"), e.getMessage());
        e = assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("max b1"));
        assertTrue(e.getMessage().contains("expected '(' after max"), e.getMessage());
        e = assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("max(b1, b2"));
        assertTrue(e.getMessage().contains("missing ')'"), e.getMessage());
        e = assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("max(b1; b2)"));
        assertTrue(e.getMessage().contains("expected ',' or ')'"), e.getMessage());
        e = assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("mean(b1, b2)"));
        assertTrue(e.getMessage().contains("unknown name 'mean'"), e.getMessage());
    }

    @Test
    void functionsSurviveSerialization() throws Exception {
        BandExpression e = BandExpression.parse("where(b1 > max(b2, 3), min(b1, 100), -1)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        BandExpression back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (BandExpression) in.readObject();
        }
        assertEquals(100, back.evaluate(new double[] {150, 2}));
        assertEquals(-1, back.evaluate(new double[] {2, 2}));
        assertEquals(e.toString(), back.toString());
    }
}
