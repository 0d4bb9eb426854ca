package io.radnorm.algorithms.local;

/**
 * ln, exp and the gamma correction's power, computed from IEEE basic operations, fused
 * multiply-adds and bit manipulation only. These operations have exactly one correct result each,
 * so the scalar code here and its lane-by-lane mirror in {@link VectorGammaKernel} give the same
 * bits, on every CPU, in the interpreter and in compiled code. Math.log / Math.pow promise no
 * such thing to the Vector API: its lanewise LOG and POW run Math's code until C2 compiles the
 * loop and Intel's SVML after that, and SVML's pow differs from Math.pow in the last bit for
 * about one value in twenty. A pixel's result would then depend on when the JIT compiler got to
 * it, breaking the promise that a correction's output does not depend on how an image is cut up.
 *
 * <p>Accuracy: ln within about 1 ulp (fdlibm's e_log.c polynomial), exp within about 1 ulp
 * (Cody–Waite reduction, degree-13 Taylor polynomial), {@code pow(b, g) = exp(g·ln b)} within
 * about |g·ln b| ulp: ~4e-15 relative for 16-bit imagery, against Math.pow's 1 ulp. The results
 * therefore differ from Math's in the last few bits, never more.
 *
 * <p>Every step below has a line for line twin in {@link VectorGammaKernel} (which hands the
 * rare arguments outside the normal positive range of ln to {@link #log} itself); change both or
 * neither ({@code GammaKernelTest} compares their bits).
 */
final class GammaMath {

    private GammaMath() {
    }

    // ln 2 split so that k·LN2_HI is exact for |k| < 2^21 (fdlibm).
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double INV_LN2 = 1.44269504088896338700e+00;

    // fdlibm e_log.c: ln((1+s)/(1-s)) = 2s + s·R(s²), |error| < 2^-58.45
    static final double LG1 = 6.666666666666735130e-01;
    static final double LG2 = 3.999999999940941908e-01;
    static final double LG3 = 2.857142874366239149e-01;
    static final double LG4 = 2.222219843214978396e-01;
    static final double LG5 = 1.818357216161805012e-01;
    static final double LG6 = 1.531383769920937332e-01;
    static final double LG7 = 1.479819860511658591e-01;

    /** 1/k! for k = 0..13: exp(r) on |r| ≤ ln2/2 to below 2^-57. */
    static final double[] EXP_C = {1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040,
        1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800L};

    /** Adding it rounds a double below 2^51 in magnitude to an integer, held in the low bits. */
    static final double SHIFT = 0x1.8p52;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    static final double MIN_NORMAL = Double.MIN_NORMAL;
    /** Bits of √2/2: x = 2^k·m with m in [√2/2, √2) is found by integer arithmetic on the bits. */
    static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
    static final long ONE_BITS = 0x3ff0000000000000L;
    static final long MANTISSA = 0x000fffffffffffffL;
    /** exp's argument is clamped here: beyond, the result is 0 or ∞ anyway, and 2^n stays normal. */
    static final double EXP_MAX = 710;
    static final double EXP_MIN = -746;

    /** The natural logarithm; ln 0 = −∞, ln x = NaN for x < 0 or NaN, ln ∞ = ∞. */
    static double log(double x) {
        double kAdjust = 0;
        if (x < MIN_NORMAL) { // subnormal (and ≤ 0, fixed below): scale into the normal range
            x = x * 0x1p54;
            kAdjust = -54;
        }
        long u = Double.doubleToRawLongBits(x) + (ONE_BITS - SQRT_HALF_BITS);
        long k = (u >>> 52) - 1023;
        double m = Double.longBitsToDouble((u & MANTISSA) + SQRT_HALF_BITS);
        double dk = Double.longBitsToDouble(SHIFT_BITS + k) - SHIFT + kAdjust; // k as a double, exactly
        double f = m - 1;
        double s = f / (2 + f);
        double z = s * s;
        double r = Math.fma(z, LG7, LG6);
        r = Math.fma(r, z, LG5);
        r = Math.fma(r, z, LG4);
        r = Math.fma(r, z, LG3);
        r = Math.fma(r, z, LG2);
        r = Math.fma(r, z, LG1);
        r = r * z;
        double hfsq = 0.5 * f * f;
        double result = dk * LN2_HI - ((hfsq - Math.fma(s, hfsq + r, dk * LN2_LO)) - f);
        if (x == Double.POSITIVE_INFINITY) {
            result = Double.POSITIVE_INFINITY;
        }
        if (x == 0) {
            result = Double.NEGATIVE_INFINITY;
        }
        if (!(x >= 0)) {
            result = Double.NaN;
        }
        return result;
    }

    /** e^y; 0 below about −745, ∞ above about 709.8, NaN for NaN. */
    static double exp(double y) {
        y = Math.max(Math.min(y, EXP_MAX), EXP_MIN);
        double t = y * INV_LN2 + SHIFT;
        long n = Double.doubleToRawLongBits(t) - SHIFT_BITS; // round(y / ln 2)
        double dn = t - SHIFT;
        double r = Math.fma(-dn, LN2_HI, y);
        r = Math.fma(-dn, LN2_LO, r);
        double p = EXP_C[13];
        for (int c = 12; c >= 0; c--) {
            p = Math.fma(p, r, EXP_C[c]);
        }
        // 2^n as 2^n1 · 2^n2 with n1 = floor(n / 2): both normal for every clamped n, so results
        // near overflow and in the subnormal range come out right.
        long n1 = ((n + 2048) >>> 1) - 1024;
        long n2 = n - n1;
        return p * Double.longBitsToDouble((n1 + 1023) << 52) * Double.longBitsToDouble((n2 + 1023) << 52);
    }

    /** {@code alpha · (base)^γ − s} with γ = ln(ref + s) / ln(loc + s): one pixel's gamma correction. */
    static double correct(double base, double ref, double loc, double s, double alpha) {
        double gamma = log(ref + s) / log(loc + s);
        return alpha * exp(gamma * log(base)) - s;
    }
}
