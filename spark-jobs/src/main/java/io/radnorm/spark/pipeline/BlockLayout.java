package io.radnorm.spark.pipeline;

import java.io.Serializable;
import java.util.Locale;

/**
 * How the block grid is chosen ({@code --blocks}): a target number of blocks per image
 * ({@code 100}), an explicit rows × columns ({@code 18x27}), or from the collection's coefficient
 * of variation ({@code cv}: rows = cols = max(1, round(10·CV/0.36)) with CV = std/mean of all valid
 * band-1 pixels, which costs one extra read of the pixels).
 */
public record BlockLayout(double blocksPerImage, int rows, int cols, boolean fromCv) implements Serializable {

    public static final BlockLayout DEFAULT = perImage(100);

    public static BlockLayout perImage(double n) {
        if (!(n > 0)) {
            throw new IllegalArgumentException("--blocks N needs a positive N: " + n);
        }
        return new BlockLayout(n, 0, 0, false);
    }

    public static BlockLayout fixed(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("--blocks RxC needs positive rows and columns: " + rows + "x" + cols);
        }
        return new BlockLayout(0, rows, cols, false);
    }

    public static BlockLayout parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cv")) {
            return new BlockLayout(0, 0, 0, true);
        }
        int x = t.indexOf('x');
        try {
            if (x > 0) {
                return fixed(Integer.parseInt(t.substring(0, x)), Integer.parseInt(t.substring(x + 1)));
            }
            return perImage(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--blocks takes N (blocks per image), RxC or cv, not '" + text + "'");
        }
    }

    public boolean isFixed() {
        return rows > 0;
    }
}
