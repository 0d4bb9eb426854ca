package io.radnorm.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark job of one task per image: the shape of every pass that writes one output per input
 * (corrections, band math, masks). The work list and the Hadoop configuration are broadcast once
 * (never captured per task); each task runs {@code task} on its item with the configuration; the
 * results — small summaries, never pixels — come back to the driver in image order.
 */
public final class PerImageJob {

    /** What one task does with its item; runs on an executor. */
    @FunctionalInterface
    public interface ImageTask<T, R> extends Serializable {
        R run(T item, Configuration conf) throws Exception;
    }

    private PerImageJob() {
    }

    /**
     * @param what        what the work list holds, for the broadcast's size line
     * @param description the Spark UI's job description (after "radnorm: ")
     * @param onResult    when not {@code null}, called on the driver's thread as each task ends
     *                    ({@link TaskResults}), e.g. to record a committed output
     */
    public static <T, R> List<R> run(SparkSession spark, List<T> work, String what, String description,
                                     ImageTask<T, R> task, Consumer<R> onResult) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<List<T>> items = Broadcasts.broadcast(jsc, new ArrayList<>(work), what);
        Broadcast<SerializableConfiguration> conf = Broadcasts.hadoopConfiguration(jsc);
        List<Integer> slots = new ArrayList<>();
        for (int k = 0; k < work.size(); k++) {
            slots.add(k);
        }
        jsc.setJobDescription("radnorm: " + description);
        try {
            JavaRDD<R> results = jsc.parallelize(slots, Math.max(1, slots.size()))
                    .map(k -> task.run(items.value().get(k), conf.value().get()));
            return onResult == null ? results.collect() : TaskResults.collect(results, onResult);
        } finally {
            jsc.setJobDescription(null);
        }
    }
}
