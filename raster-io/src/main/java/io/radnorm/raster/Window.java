package io.radnorm.raster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A rectangle of pixels: column {@code x}, row {@code y} of its top-left pixel, and its size, in
 * the pixel grid of one raster (or one overview level of it). Windows are how every job reads and
 * writes: no job holds a whole image.
 */
public record Window(int x, int y, int width, int height) implements Serializable {

    public Window {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative window size " + width + "x" + height);
        }
    }

    /** The whole grid of a {@code width × height} raster. */
    public static Window of(int width, int height) {
        return new Window(0, 0, width, height);
    }

    public long pixelCount() {
        return (long) width * height;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public int maxX() {
        return x + width;
    }

    public int maxY() {
        return y + height;
    }

    /** Whether this window lies inside a {@code width × height} grid. */
    public boolean within(int gridWidth, int gridHeight) {
        return x >= 0 && y >= 0 && maxX() <= gridWidth && maxY() <= gridHeight;
    }

    /** The common part, possibly empty (width or height 0). */
    public Window intersection(Window o) {
        int x0 = Math.max(x, o.x), y0 = Math.max(y, o.y);
        int x1 = Math.min(maxX(), o.maxX()), y1 = Math.min(maxY(), o.maxY());
        return new Window(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /**
     * Row-major tiling of a {@code width × height} grid into windows of at most
     * {@code tileWidth × tileHeight}; edge windows are clipped to the grid.
     */
    public static List<Window> grid(int width, int height, int tileWidth, int tileHeight) {
        List<Window> out = new ArrayList<>();
        for (int y = 0; y < height; y += tileHeight) {
            for (int x = 0; x < width; x += tileWidth) {
                out.add(new Window(x, y, Math.min(tileWidth, width - x), Math.min(tileHeight, height - y)));
            }
        }
        return out;
    }
}
