package io.radnorm.algorithms.bandmath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.expr.BandExpression;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentileExpressionTest {

    @Test
    void percentileTermsAreNumbersTouchingPercentAndABand() {
        PercentileExpression e = PercentileExpression.parse("b1 > 95%b1 & b2 < 2.5%B3 | b4 > 95%b1");
        assertEquals(List.of(new PercentileTerm(95, 1), new PercentileTerm(2.5, 3)), e.terms());
        assertEquals(4, e.maxBand());
        assertEquals("b1 > 200 & b2 < (-0.5) | b4 > 200",
                e.substitute(Map.of(new PercentileTerm(95, 1), 200.0, new PercentileTerm(2.5, 3), -0.5)));
        BandExpression r = e.resolve(Map.of(new PercentileTerm(95, 1), 200.0, new PercentileTerm(2.5, 3), -0.5));
        assertTrue(r.test(new double[] {201, -1, 0, 0}));
        assertFalse(r.test(new double[] {200, 0, 0, 0}));
        assertEquals(7, PercentileExpression.parse("5%b7 + 1").maxBand(), "a term's band counts");
    }

    @Test
    void elsewherePercentIsTheRemainder() {
        for (String text : new String[] {"7 % b2", "b1%2", "b15%b1", "(b1)%b2", "7 %b2", "7% b2"}) {
            PercentileExpression e = PercentileExpression.parse(text);
            assertFalse(e.hasPercentiles(), text);
            double[] px = new double[16];
            px[0] = 9;
            px[1] = 4;
            px[14] = 11;
            assertEquals(BandExpression.parse(text).evaluate(px), e.plain().evaluate(px), text);
        }
    }

    @Test
    void valuesAreWrittenExactly() {
        for (double v : new double[] {0.1, -1e-7, 123456789.123, 1e20, -0.0, Double.MIN_VALUE, 42}) {
            assertEquals(Double.doubleToRawLongBits(v),
                    Double.doubleToRawLongBits(BandExpression.parse(PercentileExpression.literal(v)).evaluate(new double[0])),
                    PercentileExpression.literal(v));
        }
        assertTrue(Double.isNaN(PercentileExpression.parse("50%b1").resolve(Map.of(new PercentileTerm(50, 1), Double.NaN))
                .evaluate(new double[0])));
    }

    @Test
    void errorsKeepTheTextAsWrittenAndThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PercentileExpression.parse("b1 > 95%b1 )"));
        assertEquals("expression \"b1 > 95%b1 )\": unexpected ')' at character 12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PercentileExpression.parse("b1 > 150%b1"));
        assertEquals("expression \"b1 > 150%b1\": percentile 150.0 is outside 0..100 in '150%b1' at character 6",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PercentileExpression.parse("b1 > 5%b0"));
        assertTrue(e.getMessage().contains("bands are numbered from 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PercentileExpression.parse("b1 5%b1"));
        assertEquals("expression \"b1 5%b1\": unexpected '5' at character 4", e.getMessage());
    }
}
