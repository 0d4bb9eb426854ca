package io.radnorm.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place radnorm obtains its Spark session.
 *
 * <p>Under {@code spark-submit} (or in a notebook) the master and settings come from the caller and
 * are left alone. Run from the {@code ./radnorm} launcher, no master is set and radnorm starts
 * Spark in {@code local[*]} mode bound to the loopback interface, the embedded default: a user with
 * only a JDK gets the same jobs on one machine.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    public static SparkSession getOrCreate(String appName) {
        // A running session (a notebook's, a workflow's earlier step) is used as it is: a builder
        // could only change its runtime SQL settings anyway, and would warn that it ignored the rest.
        scala.Option<SparkSession> running = SparkSession.getActiveSession();
        if (running.isEmpty()) {
            running = SparkSession.getDefaultSession();
        }
        if (running.isDefined() && !running.get().sparkContext().isStopped()) {
            SessionSettings.configure(running.get());
            return SessionSettings.started(running.get(), appName);
        }
        SparkConf conf = new SparkConf(); // picks up spark.* system properties, as spark-submit sets them
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        SessionSettings.configure(b, conf); // a job file's spark: entries the caller did not set
        if (!conf.contains("spark.master")) {
            b.master("local[*]");
            if (!conf.contains("spark.driver.bindAddress")) {
                b.config("spark.driver.bindAddress", "127.0.0.1");
            }
            if (!conf.contains("spark.driver.host")) {
                b.config("spark.driver.host", "127.0.0.1");
            }
        }
        if (!conf.contains("spark.serializer")) {
            b.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        }
        String registrators = conf.get("spark.kryo.registrator", "");
        if (!registrators.contains(RadnormKryoRegistrator.class.getName())) {
            b.config("spark.kryo.registrator", registrators.isEmpty() ? RadnormKryoRegistrator.class.getName()
                    : registrators + "," + RadnormKryoRegistrator.class.getName());
        }
        // radnorm prints its own per-stage progress line; Spark's bar would interleave with it.
        if (!conf.contains("spark.ui.showConsoleProgress")) {
            b.config("spark.ui.showConsoleProgress", "false");
        }
        return SessionSettings.started(b.getOrCreate(), appName);
    }
}
