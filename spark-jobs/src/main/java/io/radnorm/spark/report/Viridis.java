package io.radnorm.spark.report;

/**
 * matplotlib's viridis colormap: perceptually uniform, readable in grey and by colour-blind
 * readers. Interpolated linearly between its colours at 0, 0.1, …, 1 (the published 11-step
 * palette), which stays within a few RGB levels of the full 256-entry table.
 */
public final class Viridis {

    private static final int[] STOPS = {
        0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725};

    private Viridis() {
    }

    /** The opaque ARGB colour of {@code t} in [0, 1] (clamped). */
    public static int argb(double t) {
        double u = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int k = Math.min(STOPS.length - 2, (int) u);
        double f = u - k;
        int a = STOPS[k], b = STOPS[k + 1];
        int r = mix(a >> 16, b >> 16, f), g = mix(a >> 8, b >> 8, f), bl = mix(a, b, f);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
