package io.radnorm.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class OverlapComponentsTest {

    @Test
    void groupsVerticesDeterministicallyWhateverTheEdgeOrder() {
        OverlapComponents c = new OverlapComponents(7);
        c.connect(5, 3);
        c.connect(6, 1);
        c.connect(3, 0);
        c.connect(1, 6); // repeated edge
        List<int[]> comps = c.components();

        assertEquals(4, comps.size());
        assertArrayEquals(new int[] {0, 3, 5}, comps.get(0));
        assertArrayEquals(new int[] {1, 6}, comps.get(1));
        assertArrayEquals(new int[] {2}, comps.get(2));
        assertArrayEquals(new int[] {4}, comps.get(3));
        assertTrue(c.connected(0, 5));
        assertFalse(c.connected(0, 1));
    }

    @Test
    void fromOverlapFinderPairs() {
        List<Envelope> footprints = List.of(
                new Envelope(0, 10, 0, 10),
                new Envelope(20, 30, 0, 10),
                new Envelope(8, 22, 0, 10),   // bridges 0 and 1
                new Envelope(50, 60, 0, 10));
        OverlapComponents c = OverlapComponents.of(4, OverlapFinder.find(footprints));
        assertEquals(2, c.components().size());
        assertArrayEquals(new int[] {0, 1, 2}, c.components().get(0));
        assertArrayEquals(new int[] {3}, c.components().get(1));
    }

    @Test
    void noVerticesNoComponents() {
        assertEquals(List.of(), new OverlapComponents(0).components());
    }
}
