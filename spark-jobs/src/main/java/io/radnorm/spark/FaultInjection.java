package io.radnorm.spark;

import io.radnorm.raster.Raster;
import io.radnorm.raster.tiff.RasterSource;
import java.util.Set;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * <b>Testing hook</b>: makes the <em>first attempt</em> of chosen Spark tasks fail mid-way, to prove
 * that a retried task produces the same bytes and that a failed attempt leaves nothing behind.
 * Off unless configured; costs one set look-up per task when off.
 *
 * <p>Configured by the Spark conf {@value #SPARK_CONF} or, if that is unset, the system property
 * {@value #PROPERTY} (local mode: the driver JVM is the executor): a comma list of
 * {@code <pass>:<partition>}, where pass is
 * <ul>
 *   <li>{@code write}: the apply pass ({@link CorrectedImageWriter}), one task per output; the
 *       attempt fails reading the source row of tiles that reaches half the image's height, after
 *       the output's temporary file and spill files exist and part of the image is encoded;</li>
 *   <li>{@code cells}: the statistics passes ({@link CanvasCellPass}), one task per canvas cell;
 *       the attempt fails after reading the cell's first image window.</li>
 * </ul>
 * e.g. {@code --conf spark.radnorm.faults.failTaskAttempts=write:0,write:2,cells:1}. Only attempt 0
 * fails, so a job with task retries (cluster default 4, {@code local[N,4]} locally) recovers; with
 * {@code local[N]} (no retries) the job fails with the injected error.
 */
public final class FaultInjection {

    /** System property naming the tasks whose first attempt fails. */
    public static final String PROPERTY = "radnorm.faults.failTaskAttempts";
    /** The same as a Spark conf key (passed to executors by {@code spark-submit --conf}). */
    public static final String SPARK_CONF = "spark." + PROPERTY;

    private FaultInjection() {
    }

    /** Whether this task attempt is one the hook fails in {@code pass}. */
    static boolean chosen(String pass) {
        TaskContext task = TaskContext.get();
        if (task == null || task.attemptNumber() > 0) {
            return false;
        }
        SparkEnv env = SparkEnv.get();
        String spec = env != null ? env.conf().get(SPARK_CONF, null) : null;
        if (spec == null) {
            spec = System.getProperty(PROPERTY);
        }
        if (spec == null || spec.isBlank()) {
            return false;
        }
        return Set.of(spec.replace(" ", "").split(",")).contains(pass + ":" + task.partitionId());
    }

    /** Throws the injected failure if this attempt is chosen in {@code pass}. */
    static void maybeFail(String pass) {
        if (chosen(pass)) {
            throw injected(pass);
        }
    }

    /**
     * {@code source}, or for a chosen attempt of the {@code write} pass a source that fails on the
     * read reaching half the image's height.
     */
    static RasterSource maybeFailing(RasterSource source) {
        if (!chosen("write")) {
            return source;
        }
        return RasterSource.of(source.width(), source.height(), source.bandCount(), source.dataType(), w -> {
            Raster r = source.read(w);
            if (w.y() + w.height() >= (source.height() + 1) / 2) {
                throw injected("write");
            }
            return r;
        });
    }

    private static IllegalStateException injected(String pass) {
        TaskContext task = TaskContext.get();
        return new IllegalStateException("injected failure (" + PROPERTY + ") in " + pass + " task "
                + task.partitionId() + ", attempt " + task.attemptNumber());
    }
}
