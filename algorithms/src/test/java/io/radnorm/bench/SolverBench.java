package io.radnorm.bench;

import io.radnorm.algorithms.global.GainOffsetModel;
import io.radnorm.algorithms.global.GlobalRegressionProblem;
import io.radnorm.algorithms.global.GlobalRegressionSettings;
import io.radnorm.algorithms.global.GlobalRegressionSolver;
import io.radnorm.algorithms.global.SyntheticOverlapGraph;
import io.radnorm.algorithms.lsq.ConjugateGradientSolver;
import io.radnorm.algorithms.lsq.LinearLeastSquaresSolver;
import io.radnorm.algorithms.lsq.NormalEquationsSolver;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of the global regression's driver-side solve (scripts/bench solver): synthetic grids
 * of images with 8 neighbours each ({@link SyntheticOverlapGraph}), one independent problem per
 * band, solved by the sparse (or dense) least-squares solver.
 *
 * <pre>
 * SolverBench [--images 1000,10000,100000] [--bands 4] [--method sparse|dense]
 *             [--settings default|references] [--noise 0.001] [--reference-step 5] [--seed 1]
 * </pre>
 *
 * <ul>
 *   <li>{@code default}: every image a model image (radnorm's default): no known answer; the
 *       error column is the residual ‖A·x − y‖ relative to ‖y‖;</li>
 *   <li>{@code references}: the images in every 5th row and column are calibrated references
 *       (gain 1, offset 0) and the model images: the true correction of every image is known;
 *       the error column is the largest |a·gain − 1|·2000 + |a·offset + b| over the images (in
 *       digital numbers over a 2000 DN range; 0 when perfect; the noise sets its size).</li>
 * </ul>
 *
 * Prints one {@code RESULT} line per size: total solve time of all bands (problem validation,
 * system assembly and solve; not the generation of the statistics), as wall and as CPU time of
 * the (single) solving thread and of the whole JVM (GC included) — on a shared machine the CPU
 * times are the stable numbers — and the
 * part spent in the least-squares solver itself; peak heap used during the
 * solves (sampled every 2 ms, garbage included), heap used by the inputs before, PCG iterations.
 */
public final class SolverBench {

    private SolverBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1000, 10_000, 100_000);
        int bands = 4;
        String method = "sparse";
        String settingsName = "references";
        double noise = 0.001;
        int referenceStep = 5;
        long seed = 1;
        for (int k = 0; k < args.length; k += 2) {
            String v = args[k + 1];
            switch (args[k]) {
                case "--images" -> sizes = java.util.Arrays.stream(v.split(",")).map(Integer::valueOf).toList();
                case "--bands" -> bands = Integer.parseInt(v);
                case "--method" -> method = v;
                case "--settings" -> settingsName = v;
                case "--noise" -> noise = Double.parseDouble(v);
                case "--reference-step" -> referenceStep = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        boolean references = settingsName.equals("references");
        for (int images : sizes) {
            int side = (int) Math.round(Math.sqrt(images));
            List<SyntheticOverlapGraph> graphs = new ArrayList<>();
            List<GlobalRegressionProblem> problems = new ArrayList<>();
            for (int b = 0; b < bands; b++) {
                SyntheticOverlapGraph g = new SyntheticOverlapGraph(side, side, seed * 1000 + b, noise, 250_000,
                        references ? referenceStep : 0);
                graphs.add(g);
                GlobalRegressionSettings s = references ? g.referencesAsModels(GlobalRegressionSettings.DEFAULT)
                        : GlobalRegressionSettings.DEFAULT;
                problems.add(g.problem(s));
            }
            int pairs = graphs.get(0).overlaps().size();
            System.gc();
            long inputHeap = usedHeap();
            AtomicLong iterations = new AtomicLong();
            AtomicLong lsqNanos = new AtomicLong();
            AtomicLong nonZeros = new AtomicLong();
            boolean[] converged = {true};
            String m = method;
            LinearLeastSquaresSolver solver = (system, x0) -> {
                long start = System.nanoTime();
                try {
                    if (m.equals("dense")) {
                        return new NormalEquationsSolver().solve(system, x0);
                    }
                    ConjugateGradientSolver.Report r = new ConjugateGradientSolver().solveWithReport(system, x0);
                    iterations.addAndGet(r.iterations());
                    nonZeros.set(r.normalNonZeros());
                    converged[0] &= r.converged();
                    return r.x();
                } finally {
                    lsqNanos.addAndGet(System.nanoTime() - start);
                }
            };
            PeakSampler sampler = new PeakSampler();
            long t0 = System.nanoTime();
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long process0 = processCpuNanos();
            List<GainOffsetModel> models = new ArrayList<>();
            for (GlobalRegressionProblem p : problems) {
                // The problem's own validation is part of the driver's cost: rebuild it.
                GlobalRegressionProblem fresh = new GlobalRegressionProblem(p.names(), p.whole(), p.overlaps(), p.settings());
                GlobalRegressionSolver s = new GlobalRegressionSolver(fresh);
                s.setLeastSquaresSolver(solver);
                models.add(s.getModel());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
            double processSeconds = (processCpuNanos() - process0) / 1e9;
            long peak = sampler.stop();
            double error = 0;
            for (int b = 0; b < bands; b++) {
                GainOffsetModel model = models.get(b);
                error = Math.max(error, references ? graphs.get(b).maxErrorAgainstReferences(model)
                        : model.residualNorm() / rhsNorm(problems.get(b)));
            }
            System.out.printf(Locale.ROOT, "RESULT images=%d grid=%dx%d pairs=%d bands=%d method=%s settings=%s noise=%g"
                            + " solve_s=%.3f per_band_s=%.3f solve_cpu_s=%.3f process_cpu_s=%.3f least_squares_s=%.3f heap_peak_mb=%d input_heap_mb=%d pcg_iterations=%d"
                            + " normal_nonzeros=%d converged=%s %s=%.3g%n",
                    side * side, side, side, pairs, bands, method, settingsName, noise, seconds, seconds / bands, cpuSeconds, processSeconds, lsqNanos.get() / 1e9,
                    peak >> 20, inputHeap >> 20, iterations.get(), nonZeros.get(), converged[0],
                    references ? "max_error_dn" : "relative_residual", error);
        }
    }

    /** ‖y‖ of the regression's system: its anchor rows, p·mean and p·std per model image. */
    private static double rhsNorm(GlobalRegressionProblem p) {
        double total = 0;
        for (var o : p.overlaps()) {
            total += o.count();
        }
        double weight = total / (2.0 * p.imageCount());
        double s = 0;
        for (var m : p.whole()) {
            s += weight * weight * (m.mean() * m.mean() + m.std() * m.std());
        }
        return Math.sqrt(s);
    }

    /** CPU time of the whole JVM (the solving thread, GC and JIT threads). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** Largest heap used, sampled every 2 ms on a daemon thread. */
    private static final class PeakSampler {
        private final AtomicLong peak = new AtomicLong(usedHeap());
        private volatile boolean running = true;
        private final Thread thread = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        PeakSampler() {
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.accumulateAndGet(usedHeap(), Math::max);
        }
    }
}
