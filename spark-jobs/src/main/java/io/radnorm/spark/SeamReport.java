package io.radnorm.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.SeamStatistics;
import io.radnorm.raster.fs.AtomicOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The seam metric of a collection before and, optionally, after a correction, pair by pair and band
 * by band, with a pixel-weighted summary over all pairs and bands: the number to watch fall.
 * The two sides are matched by position (the i-th image before is the i-th after), since
 * corrected files carry a suffix in their names.
 */
public record SeamReport(Side before, Side after) {

    /** One collection's metric. */
    public record Side(List<String> names, SeamStatistics seams) {
    }

    /** Pixel-weighted means of the metric over every pair and band. */
    public record Summary(long pixels, double meanAbsoluteDifference, double rmse) {
    }

    public static SeamReport of(Side before, Side after) {
        if (after != null && after.names().size() != before.names().size()) {
            throw new IllegalArgumentException("--before has " + before.names().size() + " images but --after has "
                    + after.names().size());
        }
        return new SeamReport(before, after);
    }

    public static Summary summary(SeamStatistics s) {
        return summary(s.pairs().values());
    }

    /** Pixel-weighted means of the metric over the given pairs' bands (one pair: that pair's summary). */
    public static Summary summary(java.util.Collection<SeamStatistics.Differences[]> pairs) {
        long n = 0;
        double abs = 0, sq = 0;
        for (SeamStatistics.Differences[] d : pairs) {
            for (SeamStatistics.Differences band : d) {
                if (band.count() > 0) {
                    n += band.count();
                    abs += band.meanAbsoluteDifference() * band.count();
                    sq += band.rmse() * band.rmse() * band.count();
                }
            }
        }
        return new Summary(n, n == 0 ? Double.NaN : abs / n, n == 0 ? Double.NaN : Math.sqrt(sq / n));
    }

    public void print(PrintWriter out) {
        out.printf("%-40s %4s %10s %10s %10s %10s %10s%n", "pair", "band", "pixels", "MAD", "MAD after",
                "RMSE", "RMSE after");
        Map<Long, SeamStatistics.Differences[]> afterPairs = after == null ? Map.of() : after.seams().pairs();
        for (Map.Entry<Long, SeamStatistics.Differences[]> e : before.seams().pairs().entrySet()) {
            String pair = before.names().get(CollectionStatistics.keyI(e.getKey())) + " ~ "
                    + before.names().get(CollectionStatistics.keyJ(e.getKey()));
            SeamStatistics.Differences[] a = afterPairs.get(e.getKey());
            for (int b = 0; b < e.getValue().length; b++) {
                SeamStatistics.Differences d = e.getValue()[b];
                out.printf(Locale.ROOT, "%-40s %4d %10d %10.3f %10s %10.3f %10s%n", pair, b + 1, d.count(),
                        d.meanAbsoluteDifference(), a == null ? "-" : String.format(Locale.ROOT, "%.3f",
                                a[b].meanAbsoluteDifference()),
                        d.rmse(), a == null ? "-" : String.format(Locale.ROOT, "%.3f", a[b].rmse()));
            }
        }
        Summary sb = summary(before.seams());
        out.printf(Locale.ROOT, "overall (pixel-weighted): MAD %.3f, RMSE %.3f before", sb.meanAbsoluteDifference(),
                sb.rmse());
        if (after != null) {
            Summary sa = summary(after.seams());
            out.printf(Locale.ROOT, "; MAD %.3f, RMSE %.3f after", sa.meanAbsoluteDifference(), sa.rmse());
        }
        out.println();
    }

    public void writeJson(String uri, Configuration conf) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode pairs = root.putArray("pairs");
        Map<Long, SeamStatistics.Differences[]> afterPairs = after == null ? Map.of() : after.seams().pairs();
        for (Map.Entry<Long, SeamStatistics.Differences[]> e : before.seams().pairs().entrySet()) {
            ObjectNode p = pairs.addObject();
            p.put("first", before.names().get(CollectionStatistics.keyI(e.getKey())));
            p.put("second", before.names().get(CollectionStatistics.keyJ(e.getKey())));
            ArrayNode bands = p.putArray("bands");
            SeamStatistics.Differences[] a = afterPairs.get(e.getKey());
            for (int b = 0; b < e.getValue().length; b++) {
                ObjectNode band = bands.addObject().put("band", b + 1).put("pixels", e.getValue()[b].count());
                putMetric(band.putObject("before"), e.getValue()[b]);
                if (a != null) {
                    putMetric(band.putObject("after"), a[b]);
                }
            }
        }
        ObjectNode summary = root.putObject("summary");
        putSummary(summary.putObject("before"), summary(before.seams()));
        if (after != null) {
            putSummary(summary.putObject("after"), summary(after.seams()));
        }
        try (AtomicOutput out = AtomicOutput.create(uri, conf, true)) {
            json.writeValue(out.stream(), root);
            out.commit();
        }
    }

    private static void putMetric(ObjectNode n, SeamStatistics.Differences d) {
        n.put("mad", d.meanAbsoluteDifference());
        n.put("rmse", d.rmse());
    }

    private static void putSummary(ObjectNode n, Summary s) {
        n.put("pixels", s.pixels());
        n.put("mad", s.meanAbsoluteDifference());
        n.put("rmse", s.rmse());
    }
}
