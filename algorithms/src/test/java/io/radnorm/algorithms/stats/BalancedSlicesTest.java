package io.radnorm.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BalancedSlicesTest {

    @Test
    void overlapCellsAreSpreadInsteadOfRunTogether() {
        // a row of cells: 1 image, then four cells under 4 overlapping images, then 1 image again
        List<Integer> costs = List.of(1, 1, 4, 4, 4, 4, 1, 1);

        List<List<Integer>> slices = BalancedSlices.of(costs, Integer::longValue, 4);

        // each slice one overlap cell and one lone cell, in row order
        assertEquals(List.of(List.of(1, 4), List.of(1, 4), List.of(4, 1), List.of(4, 1)), slices);
    }

    @Test
    void itemsKeepTheirOrderInsideASliceAndLargestSliceComesFirst() {
        List<String> cells = List.of("a", "bbbbbb", "cc", "ddd", "e");

        List<List<String>> slices = BalancedSlices.of(cells, s -> s.length(), 2);

        // largest first: bbbbbb -> 0; ddd, cc, a -> 1 (3, 5, 6); e: loads tie at 6 -> the lower slice, 0
        assertEquals(List.of(List.of("bbbbbb", "e"), List.of("a", "cc", "ddd")), slices);
    }

    @Test
    void fewerItemsThanSlices() {
        assertEquals(List.of(List.of(7), List.of(3)), BalancedSlices.of(List.of(3, 7), Integer::longValue, 8));
        assertEquals(List.of(), BalancedSlices.of(List.<Integer>of(), Integer::longValue, 8));
    }
}
