package io.radnorm.spark.report;

import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.SeamStatistics;
import io.radnorm.spark.SeamReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the seam chart draws: for every pair that overlaps before the correction, its seam RMSE
 * over all bands (pixel-weighted, as {@code stats compare}'s summary) before and after, plus the
 * overall summaries.
 *
 * @param pairs       "first ~ second", by the before images' names
 * @param rmseBefore  element k is pair k's RMSE before
 * @param rmseAfter   element k is pair k's RMSE after (NaN if the pair no longer overlaps)
 */
public record SeamChartData(List<String> pairs, List<Double> rmseBefore, List<Double> rmseAfter,
                            SeamReport.Summary overallBefore, SeamReport.Summary overallAfter) {

    public static SeamChartData of(List<String> names, SeamStatistics before, SeamStatistics after) {
        List<String> pairs = new ArrayList<>();
        List<Double> b = new ArrayList<>(), a = new ArrayList<>();
        Map<Long, SeamStatistics.Differences[]> afterPairs = after.pairs();
        for (Map.Entry<Long, SeamStatistics.Differences[]> e : before.pairs().entrySet()) {
            pairs.add(names.get(CollectionStatistics.keyI(e.getKey())) + " ~ "
                    + names.get(CollectionStatistics.keyJ(e.getKey())));
            b.add(SeamReport.summary(List.<SeamStatistics.Differences[]>of(e.getValue())).rmse());
            SeamStatistics.Differences[] d = afterPairs.get(e.getKey());
            a.add(d == null ? Double.NaN : SeamReport.summary(List.<SeamStatistics.Differences[]>of(d)).rmse());
        }
        return new SeamChartData(List.copyOf(pairs), List.copyOf(b), List.copyOf(a), SeamReport.summary(before),
                SeamReport.summary(after));
    }
}
