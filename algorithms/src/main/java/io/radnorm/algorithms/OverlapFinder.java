package io.radnorm.algorithms;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds every pair of footprints that overlap, with a JTS {@link STRtree} so that N images cost
 * about N·log N envelope tests instead of N² — a country-wide collection has tens of thousands.
 *
 * <p>Footprints are axis-aligned map envelopes in one CRS. Two footprints overlap when their
 * intersection has positive area: images that only touch along an edge or at a corner share no
 * pixel and form no pair (the reference toolkit uses the same strict test). Pairs are reported
 * once, with {@code i < j} in input order, sorted by (i, j), so results do not depend on the tree.
 */
public final class OverlapFinder {

    /** One overlapping pair: indices into the input list, and their common extent. */
    public record Overlap(int i, int j, Envelope intersection) {
    }

    private OverlapFinder() {
    }

    public static List<Overlap> find(List<Envelope> footprints) {
        STRtree tree = new STRtree();
        for (int k = 0; k < footprints.size(); k++) {
            tree.insert(footprints.get(k), k);
        }
        List<Overlap> out = new ArrayList<>();
        for (int i = 0; i < footprints.size(); i++) {
            Envelope a = footprints.get(i);
            @SuppressWarnings("unchecked")
            List<Integer> hits = tree.query(a);
            List<Integer> sorted = new ArrayList<>(hits);
            sorted.sort(null);
            for (int j : sorted) {
                if (j <= i) {
                    continue;
                }
                Envelope common = a.intersection(footprints.get(j));
                if (common.getWidth() > 0 && common.getHeight() > 0) {
                    out.add(new Overlap(i, j, common));
                }
            }
        }
        return out;
    }
}
