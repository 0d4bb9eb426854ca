package io.radnorm.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class OverlapFinderTest {

    @Test
    void findsOverlappingPairsOnceAndIgnoresTouchingEdges() {
        List<Envelope> footprints = List.of(
                new Envelope(0, 10, 0, 10),
                new Envelope(8, 18, 0, 10),   // overlaps 0 by a 2-wide strip
                new Envelope(18, 28, 0, 10),  // touches 1 along x = 18: no shared pixel
                new Envelope(5, 9, 5, 20));   // overlaps 0 and 1

        List<OverlapFinder.Overlap> pairs = OverlapFinder.find(footprints);

        assertEquals(3, pairs.size());
        assertEquals(0, pairs.get(0).i());
        assertEquals(1, pairs.get(0).j());
        assertEquals(new Envelope(8, 10, 0, 10), pairs.get(0).intersection());
        assertEquals(new Envelope(5, 9, 5, 10), pairs.get(1).intersection());
        assertEquals(1, pairs.get(2).i());
        assertEquals(3, pairs.get(2).j());
        assertEquals(new Envelope(8, 9, 5, 10), pairs.get(2).intersection());
    }

    @Test
    void noFootprintsNoPairs() {
        assertEquals(List.of(), OverlapFinder.find(List.of()));
    }
}
