package io.radnorm.algorithms.local;

import java.util.Optional;

/**
 * The per-sample arithmetic of the gamma correction ({@link LocalCorrectionMethod#GAMMA}) over a
 * row segment: {@code values[i] = alpha · (values[i] + s)^γ − s} with
 * {@code γ = ln(ref[i] + s) / ln(loc[i] + s)}, for every i below {@code length} whose
 * {@code valid[i]} is true and whose ref[i] and loc[i] are not NaN (NaN: no block mean there;
 * the value is left as it is, like an invalid one).
 *
 * <p>Two implementations, one result: a scalar loop, and one on the JDK's Vector API, 4–8 samples
 * per instruction and 5–6× faster on AVX-512. Both compute {@link GammaMath}'s ln and exp,
 * made of operations with exactly one correct result each, so they give the same bits on every
 * CPU and whichever is in use; so does {@link #correct(double, double, double, double, double)}, the one-pixel
 * form. The vector kernel is used when the incubator module {@code jdk.incubator.vector} is in
 * the boot layer ({@code java --add-modules jdk.incubator.vector}, which the {@code radnorm}
 * launcher, {@code scripts/radnorm-submit} and the tests pass), unless the system property
 * {@code radnorm.vector} is {@code false}; otherwise the scalar kernel. Classes of the incubator
 * module are only loaded in the former case.
 */
public abstract class GammaKernel {

    /** System property: {@code false} forces the scalar kernel. */
    public static final String VECTOR_PROPERTY = "radnorm.vector";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    GammaKernel() {
    }

    /** The kernel in use in this JVM. */
    public static GammaKernel active() {
        return Holder.ACTIVE;
    }

    /** The scalar kernel. */
    public static GammaKernel scalar() {
        return Scalar.INSTANCE;
    }

    /** The Vector API kernel, when the JVM has the incubator module (ignoring {@link #VECTOR_PROPERTY}). */
    public static Optional<GammaKernel> vector() {
        return Optional.ofNullable(Holder.VECTOR);
    }

    /** What the kernel is, for a log line: "Vector API, 8 × double (512-bit)" or "scalar ...". */
    public abstract String description();

    /**
     * Corrects the segment in place (see the class comment).
     *
     * @return −1, or the index of a sample to be corrected whose {@code value + s} is not above 0
     *     (or NaN): the statistics the correction was built from do not fit the pixels. Samples
     *     before it may already be corrected, those after it are not.
     */
    public abstract int apply(double[] values, boolean[] valid, double[] ref, double[] loc, int length,
                              double s, double alpha);

    /**
     * One sample's correction, the same bits as {@link #apply} gives it; its caller checks that
     * {@code value + s > 0}.
     */
    public static double correct(double value, double ref, double loc, double s, double alpha) {
        return GammaMath.correct(value + s, ref, loc, s, alpha);
    }

    private static final class Scalar extends GammaKernel {
        static final Scalar INSTANCE = new Scalar();

        @Override
        public String description() {
            return Holder.WHY_SCALAR == null ? "scalar" : "scalar (" + Holder.WHY_SCALAR + ")";
        }

        @Override
        public int apply(double[] values, boolean[] valid, double[] ref, double[] loc, int length, double s, double alpha) {
            for (int i = 0; i < length; i++) {
                double r = ref[i], l = loc[i];
                if (!valid[i] || r != r || l != l) {
                    continue;
                }
                double base = values[i] + s;
                if (!(base > 0)) {
                    return i;
                }
                values[i] = GammaMath.correct(base, r, l, s, alpha);
            }
            return -1;
        }
    }

    /** Chooses once, on first use; the vector class is loaded by name, only when its module is there. */
    private static final class Holder {
        static final GammaKernel VECTOR = loadVector();
        static final String WHY_SCALAR = whyScalar();
        static final GammaKernel ACTIVE = WHY_SCALAR == null ? VECTOR : Scalar.INSTANCE;

        private static GammaKernel loadVector() {
            if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
                return null;
            }
            try {
                return (GammaKernel) Class.forName(GammaKernel.class.getPackageName() + ".VectorGammaKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return null; // a JVM whose incubator module does not work here: the scalar kernel gives the same bits
            }
        }

        /** Why the scalar kernel is used, or null when the vector kernel is. */
        private static String whyScalar() {
            if (VECTOR == null) {
                return "Vector API not enabled: java --add-modules " + VECTOR_MODULE;
            }
            if ("false".equalsIgnoreCase(System.getProperty(VECTOR_PROPERTY))) {
                return "Vector API turned off: -D" + VECTOR_PROPERTY + "=false";
            }
            if (!optimizingCompiler()) {
                return "Vector API not used: no C2 compiler in this JVM (-Xint or -XX:TieredStopAtLevel below 4)";
            }
            return null;
        }

        /**
         * Whether HotSpot's C2 compiles hot code here. Only C2 turns Vector API calls into vector
         * instructions; interpreted or C1-compiled, each call boxes its lanes and runs ~50× slower
         * than the scalar kernel.
         */
        private static boolean optimizingCompiler() {
            if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
                return false;
            }
            try {
                com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory
                        .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                return !"true".equals(vm.getVMOption("TieredCompilation").getValue())
                        || Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4;
            } catch (RuntimeException | LinkageError e) {
                return true; // not HotSpot, or no management module: assume an optimizing JIT
            }
        }
    }
}
