package io.radnorm.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Collects a small RDD (one result per task, e.g. one {@link io.radnorm.raster.tiff.CogSummary}
 * per written image) like {@code collect()}, but hands each result to a callback <em>on the
 * calling driver thread as soon as its task has finished</em>, not only when the whole job has: a
 * run manifest can then record each output the moment it is committed, from one thread, while the
 * other tasks still run.
 *
 * <p>One job, as {@code collect()} would run: Spark's {@code submitJob} calls its result handler
 * on the scheduler's thread once per partition (the first successful attempt only); the handler
 * only queues, and the caller's thread drains the queue, so a slow callback (a manifest PUT on S3)
 * never holds up the scheduler. A failed job rethrows the exception {@code collect()} would have.
 */
public final class TaskResults {

    private TaskResults() {
    }

    /** Runs the job; {@code onResult} sees every element, in task completion order; returns them all. */
    public static <T> List<T> collect(JavaRDD<T> rdd, Consumer<T> onResult) {
        LinkedBlockingQueue<List<T>> finished = new LinkedBlockingQueue<>();
        int partitions = rdd.getNumPartitions();
        List<Object> ids = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ids.add(p);
        }
        Function1<scala.collection.Iterator<T>, List<T>> perPartition = partitionResults();
        Function2<Object, List<T>, BoxedUnit> handler = (index, results) -> {
            finished.add(results);
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
        SimpleFutureAction<BoxedUnit> job = rdd.context().submitJob(rdd.rdd(), perPartition,
                scala.jdk.javaapi.CollectionConverters.asScala(ids).toSeq(), handler, done);
        List<T> all = new ArrayList<>();
        try {
            while (!job.isCompleted() || !finished.isEmpty()) {
                List<T> results = finished.poll(100, TimeUnit.MILLISECONDS);
                if (results != null) {
                    for (T t : results) {
                        all.add(t);
                        onResult.accept(t);
                    }
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + rdd.name(), e);
        } catch (RuntimeException | Error e) {
            job.cancel(); // the callback failed: stop writing what could not be recorded
            throw e;
        }
        Try<BoxedUnit> outcome = job.value().get();
        if (outcome.isFailure()) {
            throw TaskResults.<RuntimeException>sneaky(outcome.failed().get());
        }
        return all;
    }

    /** Rethrows as is (a SparkException, checked in Java), exactly as {@code collect()} lets it through. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** A serializable function (the closure Spark ships to the tasks) copying a partition to a list. */
    private static <T> Function1<scala.collection.Iterator<T>, List<T>> partitionResults() {
        return (Function1<scala.collection.Iterator<T>, List<T>> & java.io.Serializable) it -> {
            List<T> out = new ArrayList<>();
            while (it.hasNext()) {
                out.add(it.next());
            }
            return out;
        };
    }
}
