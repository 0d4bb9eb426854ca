package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gamma kernels: the Vector API one gives the scalar one's bits (every sample, whatever its
 * place in a vector or a row's tail), both within 1e-12 of Math.pow, and both leave alone what
 * they must not correct.
 */
class GammaKernelTest {

    private static final double S = 1.5, ALPHA = 0.97;

    /** Surefire runs with --add-modules jdk.incubator.vector (root pom), so the vector kernel is there. */
    private static GammaKernel vector() {
        return GammaKernel.vector().orElseThrow(() -> new AssertionError("no Vector API kernel: "
                + GammaKernel.active().description()));
    }

    private static long[] bits(double[] a) {
        return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void theVectorKernelIsActiveUnderTests() {
        assertTrue(GammaKernel.active().description().startsWith("Vector API"), GammaKernel.active().description());
    }

    @Test
    void literalValuesNearMathPow() {
        double[] values = {1, 17, 255, 1000, 4095.5, 30000, 65535, 0.25};
        double[] ref = {100, 250, 3000, 900, 12000, 29999, 20000, 2};
        double[] loc = {120, 200, 2500, 1100, 15000, 100, 25000, 3};
        boolean[] valid = new boolean[values.length];
        Arrays.fill(valid, true);
        for (GammaKernel k : List.of(GammaKernel.scalar(), vector())) {
            double[] v = values.clone();
            assertEquals(-1, k.apply(v, valid, ref, loc, v.length, S, ALPHA));
            for (int i = 0; i < v.length; i++) {
                double expected = ALPHA * Math.pow(values[i] + S, Math.log(ref[i] + S) / Math.log(loc[i] + S)) - S;
                assertEquals(expected, v[i], 1e-12 * Math.abs(expected + S), k.description() + " sample " + i);
            }
        }
    }

    @Test
    void vectorEqualsScalarBitForBitOnRandomRows() {
        Random rnd = new Random(7);
        int n = 1000;
        double[] values = new double[n], ref = new double[n], loc = new double[n];
        boolean[] valid = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = 1 + rnd.nextDouble() * 65534;
            ref[i] = 100 + rnd.nextDouble() * 29900;
            loc[i] = 100 + rnd.nextDouble() * 29900;
            valid[i] = rnd.nextInt(10) != 0;
        }
        for (double s : new double[] {0, 1, 0.75, 1e4}) {
            double[] a = values.clone(), b = values.clone();
            GammaKernel.scalar().apply(a, valid, ref, loc, n, s, 1);
            vector().apply(b, valid, ref, loc, n, s, 1);
            assertArrayEquals(bits(a), bits(b), "shift " + s);
            for (int i = 0; i < n; i++) {
                double one = valid[i] ? GammaKernel.correct(values[i], ref[i], loc[i], s, 1) : values[i];
                assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(a[i]), "sample " + i);
            }
        }
    }

    /** Every tail length up to two vectors, at every offset: the bits of the same sample inside a full row. */
    @Test
    void tailsGiveTheBitsOfFullVectors() {
        Random rnd = new Random(3);
        int n = 64;
        double[] values = new double[n], ref = new double[n], loc = new double[n];
        boolean[] valid = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = rnd.nextInt(60000) + rnd.nextDouble();
            ref[i] = 100 + rnd.nextDouble() * 29900;
            loc[i] = 100 + rnd.nextDouble() * 29900;
            valid[i] = true;
        }
        double[] whole = values.clone();
        vector().apply(whole, valid, ref, loc, n, S, ALPHA);
        for (int length = 1; length <= 16; length++) {
            for (int start = 0; start + length + 3 <= n; start += 5) {
                double[] v = Arrays.copyOfRange(values, start, start + length + 3); // longer than length
                double[] r = Arrays.copyOfRange(ref, start, start + length + 3);
                double[] l = Arrays.copyOfRange(loc, start, start + length + 3);
                boolean[] ok = Arrays.copyOfRange(valid, start, start + length + 3);
                vector().apply(v, ok, r, l, length, S, ALPHA);
                for (int i = 0; i < v.length; i++) {
                    double expected = i < length ? whole[start + i] : values[start + i]; // beyond length: untouched
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v[i]),
                            "length " + length + " start " + start + " sample " + i);
                }
            }
        }
    }

    @Test
    void invalidSamplesAndMissingMeansAreLeftAlone() {
        double[] values = {10, 20, 30, 40, 50, -7, Double.NaN, 80, 90, 100, 110};
        double[] ref = {500, Double.NaN, 500, 500, 500, 500, 500, 500, Double.NaN, 500, 500};
        double[] loc = {400, 400, Double.NaN, 400, 400, 400, 400, 400, 400, 400, 400};
        // invalid: index 3, and -7 / NaN, which would be bad values if they were valid
        boolean[] valid = {true, true, true, false, true, false, false, true, true, true, true};
        for (GammaKernel k : List.of(GammaKernel.scalar(), vector())) {
            double[] v = values.clone();
            assertEquals(-1, k.apply(v, valid, ref, loc, v.length, 0, 1), k.description());
            for (int i : new int[] {1, 2, 3, 5, 6, 8}) {
                assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(v[i]), k.description() + " " + i);
            }
            for (int i : new int[] {0, 4, 7, 9, 10}) {
                assertEquals(Math.pow(values[i], Math.log(500) / Math.log(400)), v[i], 1e-12 * v[i], k.description() + " " + i);
            }
        }
    }

    @Test
    void aValueAtOrBelowMinusTheShiftIsReportedByIndex() {
        double[] ref = new double[20], loc = new double[20];
        Arrays.fill(ref, 300);
        Arrays.fill(loc, 200);
        boolean[] valid = new boolean[20];
        Arrays.fill(valid, true);
        for (GammaKernel k : List.of(GammaKernel.scalar(), vector())) {
            for (int bad : new int[] {0, 5, 13, 19}) {
                for (double badValue : new double[] {-2, -3, Double.NaN}) {
                    double[] v = new double[20];
                    Arrays.fill(v, 100);
                    v[bad] = badValue;
                    assertEquals(bad, k.apply(v, valid, ref, loc, 20, 2, 1), k.description() + " at " + bad);
                }
            }
        }
    }

    @Test
    void logAndExpWithinOneUlpOfMath() {
        Random rnd = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double x = Math.exp(rnd.nextDouble() * 1400 - 700);
            assertTrue(Math.abs(GammaMath.log(x) - Math.log(x)) <= Math.ulp(Math.log(x)), "ln " + x);
            double y = rnd.nextDouble() * 1400 - 700;
            assertTrue(Math.abs(GammaMath.exp(y) - Math.exp(y)) <= Math.ulp(Math.exp(y)), "exp " + y);
        }
        assertEquals(Math.log(Double.MIN_VALUE), GammaMath.log(Double.MIN_VALUE), 1e-12); // subnormal
        assertEquals(Double.NEGATIVE_INFINITY, GammaMath.log(0));
        assertEquals(Double.POSITIVE_INFINITY, GammaMath.log(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(GammaMath.log(-1)) && Double.isNaN(GammaMath.log(Double.NaN)));
        assertEquals(0, GammaMath.log(1));
        assertEquals(1, GammaMath.exp(0));
        assertEquals(Double.POSITIVE_INFINITY, GammaMath.exp(710));
        assertEquals(0, GammaMath.exp(-1e300));
        assertEquals(Double.MIN_VALUE, GammaMath.exp(-745));
        assertTrue(Double.isNaN(GammaMath.exp(Double.NaN)));
    }

    /** Means below −s (log of a negative number) give NaN in both kernels alike, through the special-value path. */
    @Test
    void specialArgumentsMatchTooInVectors() {
        double[] values = new double[16], ref = new double[16], loc = new double[16];
        boolean[] valid = new boolean[16];
        for (int i = 0; i < 16; i++) {
            values[i] = 50 + i;
            ref[i] = i % 3 == 0 ? -5 : i % 3 == 1 ? 1e-320 : 300; // log of negative / subnormal argument
            loc[i] = i % 4 == 0 ? Double.POSITIVE_INFINITY : 200;
            valid[i] = true;
        }
        double[] a = values.clone(), b = values.clone();
        GammaKernel.scalar().apply(a, valid, ref, loc, 16, 0, 1);
        vector().apply(b, valid, ref, loc, 16, 0, 1);
        assertArrayEquals(bits(a), bits(b));
    }
}
