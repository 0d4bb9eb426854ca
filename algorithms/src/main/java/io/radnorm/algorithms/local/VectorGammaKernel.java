package io.radnorm.algorithms.local;

import static io.radnorm.algorithms.local.GammaMath.EXP_C;
import static io.radnorm.algorithms.local.GammaMath.EXP_MAX;
import static io.radnorm.algorithms.local.GammaMath.EXP_MIN;
import static io.radnorm.algorithms.local.GammaMath.INV_LN2;
import static io.radnorm.algorithms.local.GammaMath.LG1;
import static io.radnorm.algorithms.local.GammaMath.LG2;
import static io.radnorm.algorithms.local.GammaMath.LG3;
import static io.radnorm.algorithms.local.GammaMath.LG4;
import static io.radnorm.algorithms.local.GammaMath.LG5;
import static io.radnorm.algorithms.local.GammaMath.LG6;
import static io.radnorm.algorithms.local.GammaMath.LG7;
import static io.radnorm.algorithms.local.GammaMath.LN2_HI;
import static io.radnorm.algorithms.local.GammaMath.LN2_LO;
import static io.radnorm.algorithms.local.GammaMath.MANTISSA;
import static io.radnorm.algorithms.local.GammaMath.MIN_NORMAL;
import static io.radnorm.algorithms.local.GammaMath.ONE_BITS;
import static io.radnorm.algorithms.local.GammaMath.SHIFT;
import static io.radnorm.algorithms.local.GammaMath.SHIFT_BITS;
import static io.radnorm.algorithms.local.GammaMath.SQRT_HALF_BITS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GammaKernel} on the JDK's Vector API (incubator module {@code jdk.incubator.vector}), in
 * the CPU's widest vectors (8 doubles with AVX-512, 4 with AVX2). Loaded only when that module is
 * in the boot layer. Each lane computes {@link GammaMath}'s operations in the same order, so the
 * bits equal the scalar kernel's; a row's tail (fewer samples than lanes) is copied into a full
 * vector padded with invalid lanes, so every sample goes through the same vector code. Arguments
 * of ln outside the normal positive range (never met with shifted data) go to {@link GammaMath#log}.
 *
 * <p>The work is split into passes over the padded row (copy, three logarithms, exp and store),
 * each a short loop of its own: see {@link #logs} for why.
 */
final class VectorGammaKernel extends GammaKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public String description() {
        return "Vector API, " + LANES + " × double (" + SPECIES.vectorBitSize() + "-bit)";
    }

    @Override
    public int apply(double[] values, boolean[] valid, double[] ref, double[] loc, int length, double s, double alpha) {
        int n = (length + LANES - 1) / LANES * LANES;
        Scratch t = SCRATCH.get().ensure(n);
        prepare(values, valid, ref, loc, length, n, s, t);
        logs(t.logRef, s, n);
        logs(t.logLoc, s, n);
        logs(t.logValue, s, n);
        int bad = finish(t.value, t.active, t.logRef, t.logLoc, t.logValue, n, s, alpha);
        if (bad >= 0) {
            return bad;
        }
        System.arraycopy(t.value, 0, values, 0, length);
        return -1;
    }

    /**
     * Copies the segment into the scratch arrays, padded to whole vectors. A sample that is not
     * to be corrected (invalid, or a NaN mean) gets a harmless argument for the logarithms
     * (|s| + 1, so the argument is ≥ 1), so nodata never sends a vector down the special-value path.
     * Only copies and selections here, no rounding.
     */
    private static void prepare(double[] values, boolean[] valid, double[] ref, double[] loc, int length, int n, double s,
                                Scratch t) {
        double neutral = Math.abs(s) + 1;
        int full = length - length % LANES;
        for (int i = 0; i < full; i += LANES) {
            DoubleVector r = DoubleVector.fromArray(SPECIES, ref, i);
            DoubleVector l = DoubleVector.fromArray(SPECIES, loc, i);
            DoubleVector v = DoubleVector.fromArray(SPECIES, values, i);
            VectorMask<Double> on = VectorMask.fromArray(SPECIES, valid, i).and(r.eq(r)).and(l.eq(l));
            on.intoArray(t.active, i);
            DoubleVector off = DoubleVector.broadcast(SPECIES, neutral);
            off.blend(r, on).intoArray(t.logRef, i);
            off.blend(l, on).intoArray(t.logLoc, i);
            off.blend(v, on).intoArray(t.logValue, i);
            v.intoArray(t.value, i);
        }
        for (int i = full; i < n; i++) {
            boolean on = i < length && valid[i] && ref[i] == ref[i] && loc[i] == loc[i];
            t.active[i] = on;
            t.logRef[i] = on ? ref[i] : neutral;
            t.logLoc[i] = on ? loc[i] : neutral;
            t.logValue[i] = on ? values[i] : neutral;
            t.value[i] = i < length ? values[i] : 0;
        }
    }

    /**
     * a[i] = ln(a[i] + s) for i < n (a multiple of the lane count). One loop per pass, and only
     * normal positive arguments in vectors: C2 stops inlining a method's Vector API calls past
     * ~18000 IR nodes (NodeCountInliningCutoff), and a vector handed to a method not inlined is
     * boxed, many times slower. The rare other arguments (subnormal, ≤ 0, ∞, NaN) get
     * {@link GammaMath#log}, the very function the vector code mirrors.
     */
    private static void logs(double[] a, double s, int n) {
        for (int i = 0; i < n; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, a, i).add(s);
            logNormal(x).intoArray(a, i);
            if (x.compare(VectorOperators.GE, MIN_NORMAL).and(x.compare(VectorOperators.LE, Double.MAX_VALUE))
                    .not().anyTrue()) {
                special(a, i, x);
            }
        }
    }

    private static void special(double[] a, int i, DoubleVector x) {
        for (int j = 0; j < LANES; j++) {
            double xj = x.lane(j);
            if (!(xj >= MIN_NORMAL && xj <= Double.MAX_VALUE)) {
                a[i + j] = GammaMath.log(xj);
            }
        }
    }

    /** v = alpha·exp(lr / ll · lv) − s where active; the index of the first active v + s ≤ 0, or −1. */
    private static int finish(double[] v, boolean[] active, double[] lr, double[] ll, double[] lv, int n,
                              double s, double alpha) {
        for (int i = 0; i < n; i += LANES) {
            VectorMask<Double> on = VectorMask.fromArray(SPECIES, active, i);
            DoubleVector value = DoubleVector.fromArray(SPECIES, v, i);
            VectorMask<Double> bad = on.andNot(value.add(s).compare(VectorOperators.GT, 0));
            if (bad.anyTrue()) {
                return i + bad.firstTrue();
            }
            DoubleVector gamma = DoubleVector.fromArray(SPECIES, lr, i).div(DoubleVector.fromArray(SPECIES, ll, i));
            DoubleVector out = exp(gamma.mul(DoubleVector.fromArray(SPECIES, lv, i))).mul(alpha).sub(s);
            value.blend(out, on).intoArray(v, i);
        }
        return -1;
    }

    /** Per thread: the padded copies of a segment and its logarithms, grown as needed. */
    private static final class Scratch {
        double[] logRef = new double[0], logLoc = logRef, logValue = logRef, value = logRef;
        boolean[] active = new boolean[0];

        Scratch ensure(int n) {
            if (value.length < n) {
                logRef = new double[n];
                logLoc = new double[n];
                logValue = new double[n];
                value = new double[n];
                active = new boolean[n];
            }
            return this;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** {@link GammaMath#log} for normal positive x, lane by lane. */
    private static DoubleVector logNormal(DoubleVector x) {
        return logReduced(x, exponent(x));
    }

    /** k as a double for x = 2^k·m, m in [√2/2, √2). */
    private static DoubleVector exponent(DoubleVector x) {
        LongVector u = x.reinterpretAsLongs().add(ONE_BITS - SQRT_HALF_BITS);
        LongVector k = u.lanewise(VectorOperators.LSHR, 52).sub(1023);
        return k.add(SHIFT_BITS).reinterpretAsDoubles().sub(SHIFT);
    }

    /** ln x from dk (see {@link #exponent}) and m, whose bits are recomputed here. */
    private static DoubleVector logReduced(DoubleVector x, DoubleVector dk) {
        LongVector u = x.reinterpretAsLongs().add(ONE_BITS - SQRT_HALF_BITS);
        DoubleVector m = u.and(MANTISSA).add(SQRT_HALF_BITS).reinterpretAsDoubles();
        DoubleVector f = m.sub(1);
        DoubleVector sv = f.div(f.add(2));
        DoubleVector z = sv.mul(sv);
        DoubleVector r = z.fma(LG7, LG6);
        r = r.fma(z, c(LG5));
        r = r.fma(z, c(LG4));
        r = r.fma(z, c(LG3));
        r = r.fma(z, c(LG2));
        r = r.fma(z, c(LG1));
        r = r.mul(z);
        DoubleVector hfsq = f.mul(0.5).mul(f);
        return dk.mul(LN2_HI).sub(hfsq.sub(sv.fma(hfsq.add(r), dk.mul(LN2_LO))).sub(f));
    }

    private static DoubleVector c(double constant) {
        return DoubleVector.broadcast(SPECIES, constant);
    }

    /** {@link GammaMath#exp}, lane by lane. */
    private static DoubleVector exp(DoubleVector y0) {
        DoubleVector y = y0.min(EXP_MAX).max(EXP_MIN);
        DoubleVector t = y.mul(INV_LN2).add(SHIFT);
        LongVector n = t.reinterpretAsLongs().sub(SHIFT_BITS);
        DoubleVector dn = t.sub(SHIFT);
        DoubleVector r = dn.neg().fma(c(LN2_HI), y);
        r = dn.neg().fma(c(LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(SPECIES, EXP_C[13]);
        for (int c = 12; c >= 0; c--) {
            p = p.fma(r, c(EXP_C[c]));
        }
        LongVector n1 = n.add(2048).lanewise(VectorOperators.LSHR, 1).sub(1024);
        LongVector n2 = n.sub(n1);
        DoubleVector s1 = n1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector s2 = n2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(s1).mul(s2);
    }
}
