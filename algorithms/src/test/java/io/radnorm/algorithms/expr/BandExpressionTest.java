package io.radnorm.algorithms.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class BandExpressionTest {

    private static boolean test(String e, double... px) {
        return BandExpression.parse(e).test(px);
    }

    @Test
    void comparisonsAndLogic() {
        assertTrue(test("b1 > 100 & b2 < 50", 101, 49));
        assertFalse(test("b1 > 100 & b2 < 50", 100, 49));
        assertTrue(test("b1 > 100 | b2 < 50", 0, 49));
        assertFalse(test("~(b1 > 100)", 101));
        assertTrue(test("!(b1 >= 101) | b1 == 7", 7));
        assertTrue(test("b1 != b2", 1, 2));
        assertTrue(test("b1 = 2", 2));
        assertTrue(test("b1 > 1 and not b2 <= 0 or b3", 2, 1, 0));
    }

    @Test
    void precedenceIsArithmeticThenComparisonThenNotAndOr() {
        assertEquals(7, BandExpression.parse("1 + 2 * 3").evaluate(new double[0]));
        assertEquals(9, BandExpression.parse("(1 + 2) * 3").evaluate(new double[0]));
        assertEquals(-5, BandExpression.parse("-b1 - 2").evaluate(new double[] {3}));
        // & binds tighter than |: true | (false & false)
        assertTrue(test("b1 > 0 | b1 > 5 & b1 > 6", 1));
        // NDVI-style ratio
        assertTrue(test("(b2 - b1) / (b2 + b1) > 0.5", 10, 90));
    }

    @Test
    void nanComparesFalseExceptNotEqual() {
        assertFalse(test("b1 > 0", Double.NaN));
        assertFalse(test("b1 <= 0", Double.NaN));
        assertTrue(test("b1 != 0", Double.NaN));
        assertFalse(test("b1", Double.NaN));
        assertTrue(test("b1 / 0 > 1e300", 1));
    }

    @Test
    void bandsAreListed() {
        BandExpression e = BandExpression.parse("b3 > 1 & (b1 < b3 | B10 == 2)");
        assertArrayEquals(new int[] {1, 3, 10}, e.bands());
        assertEquals(10, e.maxBand());
    }

    @Test
    void syntaxErrorsNameThePosition() {
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("b1 > "));
        assertTrue(e.getMessage().contains("at character 6"), e.getMessage());
        assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("b0 > 1"));
        assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("(b1 > 1"));
        assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("1 < b1 < 3"));
        assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("red > 3"));
        assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("b1 > 3 )"));
        assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse(""));
        assertThrows(ExpressionSyntaxException.class, () -> BandExpression.parse("b1x > 3"));
    }

    @Test
    void serializable() throws Exception {
        BandExpression e = BandExpression.parse("b1 > 100 & b2 < 50");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        BandExpression back = (BandExpression) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))
                .readObject();
        assertTrue(back.test(new double[] {200, 10}));
        assertEquals(e.toString(), back.toString());
    }
}
