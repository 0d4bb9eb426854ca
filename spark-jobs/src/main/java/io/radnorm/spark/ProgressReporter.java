package io.radnorm.spark;

import io.radnorm.algorithms.stats.ImageWindow;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.util.LongAccumulator;
import scala.collection.Iterator;

/**
 * The console progress line of a long run: one per radnorm job (statistics pass, apply pass,
 * headers), with the stage's name as the Spark UI shows it, tasks done of total, pixels per second
 * and the time left:
 *
 * <pre>radnorm pipeline: global and block statistics (16 cells, 4 images): 45% 7/16 tasks, 12.3 Mpx/s, ETA 41 s</pre>
 *
 * <p>On a terminal the line is redrawn in place ({@code \r}); otherwise (a log file, a cluster's
 * driver log, a test) one line is printed every {@code interval} seconds, so logs stay short.
 * Each stage ends with one line saying 100 % (or that it failed), in both modes.
 *
 * <p>Fed by Spark's listener events, on the driver: a job is radnorm's when its description
 * ({@code setJobDescription}, set by the passes) starts with "radnorm"; the job group
 * ({@code setJobGroup}, the command, e.g. "radnorm pipeline") prefixes the name. Pixels come from a
 * named accumulator ({@link #PIXELS}) the passes add to as tasks read ({@link #pixelCounter},
 * {@link #counted}); only its per-task update travels, with the task-end event Spark sends anyway.
 */
public final class ProgressReporter extends SparkListener {

    /** Name of the accumulator of pixels read or written (per band), shown in the Spark UI too. */
    public static final String PIXELS = "radnorm pixels";

    private final PrintWriter out;
    private final boolean terminal;
    private final long intervalNanos;
    private final Map<Integer, Job> jobs = new HashMap<>();
    private final Map<Integer, Job> byStage = new HashMap<>();
    private int drawnWidth;

    /**
     * @param terminal       redraw one line in place (stderr is a terminal)
     * @param intervalSeconds how often to print a line when not on a terminal
     */
    public ProgressReporter(PrintWriter out, boolean terminal, double intervalSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    /** A pixel counter for one pass; tasks add to it, the reporter reads each task's update. */
    public static LongAccumulator pixelCounter(SparkContext sc) {
        return sc.longAccumulator(PIXELS);
    }

    /** Adds the windows' pixels (per band) to {@code counter} and returns the windows. */
    public static List<ImageWindow> counted(LongAccumulator counter, List<ImageWindow> windows) {
        long n = 0;
        for (ImageWindow w : windows) {
            n += w.pixels().pixelsPerBand();
        }
        counter.add(n);
        return windows;
    }

    private static final class Job {
        final String name;
        final int totalTasks;
        final long start = System.nanoTime();
        int doneTasks;
        long pixels;
        long lastPrint = start;

        Job(String name, int totalTasks) {
            this.name = name;
            this.totalTasks = totalTasks;
        }
    }

    /** Whether a radnorm job has started and not yet ended. */
    public synchronized boolean hasRunningJobs() {
        return !jobs.isEmpty();
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart event) {
        Properties p = event.properties();
        String description = p == null ? null : p.getProperty("spark.job.description");
        if (description == null || !description.startsWith("radnorm")) {
            return;
        }
        String group = p.getProperty("spark.jobGroup.id");
        String name = group != null && group.startsWith("radnorm") && description.startsWith("radnorm: ")
                ? group + ": " + description.substring("radnorm: ".length()) : description;
        int total = 0;
        for (Iterator<StageInfo> it = event.stageInfos().iterator(); it.hasNext(); ) {
            total += it.next().numTasks();
        }
        Job job = new Job(name, total);
        for (Iterator<StageInfo> it = event.stageInfos().iterator(); it.hasNext(); ) {
            byStage.put(it.next().stageId(), job);
        }
        jobs.put(event.jobId(), job);
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        Job job = byStage.get(event.stageId());
        if (job == null || event.taskInfo() == null || !event.taskInfo().successful()) {
            return;
        }
        job.doneTasks++;
        Iterator<AccumulableInfo> accs = event.taskInfo().accumulables().iterator();
        while (accs.hasNext()) {
            AccumulableInfo a = accs.next();
            if (a.name().isDefined() && PIXELS.equals(a.name().get()) && a.update().isDefined()) {
                job.pixels += ((Number) a.update().get()).longValue();
            }
        }
        long now = System.nanoTime();
        if (now - job.lastPrint >= (terminal ? 250_000_000L : intervalNanos)) {
            job.lastPrint = now;
            print(line(job, now, false), false);
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd event) {
        Job job = jobs.remove(event.jobId());
        if (job == null) {
            return;
        }
        byStage.values().removeIf(j -> j == job);
        boolean ok = event.jobResult() == JobSucceeded$.MODULE$;
        print(ok ? line(job, System.nanoTime(), true) : job.name + ": failed after " + job.doneTasks + "/"
                + job.totalTasks + " tasks", true);
    }

    private static String line(Job job, long now, boolean finished) {
        double seconds = Math.max(1e-9, (now - job.start) / 1e9);
        StringBuilder s = new StringBuilder(job.name).append(": ");
        if (finished) {
            s.append(String.format(Locale.ROOT, "100%% %d tasks in %s", job.doneTasks, duration(seconds)));
            if (job.pixels > 0) {
                s.append(", ").append(count(job.pixels)).append(" px, ").append(rate(job.pixels / seconds));
            }
            return s.toString();
        }
        int total = Math.max(job.totalTasks, job.doneTasks);
        s.append(String.format(Locale.ROOT, "%d%% %d/%d tasks", total == 0 ? 0 : 100L * job.doneTasks / total,
                job.doneTasks, total));
        if (job.pixels > 0) {
            s.append(", ").append(rate(job.pixels / seconds));
        }
        if (job.doneTasks > 0 && job.doneTasks < total) {
            s.append(", ETA ").append(duration(seconds / job.doneTasks * (total - job.doneTasks)));
        }
        return s.toString();
    }

    private static String count(long px) {
        return px >= 1_000_000 ? String.format(Locale.ROOT, "%.1f M", px / 1e6) : Long.toString(px);
    }

    private static String rate(double pxPerSecond) {
        return pxPerSecond >= 1e6 ? String.format(Locale.ROOT, "%.1f Mpx/s", pxPerSecond / 1e6)
                : String.format(Locale.ROOT, "%.0f kpx/s", pxPerSecond / 1e3);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
                : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private void print(String line, boolean last) {
        if (terminal) {
            // Redraw in place; pad over a longer previous line.
            String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
            out.print("\r" + padded);
            drawnWidth = line.length();
            if (last) {
                out.print("\n");
                drawnWidth = 0;
            }
        } else {
            out.println(line);
        }
        out.flush();
    }
}
