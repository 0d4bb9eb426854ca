package io.radnorm.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * What the command line asks of the Spark session it is about to get, handed to
 * {@link SparkSessions#getOrCreate}: the {@code spark:} entries of a job file (never overriding
 * {@code spark-submit --conf}, {@code spark-defaults.conf} or {@code -D}, which the caller chose
 * for this very run), the job group (the command, so the Spark UI and the progress line say
 * "radnorm pipeline: ...") and the console {@link ProgressReporter}.
 *
 * <p>Per JVM and per run: the CLI sets it before a command and {@link #finish}es it after, so
 * commands run one after another in one JVM (tests, notebooks) do not inherit each other's.
 */
public final class SessionSettings {

    private static Map<String, String> sparkConf = Map.of();
    private static ProgressReporter reporter;
    private static SparkContext attachedTo;

    private SessionSettings() {
    }

    /** Spark entries to add when the session is created (a job file's {@code spark:} map). */
    public static synchronized void sparkConf(Map<String, String> entries) {
        sparkConf = new LinkedHashMap<>(entries);
    }

    /** The console progress reporter for the next session, or {@code null} for none ({@code --quiet}). */
    public static synchronized void progress(ProgressReporter r) {
        reporter = r;
    }

    /** Adds the job file's entries that {@code conf} (what the caller set) does not have, to both. */
    static synchronized void configure(SparkSession.Builder b, SparkConf conf) {
        sparkConf.forEach((k, v) -> {
            if (!conf.contains(k)) {
                conf.set(k, v);
                b.config(k, v);
            }
        });
    }

    /**
     * Applies the job file's entries to a session that is already running: those Spark lets a
     * running session change (runtime SQL settings); the others are logged and left alone, as a
     * session builder would.
     */
    static synchronized void configure(SparkSession running) {
        sparkConf.forEach((k, v) -> {
            if (running.conf().isModifiable(k)) {
                running.conf().set(k, v);
            } else if (!v.equals(running.conf().get(k, null))) {
                org.slf4j.LoggerFactory.getLogger(SessionSettings.class).warn(
                        "{}={} not applied: the Spark session is already running", k, v);
            }
        });
    }

    /** Names the jobs after the command and attaches the progress reporter. */
    static synchronized SparkSession started(SparkSession spark, String appName) {
        SparkContext sc = spark.sparkContext();
        sc.setJobGroup(appName, appName, false);
        if (reporter != null && attachedTo == null) {
            sc.addSparkListener(reporter);
            attachedTo = sc;
        }
        return spark;
    }

    /**
     * Waits until {@code reporter} has seen the end of every job it saw start. A failed job wakes
     * its caller before Spark posts its end event, so an empty bus alone is not enough.
     */
    static void drain(SparkContext sc, ProgressReporter reporter) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            do {
                sc.listenerBus().waitUntilEmpty(10_000);
                if (!reporter.hasRunningJobs()) {
                    return;
                }
                Thread.sleep(20);
            } while (System.nanoTime() < deadline);
        } catch (java.util.concurrent.TimeoutException e) {
            // a busy listener bus: the last progress line may come late; nothing else is lost
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends a run: waits until the listener has seen every event (so the last progress line is
     * printed before the command returns), detaches it and forgets the run's settings.
     */
    public static synchronized void finish() {
        if (attachedTo != null) {
            if (!attachedTo.isStopped()) {
                drain(attachedTo, reporter);
                attachedTo.removeSparkListener(reporter);
                attachedTo.clearJobGroup();
            }
            attachedTo = null;
        }
        reporter = null;
        sparkConf = Map.of();
    }
}
