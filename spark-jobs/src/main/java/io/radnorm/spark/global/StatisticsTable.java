package io.radnorm.spark.global;

import io.radnorm.algorithms.global.OverlapStats;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.Moments;
import io.radnorm.algorithms.stats.PairMomentAccumulator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured statistics of a collection, by image name: whole-image moments per band and, per
 * overlapping pair, each side's moments over the common valid pixels. What the driver solves from,
 * what {@code --save-adjustments} writes and {@code --load-adjustments} reuses.
 *
 * @param whole     per image name, one {@link Moments} per band
 * @param overlaps  per pair (first name, second name), each side's moments per band
 */
public record StatisticsTable(int bandCount, Map<String, List<Moments>> whole, List<Overlap> overlaps)
        implements Serializable {

    /** One pair's statistics: {@code ofFirst.get(b)} are {@code first}'s values in band b over the overlap. */
    public record Overlap(String first, String second, List<Moments> ofFirst, List<Moments> ofSecond)
            implements Serializable {
    }

    public StatisticsTable {
        whole = Map.copyOf(whole);
        overlaps = List.copyOf(overlaps);
    }

    /** From the reduced statistics of a pass, naming images by {@code names}. */
    public static StatisticsTable of(CollectionStatistics stats, List<String> names) {
        Map<String, List<Moments>> whole = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            List<Moments> m = new ArrayList<>();
            for (int b = 0; b < stats.bandCount(); b++) {
                m.add(stats.wholeMoments(i, b));
            }
            whole.put(names.get(i), m);
        }
        List<Overlap> overlaps = new ArrayList<>();
        for (Map.Entry<Long, PairMomentAccumulator[]> e : stats.pairs().entrySet()) {
            List<Moments> a = new ArrayList<>(), b = new ArrayList<>();
            for (PairMomentAccumulator p : e.getValue()) {
                a.add(p.ofI());
                b.add(p.ofJ());
            }
            overlaps.add(new Overlap(names.get(CollectionStatistics.keyI(e.getKey())),
                    names.get(CollectionStatistics.keyJ(e.getKey())), a, b));
        }
        return new StatisticsTable(stats.bandCount(), whole, overlaps);
    }

    /** This table with {@code other}'s entries added; {@code other} wins where both have an entry. */
    public StatisticsTable overriddenBy(StatisticsTable other) {
        Map<String, List<Moments>> w = new HashMap<>(whole);
        w.putAll(other.whole);
        Map<String, Overlap> byPair = new HashMap<>();
        for (Overlap o : overlaps) {
            byPair.put(pairKey(o.first(), o.second()), o);
        }
        for (Overlap o : other.overlaps) {
            byPair.put(pairKey(o.first(), o.second()), o);
        }
        return new StatisticsTable(bandCount, w, new ArrayList<>(byPair.values()));
    }

    /** Whether image {@code name} was measured and has no valid pixel in any band (all nodata). */
    public boolean hasNoValidPixel(String name) {
        List<Moments> m = whole.get(name);
        return m != null && m.stream().allMatch(x -> x.count() == 0);
    }

    public boolean hasPair(String a, String b) {
        String k = pairKey(a, b);
        return overlaps.stream().anyMatch(o -> pairKey(o.first(), o.second()).equals(k));
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /** Whole moments of band {@code band} for each of {@code names}, in order (EMPTY where unknown). */
    public List<Moments> wholeOfBand(List<String> names, int band) {
        List<Moments> out = new ArrayList<>();
        for (String n : names) {
            List<Moments> m = whole.get(n);
            out.add(m == null ? Moments.EMPTY : m.get(band));
        }
        return out;
    }

    /** Overlaps of band {@code band} among {@code names} as solver input (indices into {@code names}). */
    public List<OverlapStats> overlapsOfBand(List<String> names, int band) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        List<OverlapStats> out = new ArrayList<>();
        for (Overlap o : overlaps) {
            Integer i = index.get(o.first()), j = index.get(o.second());
            if (i == null || j == null || o.ofFirst().get(band).count() == 0) {
                continue;
            }
            out.add(new OverlapStats(i, j, o.ofFirst().get(band), o.ofSecond().get(band)));
        }
        return out;
    }
}
