package io.radnorm.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session tests share: {@code local[2]} (this project's machines have two cores), bound to
 * loopback, no UI, small shuffle partitions. Created once per test JVM; Spark cannot host two
 * contexts in one JVM anyway.
 */
public final class SparkTest {

    private static SparkSession session;

    private SparkTest() {
    }

    public static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) { // a test may run its own session
            System.setProperty("spark.master", "local[2]");
            session = io.radnorm.spark.SparkSessions.getOrCreate("radnorm-tests");
            session.conf().set("spark.sql.shuffle.partitions", "4");
        }
        return session;
    }
}
