package io.radnorm.spark.sql;

import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.RasterLayout;
import io.radnorm.raster.Window;
import java.io.Serializable;

/**
 * The windows the {@code radnorm-raster} source cuts one file into: a row-major grid of
 * {@code tileWidth × tileHeight} windows from the top-left pixel, the last column and row clipped
 * to the image. Window {@code k} is at grid column {@code k % columns}, row {@code k / columns}.
 *
 * <p><b>Default size</b> ({@link #defaultFor}): a tiled file's own tiles, so each window decodes
 * exactly one tile. A file in strips has no tiles, and a window narrower than the image would decode
 * every strip it touches once per window column; so its windows span the full width and are as
 * many whole strips high as fit in 512 × 512 = 262,144 pixels (at least one strip, at most the
 * image): each strip is decoded once, and a window holds about as many pixels as a 512² COG tile.
 *
 * @param width      image width in pixels
 * @param height     image height in pixels
 * @param tileWidth  window width (edge windows may be narrower)
 * @param tileHeight window height (edge windows may be lower)
 */
public record WindowGrid(int width, int height, int tileWidth, int tileHeight) implements Serializable {

    /** Pixels of a default window of a file in strips: one 512 × 512 COG tile's worth. */
    static final int STRIP_WINDOW_PIXELS = 512 * 512;

    public WindowGrid {
        if (tileWidth < 1 || tileHeight < 1) {
            throw new IllegalArgumentException("window size must be positive: " + tileWidth + "x" + tileHeight);
        }
        long count = ((long) width + tileWidth - 1) / tileWidth * (((long) height + tileHeight - 1) / tileHeight);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(tileWidth + "x" + tileHeight + " windows cut a " + width + "x" + height
                    + " image into too many windows; use larger windows");
        }
    }

    /**
     * The grid of {@code info} with the requested window size; 0 means "not given". One side given
     * alone sets both (square windows); neither takes {@link #defaultFor the file's own layout}.
     */
    public static WindowGrid of(RasterInfo info, int tileWidth, int tileHeight) {
        if (tileWidth <= 0 && tileHeight <= 0) {
            return defaultFor(info);
        }
        int w = tileWidth > 0 ? tileWidth : tileHeight;
        int h = tileHeight > 0 ? tileHeight : tileWidth;
        return new WindowGrid(info.width(), info.height(), w, h);
    }

    /** The file's tiles, or full-width bands of whole strips (see the class comment). */
    public static WindowGrid defaultFor(RasterInfo info) {
        RasterLayout layout = info.layout();
        int width = Math.max(1, info.width()), height = Math.max(1, info.height());
        if (layout.tiled()) {
            return new WindowGrid(info.width(), info.height(), layout.blockWidth(), layout.blockHeight());
        }
        int strip = Math.max(1, Math.min(layout.blockHeight(), height));
        long stripsPerWindow = Math.max(1, STRIP_WINDOW_PIXELS / ((long) width * strip));
        int rows = (int) Math.min(height, stripsPerWindow * strip);
        return new WindowGrid(info.width(), info.height(), width, rows);
    }

    public int columns() {
        return (width + tileWidth - 1) / tileWidth;
    }

    public int rows() {
        return (height + tileHeight - 1) / tileHeight;
    }

    public int windowCount() {
        return columns() * rows();
    }

    /** Grid column of window {@code k}. */
    public int column(int k) {
        return k % columns();
    }

    /** Grid row of window {@code k}. */
    public int row(int k) {
        return k / columns();
    }

    /** The pixels of window {@code k}, clipped to the image. */
    public Window window(int k) {
        int x = column(k) * tileWidth, y = row(k) * tileHeight;
        return new Window(x, y, Math.min(tileWidth, width - x), Math.min(tileHeight, height - y));
    }
}
