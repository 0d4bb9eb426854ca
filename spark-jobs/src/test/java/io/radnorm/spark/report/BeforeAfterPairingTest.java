package io.radnorm.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeforeAfterPairingTest {

    private static RasterInfo tif(String location) {
        return new RasterInfo(location, 1, 1, 1, DataType.UINT8, null, null, null, null);
    }

    private static List<String> paired(List<String> before, List<String> after) {
        return BeforeAfterPairing.pair(before.stream().map(BeforeAfterPairingTest::tif).toList(),
                after.stream().map(BeforeAfterPairingTest::tif).toList()).stream().map(RasterInfo::location).toList();
    }

    @Test
    void afterFilesFollowTheBeforeOrderByNamePrefix() {
        assertEquals(List.of("out/a_Normalized.tif", "out/b_Normalized.tif"),
                paired(List.of("in/a.tif", "in/b.tif"), List.of("out/b_Normalized.tif", "out/a_Normalized.tif")));
    }

    @Test
    void theLongestPrefixWins() {
        assertEquals(List.of("o/a_Global.tif", "o/a_1_Global.tif"),
                paired(List.of("i/a.tif", "i/a_1.tif"), List.of("o/a_1_Global.tif", "o/a_Global.tif")));
    }

    @Test
    void aFileComparedWithItselfPairsWithItself() {
        assertEquals(List.of("i/a.tif"), paired(List.of("i/a.tif"), List.of("i/a.tif")));
    }

    @Test
    void everyUnmatchedFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> paired(
                List.of("i/a.tif", "i/b.tif"), List.of("o/a_Normalized.tif", "o/c_Normalized.tif")));
        assertTrue(e.getMessage().contains("o/c_Normalized.tif matches no --before file"), e.getMessage());
        assertTrue(e.getMessage().contains("i/b.tif has no --after file"), e.getMessage());
    }

    @Test
    void twoAfterFilesForOneBeforeFileAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> paired(
                List.of("i/a.tif"), List.of("o/a_Global.tif", "o/a_Normalized.tif")));
        assertTrue(e.getMessage().contains("o/a_Normalized.tif and o/a_Global.tif both match i/a.tif"), e.getMessage());
    }
}
