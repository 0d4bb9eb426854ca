package io.radnorm.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.global.GainOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class OverlapReferenceMapsTest {

    private final BlockGrid grid = new BlockGrid(new Envelope(0, 20, 0, 10), 1, 2); // blocks 0 (left), 1 (right)
    private final List<List<GainOffset>> identity = List.of(List.of(GainOffset.IDENTITY), List.of(GainOffset.IDENTITY));

    @Test
    void sharedPixelsGiveTheMeanOfTheMeansAndUnsharedBlocksStay() {
        BlockPairSums pairs = new BlockPairSums(grid, 1);
        // Over 2 common pixels in block 0, image 0 reads 10 and 12, image 1 reads 20 and 22.
        pairs.pair(0, 1, 0, 2.5, 5, 10, 20);
        pairs.pair(0, 1, 0, 3.5, 5, 12, 22);
        BlockMap local0 = BlockMap.of(grid, new double[][] {{11, 40}});
        BlockMap local1 = BlockMap.of(grid, new double[][] {{21, Double.NaN}});

        BlockMap ref0 = OverlapReferenceMaps.forImage(0, local0, pairs, identity);
        BlockMap ref1 = OverlapReferenceMaps.forImage(1, local1, pairs, identity);

        assertEquals(16, ref0.mean(0, 0), 1e-12, "11 + (21 - 11) / 2");
        assertEquals(16, ref1.mean(0, 0), 1e-12, "21 + (11 - 21) / 2");
        assertEquals(40, ref0.mean(0, 1), 1e-12, "image 0 alone in block 1: its own mean");
        assertTrue(ref1.isEmpty(0, 1));
    }

    @Test
    void differencesAreTakenOverTheCommonPixelsOnlyAndAfterTheGlobalCorrection() {
        BlockPairSums pairs = new BlockPairSums(grid, 1);
        pairs.pair(0, 1, 0, 5, 5, 100, 50); // common pixel: image 1 = image 0 / 2 before global
        // Image 0's block mean is over other ground (a bright field elsewhere in the block): 300.
        BlockMap local0 = BlockMap.of(grid, new double[][] {{300, Double.NaN}});
        List<List<GainOffset>> global = List.of(List.of(GainOffset.IDENTITY), List.of(new GainOffset(2, 0)));

        BlockMap ref0 = OverlapReferenceMaps.forImage(0, local0, pairs, global);

        assertEquals(300, ref0.mean(0, 0), 1e-12, "after global the images agree on the common pixel: no change");
    }
}
