package io.radnorm.algorithms.local;

/**
 * The per-pixel arithmetic of {@link BlockMapInterpolator.Row#valuesAt}, the bulk form of
 * {@link BlockMapInterpolator.Row#valueAt} along a row of pixels: first every pixel's node
 * column position ({@link #nodeColumns}), then, one run of pixels between two node columns at a
 * time, the horizontal blend of those two columns ({@link #span}). The caller keeps what is
 * constant along a run (the two columns' vertically blended sums) out of the per-pixel work.
 *
 * <p>Two implementations, one result: a scalar loop, and one on the JDK's Vector API
 * ({@code VectorBlockRowKernel}). Each computes, per pixel, the very expression the one-position
 * path evaluates: the same IEEE additions, multiplications, divisions and comparisons in the same
 * order (no fused multiply-add), and {@link Math#rint} through an exact equivalent; so both give
 * {@link BlockMapInterpolator.Row#valueAt}'s bits. The vector kernel is used exactly when
 * {@link GammaKernel#active()} is the vector gamma kernel (the incubator module is present, the
 * {@code radnorm.vector} property does not turn it off, and C2 compiles); its class is loaded
 * only then.
 */
abstract class BlockRowKernel {

    BlockRowKernel() {
    }

    /** The kernel in use in this JVM. */
    static BlockRowKernel active() {
        return Holder.ACTIVE;
    }

    /** The scalar kernel. */
    static BlockRowKernel scalar() {
        return Scalar.INSTANCE;
    }

    /** The Vector API kernel, when the JVM has the incubator module (ignoring the choice of {@link #active()}). */
    static java.util.Optional<BlockRowKernel> vector() {
        return java.util.Optional.ofNullable(Holder.VECTOR);
    }

    /**
     * The node column position of pixel centres {@code col0 + i + 0.5}, i < length, of one row:
     * {@code s[i] = clamp(snap(u − 0.5), 0, maxCol)} with {@code u = (x − minX) / blockWidth} and
     * {@code x = originX + (col0 + i + 0.5)·pixelWidth + rowTerm}, i.e.
     * {@link io.radnorm.raster.GeoTransform#x} with {@code rowTerm = row·rowRotation}.
     */
    abstract void nodeColumns(double originX, double pixelWidth, double rowTerm, int col0, int length,
                              double minX, double blockWidth, int maxCol, double[] s);

    /**
     * The values of the run of positions from {@code from} on that lie between node columns c0
     * and c0 + 1 ({@code c0 ≤ s[i] < c0 + 1}); stops at the first position that does not (or at
     * length) and returns its index. With {@code fx = s[i] − c0}: {@code z0} where fx is 0 (the
     * value on column c0), otherwise {@code ((1 − fx)·a0 + fx·a1) / ((1 − fx)·w0 + fx·w1)} when
     * {@code blend}, else {@code z1}.
     */
    abstract int span(double[] s, int from, int length, int c0, double z0, double z1, boolean blend,
                      double a0, double w0, double a1, double w1, double[] out);

    /** Scalar {@link #nodeColumns} from index {@code from}: also the vector kernel's tail. */
    static void scalarNodeColumns(double originX, double pixelWidth, double rowTerm, int col0, int from, int length,
                            double minX, double blockWidth, int maxCol, double[] s) {
        for (int i = from; i < length; i++) {
            double x = originX + (col0 + i + 0.5) * pixelWidth + rowTerm;
            s[i] = BlockMapInterpolator.nodePosition((x - minX) / blockWidth, maxCol);
        }
    }

    /** Scalar {@link #span}: also the vector kernel's tail and run ends. */
    static int scalarSpan(double[] s, int i, int length, int c0, double z0, double z1, boolean blend,
                          double a0, double w0, double a1, double w1, double[] out) {
        double lo = c0, hi = c0 + 1.0;
        for (; i < length; i++) {
            double si = s[i];
            if (!(si >= lo && si < hi)) {
                break;
            }
            double fx = si - c0;
            out[i] = fx == 0 ? z0 : blend ? ((1 - fx) * a0 + fx * a1) / ((1 - fx) * w0 + fx * w1) : z1;
        }
        return i;
    }

    private static final class Scalar extends BlockRowKernel {
        static final Scalar INSTANCE = new Scalar();

        @Override
        void nodeColumns(double originX, double pixelWidth, double rowTerm, int col0, int length,
                         double minX, double blockWidth, int maxCol, double[] s) {
            scalarNodeColumns(originX, pixelWidth, rowTerm, col0, 0, length, minX, blockWidth, maxCol, s);
        }

        @Override
        int span(double[] s, int from, int length, int c0, double z0, double z1, boolean blend,
                 double a0, double w0, double a1, double w1, double[] out) {
            return scalarSpan(s, from, length, c0, z0, z1, blend, a0, w0, a1, w1, out);
        }
    }

    /** Chooses once, on first use, as {@link GammaKernel} chose. */
    private static final class Holder {
        static final BlockRowKernel VECTOR = loadVector();
        static final BlockRowKernel ACTIVE = VECTOR != null && GammaKernel.vector().isPresent()
                && GammaKernel.active() == GammaKernel.vector().get() ? VECTOR : Scalar.INSTANCE;

        private static BlockRowKernel loadVector() {
            if (GammaKernel.vector().isEmpty()) { // the incubator module is missing or does not work
                return null;
            }
            try {
                return (BlockRowKernel) Class.forName(BlockRowKernel.class.getPackageName() + ".VectorBlockRowKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return null; // the scalar kernel gives the same bits
            }
        }
    }
}
