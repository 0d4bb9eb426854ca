package io.radnorm.spark;

import java.nio.ByteBuffer;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag$;

/**
 * {@link JavaSparkContext#broadcast} that logs, at INFO, how many bytes the value serializes to
 * with the job's serializer (Kryo or Java, as {@code spark.serializer} says): the driver-side
 * numbers that grow with the number of images (headers, corrections, block maps) and that must
 * stay far below driver and executor memory at 10⁵ images.
 *
 * <p>The value is serialized once more for the count; that costs about what Spark's own
 * serialization of the broadcast costs, small next to the job it feeds.
 */
public final class Broadcasts {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcasts.class);

    private Broadcasts() {
    }

    /** Broadcasts {@code value}, logging {@code what} and its serialized size. */
    public static <T> Broadcast<T> broadcast(JavaSparkContext jsc, T value, String what) {
        if (LOG.isInfoEnabled()) {
            long start = System.nanoTime();
            long bytes = serializedSize(value);
            LOG.info("broadcast {}: {} bytes (serialized in {} ms)", what, bytes, (System.nanoTime() - start) / 1_000_000);
        }
        return jsc.broadcast(value);
    }

    /** The Hadoop configuration of {@code jsc}, for executors to open files with (logged like any broadcast). */
    public static Broadcast<SerializableConfiguration> hadoopConfiguration(JavaSparkContext jsc) {
        return hadoopConfiguration(jsc, jsc.hadoopConfiguration());
    }

    /** {@code conf}, for executors to open files with (logged like any broadcast). */
    public static Broadcast<SerializableConfiguration> hadoopConfiguration(JavaSparkContext jsc,
                                                                          org.apache.hadoop.conf.Configuration conf) {
        return broadcast(jsc, new SerializableConfiguration(conf), "Hadoop configuration");
    }

    /** Bytes of {@code value} with the active serializer; -1 if it cannot be serialized here. */
    static long serializedSize(Object value) {
        SparkEnv env = SparkEnv.get();
        if (env == null) {
            return -1;
        }
        ByteBuffer bytes = env.serializer().newInstance().serialize(value, ClassTag$.MODULE$.AnyRef());
        return bytes.remaining();
    }
}
