package io.radnorm.algorithms.local;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockRowKernel} on the JDK's Vector API, in the CPU's widest vectors. Loaded only when
 * the vector gamma kernel is in use. Each lane evaluates the scalar kernel's expression with the
 * same operations in the same order; {@link Math#rint}, which this API lacks, is computed exactly
 * (see {@link #rint}). Tails shorter than a vector, and the vector in which a run of positions
 * ends, go to the scalar code.
 */
final class VectorBlockRowKernel extends BlockRowKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** 2^52: at and above it every double is an integer, below it adding it rounds to one. */
    private static final double TWO52 = 0x1p52;
    private static final long SIGN = Long.MIN_VALUE;
    private static final double[] IOTA = new double[LANES];

    static {
        for (int i = 0; i < LANES; i++) {
            IOTA[i] = i;
        }
    }

    @Override
    void nodeColumns(double originX, double pixelWidth, double rowTerm, int col0, int length,
                     double minX, double blockWidth, int maxCol, double[] s) {
        DoubleVector iota = DoubleVector.fromArray(SPECIES, IOTA, 0);
        double max = maxCol;
        int full = length - length % LANES;
        for (int i = 0; i < full; i += LANES) {
            // (double) (col0 + i + lane) + 0.5: col0 + i and the lane index add exactly as doubles
            DoubleVector col = iota.add(col0 + i).add(0.5);
            DoubleVector x = col.mul(pixelWidth).add(originX).add(rowTerm);
            DoubleVector v = x.sub(minX).div(blockWidth).sub(0.5);
            DoubleVector r = rint(v);
            // snap: |v − r| < 1e-9 ? r : v (NaN compares false: v stays NaN)
            DoubleVector snapped = v.blend(r, v.sub(r).lanewise(VectorOperators.ABS).compare(VectorOperators.LT, 1e-9));
            // clamp: s < 0 ? 0 : s > max ? max : s
            DoubleVector c = snapped.blend(max, snapped.compare(VectorOperators.GT, max))
                    .blend(0.0, snapped.compare(VectorOperators.LT, 0.0));
            c.intoArray(s, i);
        }
        scalarNodeColumns(originX, pixelWidth, rowTerm, col0, full, length, minX, blockWidth, maxCol, s);
    }

    /**
     * {@link Math#rint} lane by lane: below 2^52 in magnitude, (|v| + 2^52) − 2^52 rounds |v| to
     * the nearest integer, ties to even (the sum's last bit is the integer's), and both steps are
     * otherwise exact; the sign is v's (rint(−0.3) is −0.0). At and above 2^52, and for NaN and
     * ±∞, v itself.
     */
    private static DoubleVector rint(DoubleVector v) {
        DoubleVector a = v.lanewise(VectorOperators.ABS);
        DoubleVector rounded = a.add(TWO52).sub(TWO52);
        LongVector sign = v.reinterpretAsLongs().and(SIGN);
        DoubleVector signed = rounded.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
        return v.blend(signed, a.compare(VectorOperators.LT, TWO52));
    }

    @Override
    int span(double[] s, int from, int length, int c0, double z0, double z1, boolean blend,
             double a0, double w0, double a1, double w1, double[] out) {
        double lo = c0, hi = c0 + 1.0;
        int i = from;
        for (; i <= length - LANES; i += LANES) {
            DoubleVector si = DoubleVector.fromArray(SPECIES, s, i);
            VectorMask<Double> in = si.compare(VectorOperators.GE, lo).and(si.compare(VectorOperators.LT, hi));
            if (!in.allTrue()) {
                break; // the run ends in this vector
            }
            DoubleVector fx = si.sub(lo);
            DoubleVector v;
            if (blend) {
                DoubleVector gx = DoubleVector.broadcast(SPECIES, 1.0).sub(fx);
                DoubleVector sum = gx.mul(a0).add(fx.mul(a1));
                DoubleVector weights = gx.mul(w0).add(fx.mul(w1));
                v = sum.div(weights);
            } else {
                v = DoubleVector.broadcast(SPECIES, z1);
            }
            v.blend(z0, fx.compare(VectorOperators.EQ, 0.0)).intoArray(out, i);
        }
        return scalarSpan(s, i, length, c0, z0, z1, blend, a0, w0, a1, w1, out);
    }
}
