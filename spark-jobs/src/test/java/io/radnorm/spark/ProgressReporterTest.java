package io.radnorm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.cli.RadnormCli;
import io.radnorm.raster.testing.TestData;
import io.radnorm.testing.SparkTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The console progress line: fed by Spark's listener events, one per radnorm stage. */
class ProgressReporterTest {

    @TempDir
    Path dir;

    /** Runs a 4-task job of 8 items, each counting 100 pixels, with the reporter attached. */
    private static String runJob(ProgressReporter reporter, StringWriter text, String description, boolean fail) {
        SparkContext sc = SparkTest.session().sparkContext();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        sc.addSparkListener(reporter);
        sc.setJobGroup("radnorm test", "radnorm test", false);
        jsc.setJobDescription(description);
        LongAccumulator pixels = ProgressReporter.pixelCounter(sc);
        try {
            jsc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 4).map(x -> {
                pixels.add(100);
                if (fail) {
                    throw new IllegalStateException("broken task");
                }
                return x * x;
            }).collect();
        } catch (Exception e) {
            if (!fail) {
                throw e;
            }
        } finally {
            sc.clearJobGroup();
            jsc.setJobDescription(null);
            SessionSettings.drain(sc, reporter);
            sc.removeSparkListener(reporter);
        }
        return text.toString();
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlaceEndingAt100Percent() {
        StringWriter text = new StringWriter();
        String out = runJob(new ProgressReporter(new PrintWriter(text), true, 10), text, "radnorm: squares (8 items)",
                false);
        assertTrue(out.startsWith("\rradnorm test: squares (8 items): "), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), out); // one line, redrawn with \r
        assertTrue(out.endsWith("\n"), out);
        String last = out.substring(out.lastIndexOf('\r') + 1).strip();
        assertTrue(last.matches("radnorm test: squares \\(8 items\\): 100% 4 tasks in [0-9.]+ s, 800 px, [0-9]+ kpx/s"),
                last);
    }

    @Test
    void aLogGetsWholeLinesAndOtherJobsAreIgnored() {
        StringWriter text = new StringWriter();
        ProgressReporter reporter = new ProgressReporter(new PrintWriter(text), false, 0); // a line per task
        String out = runJob(reporter, text, "radnorm: squares (8 items)", false);
        assertFalse(out.contains("\r"), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.size() >= 2, out);
        Matcher m = Pattern.compile("radnorm test: squares \\(8 items\\): (\\d+)% (\\d)/4 tasks, .*").matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        assertEquals(25 * Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        assertTrue(lines.get(lines.size() - 1).contains(": 100% 4 tasks"), out);

        StringWriter none = new StringWriter();
        assertEquals("", runJob(new ProgressReporter(new PrintWriter(none), false, 0), none, "somebody else's job", false));

        StringWriter failed = new StringWriter();
        String f = runJob(new ProgressReporter(new PrintWriter(failed), false, 0), failed, "radnorm: doomed", true);
        assertTrue(f.strip().endsWith("radnorm test: doomed: failed after 0/4 tasks"), f);
    }

    @Test
    void aPipelineNamesItsStagesAndQuietPrintsNone() {
        SparkTest.session();
        String mosaic = TestData.sample("mosaic").toString();
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = RadnormCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, RadnormCli.execute(cl, "pipeline", "-i", mosaic, "-o", dir + "/", "--blocks", "4x4"), err.toString());
        String e = err.toString();
        assertTrue(e.contains("radnorm pipeline: read headers of 4 rasters: 100% 4 tasks"), e);
        assertTrue(e.contains("radnorm pipeline: global and block statistics (1 cells, 4 images): 100% 1 tasks"), e);
        // the apply pass: 4 images of 200 x 200 pixels
        assertTrue(e.contains("radnorm pipeline: apply normalization (4 images): 100% 4 tasks in "), e);
        assertTrue(e.contains(", 160000 px, "), e);

        StringWriter quietErr = new StringWriter();
        CommandLine quiet = RadnormCli.commandLine();
        quiet.setOut(new PrintWriter(new StringWriter()));
        quiet.setErr(new PrintWriter(quietErr));
        assertEquals(0, RadnormCli.execute(quiet, "pipeline", "-i", mosaic, "--blocks", "4x4", "--quiet"));
        assertEquals("", quietErr.toString());
    }

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertEquals("2.5 s", ProgressReporter.duration(2.5));
        assertEquals("42 s", ProgressReporter.duration(42));
        assertEquals("2 min 5 s", ProgressReporter.duration(125));
        assertEquals("1 h 1 min", ProgressReporter.duration(3690));
    }
}
