package io.radnorm.spark.report;

import io.radnorm.algorithms.local.BlockMap;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * One band of a block map as a picture: each block a square of one colour of {@link Viridis},
 * empty blocks grey, with a title and a colour bar labelled with the values of its ends.
 *
 * <p>The colour range of a band is shared by all maps drawn together ({@link #range}), so the
 * reference and the images' maps compare colour for colour.
 */
public final class BlockMapImage {

    /** Grey of empty blocks: no viridis colour is grey. */
    static final Color EMPTY = new Color(0xB0, 0xB0, 0xB0);

    /** Target long side of the drawn map, in pixels (blocks are whole squares, so it is approximate). */
    private static final int MAP_SIDE = 480;
    private static final int MARGIN = 12, TITLE = 28, BAR_WIDTH = 20, BAR_LABELS = 90, MIN_BAR = 160;

    private BlockMapImage() {
    }

    /** The smallest and largest non-empty mean of {@code band} over all {@code maps}; [0, 1] when all are empty. */
    public static double[] range(List<BlockMap> maps, int band) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (BlockMap m : maps) {
            for (int k = 0; k < m.grid().blockCount(); k++) {
                double v = m.mean(band, k);
                if (v == v) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    public static BufferedImage render(BlockMap map, int band, String title, double lo, double hi) {
        int cols = map.grid().cols(), rows = map.grid().rows();
        int scale = Math.max(1, MAP_SIDE / Math.max(cols, rows));
        int mapW = cols * scale, mapH = rows * scale;
        int barH = Math.max(MIN_BAR, Math.min(mapH, 320));
        int width = Math.max(MARGIN + mapW + MARGIN + BAR_WIDTH + BAR_LABELS, 360);
        int height = TITLE + Math.max(mapH, barH + 30) + 2 * MARGIN;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, MARGIN, MARGIN + 12);
            int top = MARGIN + TITLE;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = map.mean(band, r, c);
                    g.setColor(v == v ? new Color(Viridis.argb(hi > lo ? (v - lo) / (hi - lo) : 0.5), true) : EMPTY);
                    g.fillRect(MARGIN + c * scale, top + r * scale, scale, scale);
                }
            }
            colourBar(g, MARGIN + mapW + MARGIN, top, barH, lo, hi);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A vertical bar, high values on top, labelled at both ends and the middle, with the empty-block swatch below. */
    private static void colourBar(Graphics2D g, int x, int top, int h, double lo, double hi) {
        for (int y = 0; y < h; y++) {
            g.setColor(new Color(Viridis.argb(1 - (double) y / (h - 1)), true));
            g.drawLine(x, top + y, x + BAR_WIDTH - 1, top + y);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, top, BAR_WIDTH - 1, h - 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(label(hi), x + BAR_WIDTH + 4, top + fm.getAscent() - 2);
        g.drawString(label((lo + hi) / 2), x + BAR_WIDTH + 4, top + h / 2 + fm.getAscent() / 2);
        g.drawString(label(lo), x + BAR_WIDTH + 4, top + h);
        int sy = top + h + 10;
        g.setColor(EMPTY);
        g.fillRect(x, sy, BAR_WIDTH, 14);
        g.setColor(Color.BLACK);
        g.drawString("empty", x + BAR_WIDTH + 4, sy + 12);
    }

    private static String label(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-2) ? "%.3g" : "%.2f", v);
    }
}
