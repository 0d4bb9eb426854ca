package io.radnorm.spark.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stretch and colours of the pictures, on values whose answers are known. */
class QuicklookImageTest {

    /** A 10 x 10 single-band canvas holding {@code offset + 0..99}, its first pixel NaN. */
    private static Quicklook.Canvas canvas(float offset) {
        float[] v = new float[100];
        for (int k = 0; k < 100; k++) {
            v[k] = offset + k;
        }
        v[0] = Float.NaN;
        return new Quicklook.Canvas(new QuicklookGrid(0, 10, 1, 10, 10), new float[][] {v});
    }

    @Test
    void oneStretchFromAllCanvasesTogether() {
        // Valid values: 1..99 and 101..199 (NaN left out): 2 % and 98 % of 198 values.
        QuicklookImage.Stretch s = QuicklookImage.percentileStretch(List.of(canvas(0), canvas(100)), 2, 98);
        assertArrayEquals(new double[] {5}, s.low());   // sorted[round(0.02 * 197)] = sorted[4] = 5
        assertArrayEquals(new double[] {195}, s.high()); // sorted[round(0.98 * 197)] = sorted[193] = 195
    }

    @Test
    void greyLevelsAreClippedAndNoDataIsTransparent() {
        BufferedImage img = QuicklookImage.render(canvas(0), new QuicklookImage.Stretch(new double[] {10},
                new double[] {60}));
        assertEquals(0, img.getRGB(0, 0) >>> 24, "NaN: transparent");
        assertEquals(0xFF000000, img.getRGB(5, 0), "5 is below the stretch: black");
        assertEquals(0xFF808080, img.getRGB(5, 3), "35, half way: 128 grey");
        assertEquals(0xFFFFFFFF, img.getRGB(9, 9), "99 is above: white");
    }

    @Test
    void viridisEndsAndMiddle() {
        assertEquals(0xFF440154, Viridis.argb(0));
        assertEquals(0xFF21918C, Viridis.argb(0.5));
        assertEquals(0xFFFDE725, Viridis.argb(1));
        assertEquals(0xFFFDE725, Viridis.argb(7), "clamped");
    }
}
